package dev.vellum.bench.extend;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * DSS 6.3 augmenting detached CAdES signatures to CAdES-BASELINE-LTA with online CRL, OCSP and AIA
 * sources and an online TSP source — as the validation module's DSS agreement tests use it.
 */
public final class DssExtender {
    private final CAdESService service;

    public DssExtender(List<X509Certificate> anchors, URI tsa) {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        anchors.forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        cv.setTrustedCertSources(trusted);
        cv.setCrlSource(new OnlineCRLSource());
        cv.setOcspSource(new OnlineOCSPSource());
        cv.setAIASource(new DefaultAIASource());
        SilentOnStatusAlert silent = new SilentOnStatusAlert();
        cv.setAlertOnMissingRevocationData(silent);
        cv.setAlertOnUncoveredPOE(silent);
        cv.setAlertOnNoRevocationAfterBestSignatureTime(silent);
        service = new CAdESService(cv);
        service.setTspSource(new OnlineTSPSource(tsa.toString()));
    }

    public byte[] extendToLta(byte[] signature, DSSDocument content) {
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.CAdES_BASELINE_LTA);
        p.setSignaturePackaging(SignaturePackaging.DETACHED);
        p.setDetachedContents(List.of(content));
        try {
            return service.extendDocument(new InMemoryDocument(signature), p).openStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
