package dev.vellum.formats.support;

import dev.vellum.testkit.pki.Credential;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.ExternalResourcesOCSPSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import dev.vellum.formats.ValidationData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.util.List;

/** DSS as a signer: makes CAdES baseline signatures with testkit keys and the testkit TSA key. */
public final class DssSigner {
    private static final char[] PASSWORD = "test".toCharArray();

    private DssSigner() {
    }

    public static byte[] sign(Credential signer, byte[] content, SignatureLevel level, ValidationData revocation) {
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(signer.toPkcs12(PASSWORD),
                new KeyStore.PasswordProtection(PASSWORD))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            CAdESSignatureParameters p = new CAdESSignatureParameters();
            p.setSignatureLevel(level);
            p.setSignaturePackaging(SignaturePackaging.DETACHED);
            p.setDigestAlgorithm(DigestAlgorithm.SHA256);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            CAdESService service = service(revocation);
            DSSDocument doc = new InMemoryDocument(content);
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue value = token.sign(tbs, p.getDigestAlgorithm(), key);
            return bytes(service.signDocument(doc, p, value));
        }
    }

    public static byte[] extend(byte[] signature, byte[] content, SignatureLevel level, ValidationData revocation) {
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(level);
        p.setDetachedContents(List.of(new InMemoryDocument(content)));
        return bytes(service(revocation).extendDocument(new InMemoryDocument(signature), p));
    }

    private static CAdESService service(ValidationData revocation) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(Pki.root()));
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        cv.setTrustedCertSources(trusted);
        cv.setAIASource(null);
        cv.setCrlSource(new ExternalResourcesCRLSource(revocation.crls().stream()
                .map(c -> (DSSDocument) new InMemoryDocument(der(c))).toArray(DSSDocument[]::new)));
        cv.setOcspSource(new ExternalResourcesOCSPSource(revocation.ocspResponses().stream()
                .map(o -> (DSSDocument) new InMemoryDocument(o.encoded())).toArray(DSSDocument[]::new)));
        eu.europa.esig.dss.spi.x509.CommonCertificateSource adjunct = new eu.europa.esig.dss.spi.x509.CommonCertificateSource();
        revocation.certificates().forEach(c -> adjunct.addCertificate(new CertificateToken(c)));
        cv.setAdjunctCertSources(adjunct);
        CAdESService service = new CAdESService(cv);
        Credential tsa = Pki.pki().tsa();
        KeyEntityTSPSource tsp = new KeyEntityTSPSource(tsa.privateKey(), tsa.certificate(), tsa.chain());
        tsp.setTsaPolicy(dev.vellum.testkit.pki.TestPki.TSA_POLICY.getId());
        service.setTspSource(tsp);
        return service;
    }

    private static byte[] der(java.security.cert.X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(DSSDocument d) {
        try (var in = d.openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
