package dev.vellum.validation.dss;

import dev.vellum.testkit.pki.Credential;
import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.Policy;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.policy.SignaturePolicyProvider;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.token.KSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** DSS 6.3 as producer (CAdES signing and augmentation) and as the oracle whose verdicts we must match. */
final class Dss {

    private Dss() {
    }

    /** DSS's verdict: indication and sub-indication names, or "null". */
    record Verdict(String indication, String subIndication) {
        @Override
        public String toString() {
            return indication + "/" + subIndication;
        }
    }

    static CommonCertificateVerifier verifier(List<X509Certificate> anchors, boolean online) {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        anchors.forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        cv.setTrustedCertSources(trusted);
        if (online) {
            cv.setCrlSource(new OnlineCRLSource());
            cv.setOcspSource(new OnlineOCSPSource());
            cv.setAIASource(new DefaultAIASource());
        } else {
            cv.setCrlSource(null);
            cv.setOcspSource(null);
            cv.setAIASource(null);
        }
        SilentOnStatusAlert silent = new SilentOnStatusAlert();
        cv.setAlertOnMissingRevocationData(silent);
        cv.setAlertOnInvalidTimestamp(silent);
        cv.setAlertOnUncoveredPOE(silent);
        cv.setAlertOnRevokedCertificate(silent);
        cv.setAlertOnNoRevocationAfterBestSignatureTime(silent);
        cv.setAlertOnExpiredCertificate(silent);
        cv.setAlertOnNotYetValidCertificate(silent);
        cv.setAlertOnInvalidSignature(silent);
        return cv;
    }

    /** Signs {@code content} detached at {@code level} with DSS. */
    static byte[] sign(Credential signer, List<X509Certificate> chain, byte[] content, SignatureLevel level, URI tsa,
                       List<X509Certificate> anchors, Instant signingDate, DigestAlgorithm digest, Policy policy) {
        try {
            char[] pw = "secret".toCharArray();
            try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(signer.toPkcs12(pw), new KeyStore.PasswordProtection(pw))) {
                KSPrivateKeyEntry key = (KSPrivateKeyEntry) token.getKeys().get(0);
                CAdESSignatureParameters p = new CAdESSignatureParameters();
                p.setSignatureLevel(level);
                p.setSignaturePackaging(SignaturePackaging.DETACHED);
                p.setDigestAlgorithm(digest);
                p.setSigningCertificate(new CertificateToken(signer.certificate()));
                p.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
                p.bLevel().setSigningDate(Date.from(signingDate));
                if (policy != null) {
                    p.bLevel().setSignaturePolicy(policy);
                }
                CAdESService service = new CAdESService(verifier(anchors, true));
                if (tsa != null) {
                    service.setTspSource(new OnlineTSPSource(tsa.toString()));
                }
                DSSDocument doc = new InMemoryDocument(content);
                ToBeSigned tbs = service.getDataToSign(doc, p);
                SignatureValue value = token.sign(tbs, digest, key);
                return service.signDocument(doc, p, value).openStream().readAllBytes();
            }
        } catch (Exception e) {
            throw new IllegalStateException("DSS cannot sign: " + e.getMessage(), e);
        }
    }

    /** Augments a detached CAdES signature to {@code level} (adds validation data / archive time-stamps). */
    static byte[] extend(byte[] signature, byte[] content, SignatureLevel level, URI tsa, List<X509Certificate> anchors) {
        try {
            CAdESSignatureParameters p = new CAdESSignatureParameters();
            p.setSignatureLevel(level);
            p.setSignaturePackaging(SignaturePackaging.DETACHED);
            p.setDetachedContents(List.of(new InMemoryDocument(content)));
            CAdESService service = new CAdESService(verifier(anchors, true));
            service.setTspSource(new OnlineTSPSource(tsa.toString()));
            return service.extendDocument(new InMemoryDocument(signature), p).openStream().readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException("DSS cannot extend: " + e.getMessage(), e);
        }
    }

    static Verdict validate(byte[] signature, byte[] content, Instant at, List<X509Certificate> anchors, boolean online,
                            Map<String, byte[]> policies) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(signature));
        v.setCertificateVerifier(verifier(anchors, online));
        if (content != null) {
            v.setDetachedContents(List.of(new InMemoryDocument(content)));
        }
        v.setValidationTime(Date.from(at));
        if (!policies.isEmpty()) {
            SignaturePolicyProvider provider = new SignaturePolicyProvider();
            java.util.Map<String, DSSDocument> byId = new java.util.HashMap<>();
            policies.forEach((oid, bytes) -> byId.put(oid, new InMemoryDocument(bytes)));
            provider.setSignaturePoliciesById(byId);
            v.setSignaturePolicyProvider(provider);
        }
        Reports r = v.validateDocument();
        String id = r.getSimpleReport().getFirstSignatureId();
        var ind = r.getSimpleReport().getIndication(id);
        var sub = r.getSimpleReport().getSubIndication(id);
        return new Verdict(String.valueOf(ind), String.valueOf(sub));
    }
}
