package dev.vellum.bench.memory;

import dev.vellum.bench.extend.DssExtender;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.trust.TrustAnchors;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

/**
 * One library, in a JVM started with {@code -Xmx128m}: a detached B signature (made by es-formats,
 * streaming) over a large file is extended to B-LTA and then checked, against the testkit's live
 * services in this JVM. Prints {@code @@result ok|failed extendSeconds checkSeconds peakHeapMiB detail}.
 *
 * <p>Vellum's check is es-formats' (signature value, message digest over the streamed content, level,
 * every time-stamp imprint): the EN 319 102-1 validator takes a detached content as bytes, which a
 * 1 GiB file in 128 MB cannot be. DSS's check is its full validation, the content as a {@link FileDocument}.
 */
public final class LargeFileWorker {
    private LargeFileWorker() {
    }

    public static void main(String[] args) {
        dev.vellum.bench.LocalServices.withoutNagleDelay();
        String library = args[0];
        Path content = Path.of(args[1]);
        TestPki pki = TestPki.shared();
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        byte[] b = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build()
                .signDetached(SignedContent.of(content));
        long t0 = System.nanoTime();
        String outcome;
        String detail;
        long t1;
        try {
            if (library.equals("vellum")) {
                SignatureValidator online = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                        .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                        .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
                byte[] lta = CadesExtender.builder()
                        .timestampSource(HttpTimestampClient.builder(pki.services().tsaUrl()).build())
                        .validationDataSource(new ValidationDataCollector(online.services(), ValidationMaterial.empty()))
                        .build().extend(new SignedDocumentReader().readDetached(b, SignedContent.of(content)), ExtensionTarget.LTA)
                        .cms();
                t1 = System.nanoTime();
                CadesSignature s = new SignedDocumentReader().readDetached(lta, SignedContent.of(content)).signatures().get(0);
                boolean ok = s.level().baseline() == BaselineLevel.B_LTA && s.cryptographicallyIntact()
                        && s.timestamps().stream().allMatch(t -> t.imprintCheck().passed());
                outcome = ok ? "ok" : "failed";
                detail = s.level().baseline() + ",intact=" + s.cryptographicallyIntact();
            } else {
                byte[] lta = new DssExtender(pki.trustAnchors(), pki.services().tsaUrl()).extendToLta(b, new FileDocument(content.toFile()));
                t1 = System.nanoTime();
                SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(lta));
                CommonCertificateVerifier cv = new CommonCertificateVerifier();
                CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
                pki.trustAnchors().forEach(a -> trusted.addCertificate(new CertificateToken(a)));
                cv.setTrustedCertSources(trusted);
                cv.setCrlSource(new OnlineCRLSource());
                cv.setOcspSource(new OnlineOCSPSource());
                v.setCertificateVerifier(cv);
                v.setDetachedContents(List.of(new FileDocument(content.toFile())));
                v.setValidationTime(Date.from(pki.clock().instant().plusSeconds(2)));
                Reports r = v.validateDocument();
                String id = r.getSimpleReport().getFirstSignatureId();
                detail = r.getSimpleReport().getIndication(id) + "/" + r.getSimpleReport().getSubIndication(id);
                outcome = detail.startsWith("TOTAL_PASSED") ? "ok" : "failed";
            }
        } catch (OutOfMemoryError e) {
            System.out.println("@@result failed NaN NaN " + peakMiB() + " OutOfMemoryError");
            System.exit(1);
            return;
        }
        long t2 = System.nanoTime();
        System.out.printf(java.util.Locale.ROOT, "@@result %s %.2f %.2f %d %s%n", outcome, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                peakMiB(), detail.replace(' ', '_'));
        System.exit(outcome.equals("ok") ? 0 : 1);
    }

    private static long peakMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
