package dev.vellum.formats.support;

import dev.vellum.formats.ValidationData;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.ExternalResourcesOCSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DSS as an oracle: validates offline with the testkit root trusted and optional external revocation data. */
public final class Dss {
    private Dss() {
    }

    /** DSS's verdict on one signature. */
    public record Verdict(String id, SignatureLevel format, Indication indication, SubIndication subIndication,
                          List<String> errors, boolean policyIdentified, boolean policyDigestValid,
                          int validArchiveTimestamps) {
        @Override
        public String toString() {
            return format + " " + indication + (subIndication == null ? "" : "/" + subIndication) + " " + errors;
        }
    }

    public static List<Verdict> validate(byte[] signature, Optional<byte[]> detachedContent, X509Certificate root,
                                         ValidationData external) {
        return validate(signature, detachedContent, List.of(root), external, java.util.Map.of());
    }

    public static List<Verdict> validate(byte[] signature, Optional<byte[]> detachedContent, List<X509Certificate> roots,
                                         ValidationData external) {
        return validate(signature, detachedContent, roots, external, java.util.Map.of());
    }

    public static List<Verdict> validate(byte[] signature, Optional<byte[]> detachedContent, X509Certificate root,
                                         ValidationData external, java.util.Map<String, byte[]> policies) {
        return validate(signature, detachedContent, List.of(root), external, policies);
    }

    /** @param policies signature policy documents by OID, for EPES checks */
    private static List<Verdict> validate(byte[] signature, Optional<byte[]> detachedContent, List<X509Certificate> roots,
                                         ValidationData external, java.util.Map<String, byte[]> policies) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        roots.forEach(root -> trusted.addCertificate(new CertificateToken(root)));
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        cv.setTrustedCertSources(trusted);
        cv.setAIASource(null);
        cv.setCrlSource(null);
        cv.setOcspSource(null);
        if (!external.isEmpty()) {
            CommonCertificateSource adjunct = new CommonCertificateSource();
            external.certificates().forEach(c -> adjunct.addCertificate(new CertificateToken(c)));
            cv.setAdjunctCertSources(adjunct);
            if (!external.crls().isEmpty()) {
                cv.setCrlSource(new ExternalResourcesCRLSource(external.crls().stream()
                        .map(c -> (DSSDocument) new InMemoryDocument(encoded(c))).toArray(DSSDocument[]::new)));
            }
            if (!external.ocspResponses().isEmpty()) {
                cv.setOcspSource(new ExternalResourcesOCSPSource(external.ocspResponses().stream()
                        .map(o -> (DSSDocument) new InMemoryDocument(o.encoded())).toArray(DSSDocument[]::new)));
            }
        }
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signature));
        validator.setCertificateVerifier(cv);
        detachedContent.ifPresent(c -> validator.setDetachedContents(List.of(new InMemoryDocument(c))));
        eu.europa.esig.dss.spi.policy.SignaturePolicyProvider provider = new eu.europa.esig.dss.spi.policy.SignaturePolicyProvider();
        java.util.Map<String, DSSDocument> byId = new java.util.HashMap<>();
        policies.forEach((oid, doc) -> byId.put(oid, new InMemoryDocument(doc)));
        provider.setSignaturePoliciesById(byId);
        provider.setDataLoader(null);
        validator.setSignaturePolicyProvider(provider);
        Reports reports = validator.validateDocument(new java.io.ByteArrayInputStream(policyWithEdDsa()));
        SimpleReport simple = reports.getSimpleReport();
        List<Verdict> out = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            List<String> errors = new ArrayList<>();
            simple.getAdESValidationErrors(id).forEach(m -> errors.add(m.getValue()));
            var wrapper = reports.getDiagnosticData().getSignatureById(id);
            out.add(new Verdict(id, simple.getSignatureFormat(id), simple.getIndication(id), simple.getSubIndication(id), errors,
                    wrapper.isPolicyIdentified(), wrapper.isPolicyDigestValid(),
                    (int) wrapper.getTimestampListByType(eu.europa.esig.dss.enumerations.TimestampType.ARCHIVE_TIMESTAMP).stream()
                            .filter(t -> t.isMessageImprintDataIntact() && t.isSignatureValid()).count()));
        }
        return out;
    }

    /**
     * DSS's default policy with EdDSA accepted: DSS leaves it commented out ("not referenced in
     * ETSI/SOGIS"), while RFC 8419 Ed25519 CMS signatures are what the brief asks us to interoperate on.
     */
    static byte[] policyWithEdDsa() {
        try (var in = SignedDocumentValidator.class.getResourceAsStream("/policy/constraint.xml")) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            xml = xml.replace("<!-- \t\t<Algo>EdDSA</Algo> \t\t\t\tNot referenced in ETSI/SOGIS -->", "<Algo>EdDSA</Algo>")
                    .replace("<!-- \t\t<Algo Size=\"24\">EdDSA</Algo> \t\tNot referenced in ETSI/SOGIS -->",
                            "<Algo Size=\"24\">EdDSA</Algo>");
            int end = xml.indexOf("</AlgoExpirationDate>", xml.indexOf("<Cryptographic Level=\"FAIL\">"));
            xml = xml.substring(0, end) + "<Algo Size=\"24\">EdDSA</Algo>\n" + xml.substring(end);
            if (!xml.contains("<Algo>EdDSA</Algo>")) {
                throw new IllegalStateException("DSS policy layout changed: EdDSA line not found");
            }
            return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(java.security.cert.X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

}
