package dev.vellum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.renew.RenewJobConfiguration;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.app.store.StoreVerifier;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.services.FailureMode;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.trust.TrustAnchors;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twenty-seven years of a CAdES archive in seconds, with {@code --now}: signed and upgraded to B-LTA in
 * 2026; the signer's certificate expires in 2028, the signature time-stamp's TSA in 2031, each archive
 * TSA ten years after it started; {@code renew} adds an archive time-stamp every nine years (the operator
 * rotating the archive TSA each time), with no fresh revocation data for anything expired — and the
 * archive still proves, offline, that the signature was valid when it was made in 2026. DSS agrees.
 */
class LtaRenewalSimulationTest {
    private static final Instant SIGNED = Instant.parse("2026-01-15T10:00:00Z");
    private static final List<Instant> RENEWALS = List.of(Instant.parse("2035-06-01T00:00:00Z"),
            Instant.parse("2044-06-01T00:00:00Z"), Instant.parse("2053-12-01T00:00:00Z"));

    @TempDir
    Path temp;

    @Test
    void ltaItemsAreRenewedAfterSignerAndTsaCertificatesExpiredAndStillProveTheOriginalSigningTime() throws Exception {
        MutableClock clock = MutableClock.at(SIGNED.toString());
        try (TestPki pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).build()) {
            Credential signer = pki.signer(KeyType.ECDSA_P256);
            Path in = Files.createDirectories(temp.resolve("in"));
            Files.write(in.resolve("message.eml"), smimeBt(pki, signer, clock));
            byte[] enveloping = envelopingBt(pki, signer, clock);
            Files.write(in.resolve("contract.p7m"), enveloping);
            Path data = temp.resolve("data");
            ArchiveSettings settings = new ArchiveSettings(data, null, null, Map.of())
                    .with("vellum.validation.trust[0]", pem(temp.resolve("pki-root.pem"), pki.trustAnchors()).toString())
                    .with("vellum.validation.online", "true")
                    .with("vellum.validation.allowed-hosts[0]", "127.0.0.1");

            try (ArchiveContext archive = ArchiveContext.open(at(settings, SIGNED))) {
                JobRun ingest = archive.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                        IngestJobConfiguration.sourcesParameter(List.of(in))));
                assertThat(ingest.count("TOTAL_PASSED")).as(ingest.toString()).isEqualTo(2);
                JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "LTA"));
                assertThat(upgrade.count("upgraded")).as(upgrade.toString()).isEqualTo(2);
            }
            // Years later the test CA no longer answers for certificates it issued long ago.
            pki.services().crl().failWith(FailureMode.DOWN);
            pki.services().ocsp().failWith(FailureMode.DOWN);

            List<X509Certificate> archiveTsaChains = new ArrayList<>();
            int rotation = 0;
            for (Instant renewal : RENEWALS) {
                clock.set(renewal);
                assertThat(renewal).isAfter(signer.certificate().getNotAfter().toInstant())
                        .isAfter(pki.tsa().certificate().getNotAfter().toInstant());
                // The operator rotates the archive TSA (docs/operations.md): the old chain stays trusted.
                Path old = temp.resolve("tsa-" + ++rotation);
                Files.move(data.resolve("tsa"), old);
                archiveTsaChains.addAll(TrustAnchors.readCertificates(old.resolve("chain.pem")));
                settings = settings.with("vellum.validation.trust[" + rotation + "]", old.resolve("chain.pem").toString());

                try (ArchiveContext archive = ArchiveContext.open(at(settings, renewal))) {
                    JobRun renew = archive.run(RenewJobConfiguration.JOB, Map.of(RenewJobConfiguration.HORIZON, "P1Y"));
                    assertThat(renew.completed()).as(renew.toString()).isTrue();
                    assertThat(renew.count("renewed")).as(renew.toString()).isEqualTo(2);
                    assertThat(renew.count("quarantined")).isZero();

                    JobRun revalidate = archive.run(RevalidateJobConfiguration.JOB,
                            Map.of(RevalidateJobConfiguration.AT, "now"));
                    assertThat(revalidate.count("TOTAL_PASSED")).as("%s in %s", revalidate, renewal).isEqualTo(2);
                    ArchiveIndex index = archive.bean(ArchiveIndex.class);
                    BlobStore blobs = archive.bean(BlobStore.class);
                    for (long id : List.of(1L, 2L)) {
                        JsonNode signature = JsonMapper.builder().build()
                                .readTree(blobs.read(index.latestValidation(id).orElseThrow().report()))
                                .path("report").path("signatures").get(0);
                        assertThat(signature.path("indication").asString()).isEqualTo("TOTAL_PASSED");
                        assertThat(signature.path("level").asString()).isEqualTo("CAdES-BASELINE-LTA");
                        assertThat(Instant.parse(signature.path("bestSignatureTime").asString()))
                                .as("proven to exist when it was signed").isEqualTo(SIGNED);
                    }
                    assertThat(index.versions(1)).extracting(ItemVersion::kind).hasSize(2 + rotation)
                            .last().isEqualTo(ItemVersion.CADES);
                    Item contract = index.findByOriginal(dev.vellum.app.store.ContentHash.of(enveloping)).orElseThrow();
                    assertThat(contract.evidenceUntil()).isAfter(renewal.plusSeconds(8L * 365 * 86400));

                    // DSS, offline, trusting the test root and the archive's TSAs, accepts the renewed signature.
                    List<X509Certificate> anchors = new ArrayList<>(pki.trustAnchors());
                    anchors.addAll(archiveTsaChains);
                    anchors.addAll(TrustAnchors.readCertificates(data.resolve("tsa/chain.pem")));
                    byte[] renewed = blobs.read(index.latestVersion(contract.id(), ItemVersion.CADES).orElseThrow().blob());
                    assertThat(dss(renewed, renewal.plusSeconds(86400), anchors)).as("DSS in %s", renewal)
                            .isEqualTo(Indication.TOTAL_PASSED);
                    assertThat(archive.bean(StoreVerifier.class).verify(n -> { }).problems()).isEmpty();
                }
            }
        }
    }

    /** An S/MIME message signed (B-B) and time-stamped by the test PKI's TSA (B-T). */
    private static byte[] smimeBt(TestPki pki, Credential signer, MutableClock clock) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", "signer@vellum.test");
        headers.put("Subject", "keep this for decades");
        byte[] entity = "Content-Type: text/plain\r\n\r\nkeep this for decades\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).clock(clock).build()
                .signSmime(entity, new SmimeMessageWriter.Headers(headers));
        return timestamped(pki, clock, signed);
    }

    private static byte[] envelopingBt(TestPki pki, Credential signer, MutableClock clock) {
        byte[] signed = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).clock(clock).build()
                .signEnveloping(SignedContent.of("a contract of 2026".getBytes(StandardCharsets.UTF_8)));
        return timestamped(pki, clock, signed);
    }

    private static byte[] timestamped(TestPki pki, MutableClock clock, byte[] signed) {
        return CadesExtender.builder().clock(clock)
                .timestampSource((algorithm, digest) -> pki.timeStamp()
                        .imprint(new ASN1ObjectIdentifier(algorithm.oid()), digest).build())
                .build().extend(new SignedDocumentReader().read(signed), ExtensionTarget.T).output();
    }

    private static Indication dss(byte[] signature, Instant at, List<X509Certificate> anchors) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        anchors.forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signature));
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(Date.from(at));
        Reports reports = validator.validateDocument();
        String id = reports.getSimpleReport().getFirstSignatureId();
        Indication indication = reports.getSimpleReport().getIndication(id);
        if (indication != Indication.TOTAL_PASSED) {
            System.out.println(reports.getXmlSimpleReport());
        }
        return indication;
    }

    private static Path pem(Path file, List<X509Certificate> certificates) throws Exception {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certificates) {
            out.append(Pem.encode("CERTIFICATE", c.getEncoded()));
        }
        return Files.writeString(file, out);
    }

    private static ArchiveSettings at(ArchiveSettings settings, Instant now) {
        return new ArchiveSettings(settings.dataDir(), settings.configFile(), now, settings.properties());
    }
}
