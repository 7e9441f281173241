package dev.vellum.validation.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/** The token-certificate conversions are shared across validations: a hit must be the very same certificate. */
class TokenCertificatesTest {

    @Test
    void aCertificateCarryingAnotherOnesSignatureValueIsNotTakenForIt() throws Exception {
        TestPki pki = TestPki.shared();
        X509Certificate tsa = pki.tsa().certificate();
        X509Certificate other = pki.signer(KeyType.ECDSA_P256).certificate();
        Certificate genuine = Certificate.getInstance(tsa.getEncoded());
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(Certificate.getInstance(other.getEncoded()).getTBSCertificate());
        v.add(genuine.getSignatureAlgorithm());
        v.add(genuine.getSignature()); // the TSA's signature value on someone else's TBSCertificate
        X509CertificateHolder forged = new X509CertificateHolder(Certificate.getInstance(new DERSequence(v)));

        X509Certificate fromGenuine = TokenCertificates.certificate(new X509CertificateHolder(genuine));
        X509Certificate fromForged = TokenCertificates.certificate(forged);

        assertThat(fromGenuine).isEqualTo(tsa);
        assertThat(fromForged).isNotEqualTo(tsa);
        assertThat(fromForged.getEncoded()).isEqualTo(forged.getEncoded());
        assertThat(new TokenCertificates.HolderKey(forged).hashCode())
                .isEqualTo(new TokenCertificates.HolderKey(new X509CertificateHolder(genuine)).hashCode());
        assertThat(TokenCertificates.certificate(new X509CertificateHolder(Certificate.getInstance(tsa.getEncoded()))))
                .isSameAs(fromGenuine);
    }
}
