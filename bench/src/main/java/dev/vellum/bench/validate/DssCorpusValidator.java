package dev.vellum.bench.validate;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.ExternalResourcesOCSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DSS 6.3 with its default validation policy, offline (no online CRL, OCSP or AIA source), each set's
 * anchors trusted and its certificates, CRLs and OCSP responses as adjunct sources — configured as the
 * validation module's DSS agreement tests configure it. One certificate verifier per set, reused.
 *
 * <p>A file DSS cannot read at all (it throws instead of reporting) counts as TOTAL_FAILED/FORMAT_FAILURE,
 * which is what EN 319 102-1 §5.2.2 gives and what Vellum reports.
 */
public final class DssCorpusValidator implements CorpusValidator {
    public static final String UNREADABLE = "TOTAL_FAILED/FORMAT_FAILURE";
    private final Map<String, CommonCertificateVerifier> bySet = new HashMap<>();

    public DssCorpusValidator(Map<String, SetMaterial> sets) {
        sets.forEach((name, m) -> bySet.put(name, verifier(m)));
    }

    static CommonCertificateVerifier verifier(SetMaterial m) {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        m.anchors().forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        cv.setTrustedCertSources(trusted);
        CommonCertificateSource pool = new CommonCertificateSource();
        m.certificates().forEach(c -> pool.addCertificate(new CertificateToken(c)));
        cv.setAdjunctCertSources(pool);
        cv.setCrlSource(m.crls().isEmpty() ? null
                : new ExternalResourcesCRLSource(m.crls().stream().map(InMemoryDocument::new).toArray(DSSDocument[]::new)));
        cv.setOcspSource(m.ocspResponses().isEmpty() ? null
                : new ExternalResourcesOCSPSource(m.ocspResponses().stream().map(InMemoryDocument::new).toArray(DSSDocument[]::new)));
        cv.setAIASource(null);
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

    @Override
    public String verdict(LoadedEntry e) {
        Reports reports;
        try {
            SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(e.dssFile()));
            v.setCertificateVerifier(bySet.get(e.entry().set()));
            if (e.dssContent() != null) {
                v.setDetachedContents(List.of(new InMemoryDocument(e.dssContent())));
            }
            v.setValidationTime(Date.from(e.entry().at()));
            reports = v.validateDocument();
        } catch (RuntimeException unreadable) {
            return UNREADABLE;
        }
        List<String> verdicts = new ArrayList<>();
        for (String id : reports.getSimpleReport().getSignatureIdList()) {
            if (!reports.getDiagnosticData().getSignatureById(id).isCounterSignature()) {
                verdicts.add(reports.getSimpleReport().getIndication(id) + "/" + reports.getSimpleReport().getSubIndication(id));
            }
        }
        return Verdicts.join(verdicts);
    }
}
