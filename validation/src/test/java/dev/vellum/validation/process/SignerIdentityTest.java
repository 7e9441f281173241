package dev.vellum.validation.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.report.SignerIdentity;
import org.junit.jupiter.api.Test;

class SignerIdentityTest {
    private final TestPki pki = TestPki.shared();

    @Test
    void emailAddressInTheSubjectIsReadAsText() {
        var cert = pki.issue("legacy-email-signer").keyType(KeyType.ECDSA_P256)
                .subject("EMAILADDRESS=anna@records.example, CN=Anna Legacy, O=Vellum Test PKI, C=DE")
                .withoutEmail().build().certificate();

        SignerIdentity identity = BasicSignatureValidation.identity(cert);

        assertThat(identity.name()).isEqualTo("Anna Legacy");
        assertThat(identity.email()).isEqualTo("anna@records.example");
    }

    @Test
    void subjectAlternativeNameWinsOverTheSubject() {
        var cert = pki.issue("san-signer").keyType(KeyType.ECDSA_P256)
                .subject("EMAILADDRESS=old@records.example, CN=Bo San, O=Vellum Test PKI, C=DE")
                .email("bo@records.example").build().certificate();

        assertThat(BasicSignatureValidation.identity(cert).email()).isEqualTo("bo@records.example");
    }

    @Test
    void eachCertificateIsDescribedByItsOwnBytesEvenWhenAskedAgain() throws Exception {
        var anna = pki.issue("identity-anna").keyType(KeyType.ECDSA_P256)
                .subject("CN=Anna Again, O=Vellum Test PKI, C=DE").email("anna@records.example").build().certificate();
        var bo = pki.issue("identity-bo").keyType(KeyType.ECDSA_P256)
                .subject("CN=Bo Again, O=Vellum Test PKI, C=DE").email("bo@records.example").build().certificate();
        var annaDecodedAgain = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(anna.getEncoded()));

        SignerIdentity first = BasicSignatureValidation.identity(anna);

        assertThat(BasicSignatureValidation.identity(bo).name()).isEqualTo("Bo Again");
        assertThat(BasicSignatureValidation.identity(bo).email()).isEqualTo("bo@records.example");
        assertThat(BasicSignatureValidation.identity(annaDecodedAgain)).isEqualTo(first);
        assertThat(first.name()).isEqualTo("Anna Again");
    }
}
