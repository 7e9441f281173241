package dev.vellum.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.CertificateUrls;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {
    private static final TestPki PKI = TestPki.shared();

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "RSA_PSS", "RSA_PSS_KEY", "ECDSA_P256", "ED25519"})
    void signersChainToTheRootAndCarryMailSigningExtensions(KeyType type) throws Exception {
        Credential signer = PKI.signer(type);
        X509Certificate cert = signer.certificate();

        assertThat(validatePath(signer.chain(), PKI.root().certificate())).isTrue();
        assertThat(signer.chain()).containsExactly(cert, PKI.intermediate().certificate(), PKI.root().certificate());
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(cert.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_emailProtection.getId());
        assertThat(cert.getSubjectAlternativeNames()).containsExactly(
                List.of(GeneralName.rfc822Name, signer.name() + "@vellum.test"));
        assertThat(CertificateUrls.crl(cert)).containsExactly(PKI.services().crlUrl(PKI.intermediate()).toString());
        assertThat(CertificateUrls.ocsp(cert)).containsExactly(PKI.services().ocspUrl().toString());
        assertThat(CertificateUrls.caIssuers(cert))
                .containsExactly(PKI.services().caIssuersUrl(PKI.intermediate()).toString());
        assertThat(signs(signer.privateKey(), type.signatureAlgorithm(), cert)).isTrue();
    }

    @Test
    void keyTypesAreWhatTheirNamesSay() {
        assertThat(PKI.signer(KeyType.RSA_2048).certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(PKI.signer(KeyType.RSA_PSS).certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(PKI.signer(KeyType.RSA_PSS_KEY).certificate().getPublicKey().getAlgorithm()).isEqualTo("RSASSA-PSS");
        assertThat(PKI.signer(KeyType.ECDSA_P256).certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(PKI.signer(KeyType.ED25519).certificate().getPublicKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(PKI.signer(KeyType.ED25519)).isSameAs(PKI.signer(KeyType.ED25519));
    }

    @Test
    void theRevokedSignerIsRevokedForKeyCompromiseADayBeforeCreation() {
        Revocation revocation = PKI.revocation(PKI.revokedSigner().certificate()).orElseThrow();
        assertThat(revocation.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(revocation.revocationTime()).isEqualTo(PKI.revocationTime())
                .isEqualTo(PKI.createdAt().minus(Duration.ofDays(1)));
        var entry = PKI.currentCrl(PKI.intermediate()).getRevokedCertificate(PKI.revokedSigner().serialNumber());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationDate()).isEqualTo(Date.from(PKI.revocationTime()));
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
    }

    @Test
    void specialSignersAreBrokenInTheirOwnWay() throws Exception {
        Date now = Date.from(PKI.createdAt());
        assertThatThrownBy(() -> PKI.expiredSigner().certificate().checkValidity(now))
                .isInstanceOf(java.security.cert.CertificateExpiredException.class);
        boolean[] usage = PKI.noSigningKeyUsageSigner().certificate().getKeyUsage();
        assertThat(usage[0] || usage[1]).isFalse();
        assertThat(validatePath(PKI.untrustedSigner().chain(), PKI.root().certificate())).isFalse();
        assertThat(validatePath(PKI.untrustedSigner().chain(), PKI.untrustedRoot().certificate())).isTrue();
        assertThat(PKI.trustAnchors()).containsExactly(PKI.root().certificate());
    }

    @Test
    void theTsaCertificateHasOnlyACriticalTimeStampingEku() throws Exception {
        X509Certificate tsa = PKI.tsa().certificate();
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(validatePath(PKI.tsa().chain(), PKI.root().certificate())).isTrue();
    }

    @Test
    void theOcspResponderIsDelegatedAndNotChecked() throws Exception {
        X509Certificate responder = PKI.ocspResponder().certificate();
        assertThat(responder.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_OCSPSigning.getId());
        assertThat(responder.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId())).isNotNull();
        assertThat(responder.getIssuerX500Principal()).isEqualTo(PKI.intermediate().certificate().getSubjectX500Principal());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "RSA_PSS_KEY", "ECDSA_P256", "ED25519"})
    void pkcs12FilesHoldKeyAndChain(KeyType type) throws Exception {
        Credential signer = PKI.signer(type);
        char[] password = "secret".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(signer.toPkcs12(password)), password);
        assertThat(store.getKey(signer.name(), password).getEncoded()).isEqualTo(signer.privateKey().getEncoded());
        assertThat(store.getCertificateChain(signer.name())).containsExactlyElementsOf(signer.chain());
    }

    @Test
    void pemIsReadableByTheJdk() throws Exception {
        Credential signer = PKI.signer(KeyType.ECDSA_P256);
        var factory = CertificateFactory.getInstance("X.509");
        List<java.security.cert.Certificate> certs = List.copyOf(
                factory.generateCertificates(new ByteArrayInputStream(signer.chainPem().getBytes())));
        assertThat(certs).containsExactlyElementsOf(signer.chain());
        assertThat(signer.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    static boolean validatePath(List<X509Certificate> chain, X509Certificate anchor) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        params.setRevocationEnabled(false);
        try {
            CertPathValidator.getInstance("PKIX").validate(path, params);
            return true;
        } catch (CertPathValidatorException e) {
            return false;
        }
    }

    private static boolean signs(PrivateKey key, String algorithm, X509Certificate cert) throws Exception {
        Signature signer = Signature.getInstance(algorithm, Crypto.BC);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, Crypto.BC);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        return verifier.verify(signature);
    }
}
