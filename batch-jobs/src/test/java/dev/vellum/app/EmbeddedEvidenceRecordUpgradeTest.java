package dev.vellum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.demo.DemoSamples;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.renew.RenewJobConfiguration;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.app.store.StoreVerifier;
import dev.vellum.app.store.ValidationRun;
import dev.vellum.app.support.Database;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.EvidenceRecordWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERS upgrade with {@code vellum.upgrade.ers.embed=true}: besides the archive-level records, every
 * intact signed message gets a version whose signature carries its own evidence record (ETSI TS 119
 * 122-3), all from one TSA call; revalidation reads the embedded record as POE and DSS accepts it.
 */
class EmbeddedEvidenceRecordUpgradeTest {
    @TempDir
    Path temp;

    private static ArchiveContext open(Path data, Path samples, boolean embed) {
        ArchiveSettings settings = Database.H2.settings(data)
                .with("vellum.validation.trust[0]", samples.resolve("pki/demo-trust-anchor.pem").toString())
                .with("vellum.validation.trust[1]", samples.resolve("pki/demo-tsa-chain.pem").toString())
                .with("vellum.validation.validation-data[0]", samples.resolve("pki").toString())
                .with("vellum.jobs.chunk-size", "100").with("vellum.jobs.partitions", "1");
        return ArchiveContext.open(embed ? settings.with("vellum.upgrade.ers.embed", "true") : settings);
    }

    @Test
    void everyIntactSignedMessageGetsAnEmbeddedRecordFromTheSameSingleTsaCall() throws Exception {
        Path samples = DemoSamples.extractTo(temp.resolve("samples"));
        Path mailbox = samples.resolve("mailbox/eml");
        try (ArchiveContext archive = open(temp.resolve("data"), samples, true)) {
            assertThat(ingest(archive, mailbox).completed()).isTrue();
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            BlobStore blobs = archive.bean(BlobStore.class);
            List<Item> items = index.items(null, 0, 10_000);

            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(upgrade.completed()).as(upgrade.toString()).isTrue();
            assertThat(upgrade.count("upgraded")).isEqualTo(items.size());
            assertThat(upgrade.count("tsaCalls")).as("archive-level and embedded records: one TSA call").isEqualTo(1);
            assertThat(upgrade.count("embedded")).as("20 valid and 2 revoked-signer messages").isEqualTo(22);
            assertThat(upgrade.count("notEmbedded")).as("the tampered and the unsigned message").isEqualTo(2);

            for (Item item : items) {
                String file = Path.of(index.sources(item.id()).get(0)).getFileName().toString();
                byte[] original = Files.readAllBytes(mailbox.resolve(file));
                assertThat(blobs.read(index.versions(item.id()).get(0).blob())).as("%s version 0", file).isEqualTo(original);
                boolean embeds = !file.contains("tampered") && !file.contains("unsigned");
                assertThat(index.versions(item.id())).extracting(ItemVersion::kind).as(file).containsExactlyElementsOf(embeds
                        ? List.of(ItemVersion.ORIGINAL, ItemVersion.EVIDENCE_RECORD, ItemVersion.CADES_EMBEDDED_ER)
                        : List.of(ItemVersion.ORIGINAL, ItemVersion.EVIDENCE_RECORD));
                if (embeds) {
                    SignedDocument before = new SignedDocumentReader().read(original);
                    SignedDocument after = new SignedDocumentReader().read(blobs.read(
                            index.latestVersion(item.id(), ItemVersion.CADES_EMBEDDED_ER).orElseThrow().blob()));
                    CadesSignature signature = after.signatures().get(0);
                    assertThat(signature.unsignedAttributes().evidenceRecords()).as(file).hasSize(1);
                    assertThat(signature.cryptographicallyIntact()).as(file).isTrue();
                    assertThat(signature.signatureValue()).isEqualTo(before.signatures().get(0).signatureValue());
                    if (before.detached()) {
                        assertThat(after.content().orElseThrow().readAllBytes()).as("%s signed part", file)
                                .isEqualTo(before.content().orElseThrow().readAllBytes());
                    }
                }
            }

            JobRun revalidate = archive.run(RevalidateJobConfiguration.JOB, Map.of(RevalidateJobConfiguration.AT, "now"));
            assertThat(revalidate.completed()).as(revalidate.toString()).isTrue();
            Item alice = itemFrom(index, "01-alice.eml");
            List<ValidationRun> runs = index.validationRuns(alice.id());
            ValidationRun latest = runs.get(runs.size() - 1);
            assertThat(latest.version()).isEqualTo(2);
            assertThat(latest.indication()).isEqualTo("TOTAL_PASSED");
            JsonNode signature = JsonMapper.builder().build().readTree(blobs.read(latest.report()))
                    .get("report").get("signatures").get(0);
            // The embedded record is verified and its time-stamp validated: that is the POE the validation library
            // adds for it. The report lists one POE per object, the first of equal times: both records share the
            // time-stamp, so the one shown is the archive-level record's.
            List<JsonNode> embeddedRecords = new java.util.ArrayList<>();
            signature.get("timestamps").forEach(t -> {
                if (t.get("type").asString().equals("EVIDENCE_RECORD")) {
                    embeddedRecords.add(t);
                }
            });
            assertThat(embeddedRecords).as("%s", signature).singleElement().satisfies(t -> {
                assertThat(t.get("indication").asString()).isIn("PASSED", "TOTAL_PASSED");
                assertThat(t.get("messages").toString()).contains("embedded evidence record proving existence at");
            });
            assertThat(signature.get("warnings").toString()).doesNotContain("evidence record is not used");
            assertThat(signature.get("poes").findValuesAsString("time")).isNotEmpty();

            SignedDocument embedded = new SignedDocumentReader().read(blobs.read(
                    index.latestVersion(alice.id(), ItemVersion.CADES_EMBEDDED_ER).orElseThrow().blob()));
            assertDssAccepts(embedded, samples.resolve("pki/demo-trust-anchor.pem"));

            assertThat(archive.bean(StoreVerifier.class).verify(n -> { }).problems()).isEmpty();
            assertThat(archive.bean(EventLog.class).verify().ok()).isTrue();
        }
    }

    @Test
    void withEmbeddingOffTheErsUpgradeStoresTheArchiveLevelRecordOnly() throws Exception {
        Path samples = DemoSamples.extractTo(temp.resolve("samples"));
        Path mailbox = Files.createDirectories(temp.resolve("three"));
        for (String name : List.of("01-alice.eml", "02-bogdan.eml", "03-carol.eml")) {
            Files.copy(samples.resolve("mailbox/eml/" + name), mailbox.resolve(name));
        }
        try (ArchiveContext archive = open(temp.resolve("data"), samples, false)) {
            assertThat(ingest(archive, mailbox).completed()).isTrue();
            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(upgrade.count("upgraded")).isEqualTo(3);
            assertThat(upgrade.count("tsaCalls")).isEqualTo(1);
            assertThat(upgrade.count("embedded") + upgrade.count("notEmbedded")).isZero();
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            for (Item item : index.items(null, 0, 100)) {
                assertThat(index.versions(item.id())).extracting(ItemVersion::kind)
                        .containsExactly(ItemVersion.ORIGINAL, ItemVersion.EVIDENCE_RECORD);
            }
        }
    }

    /** What {@code vellum upgrade --embed} passes: the job parameter decides over the configuration; with LTA it is refused. */
    @Test
    void theEmbedJobParameterOverridesTheConfigurationAndIsRefusedWithLta() throws Exception {
        Path samples = DemoSamples.extractTo(temp.resolve("samples"));
        Path mailbox = Files.createDirectories(temp.resolve("two"));
        for (String name : List.of("01-alice.eml", "02-bogdan.eml")) {
            Files.copy(samples.resolve("mailbox/eml/" + name), mailbox.resolve(name));
        }
        try (ArchiveContext archive = open(temp.resolve("data"), samples, false)) {
            assertThat(ingest(archive, mailbox).completed()).isTrue();
            JobRun lta = archive.run(UpgradeJobConfiguration.JOB,
                    Map.of(UpgradeJobConfiguration.TARGET, "LTA", UpgradeJobConfiguration.EMBED, "true"));
            assertThat(lta.completed()).isFalse();
            assertThat(lta.failures()).anySatisfy(f -> assertThat(f).contains("set the target to ERS"));
            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB,
                    Map.of(UpgradeJobConfiguration.TARGET, "ERS", UpgradeJobConfiguration.EMBED, "true"));
            assertThat(upgrade.count("embedded")).isEqualTo(2);
            assertThat(upgrade.count("tsaCalls")).isEqualTo(1);
        }
    }

    /** Ten years on, renew renews the archive-level record; the version with the embedded record is left as it was. */
    @Test
    void renewalRenewsTheArchiveLevelRecordAndLeavesTheEmbeddedOneAsASnapshot() throws Exception {
        Path samples = DemoSamples.extractTo(temp.resolve("samples"));
        Path mailbox = Files.createDirectories(temp.resolve("two"));
        for (String name : List.of("01-alice.eml", "02-bogdan.eml")) {
            Files.copy(samples.resolve("mailbox/eml/" + name), mailbox.resolve(name));
        }
        Path data = temp.resolve("data");
        Map<Long, dev.vellum.app.store.ContentHash> embeddedBlobs = new java.util.HashMap<>();
        try (ArchiveContext archive = ArchiveContext.open(new ArchiveSettings(data, null, Instant.parse("2026-12-01T00:00:00Z"),
                Map.of()).with("vellum.upgrade.ers.embed", "true"))) {
            assertThat(ingest(archive, mailbox).completed()).isTrue();
            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(upgrade.count("embedded")).isEqualTo(2);
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            for (Item item : index.items(null, 0, 100)) {
                embeddedBlobs.put(item.id(), index.latestVersion(item.id(), ItemVersion.CADES_EMBEDDED_ER).orElseThrow().blob());
            }
        }
        Files.move(data.resolve("tsa"), temp.resolve("tsa-2026")); // the operator rotates the TSA key, as in RenewalSimulationTest
        try (ArchiveContext archive = ArchiveContext.open(new ArchiveSettings(data, null, Instant.parse("2036-03-01T00:00:00Z"),
                Map.of()).with("vellum.upgrade.ers.embed", "true"))) {
            JobRun renewed = archive.run(RenewJobConfiguration.JOB, Map.of(RenewJobConfiguration.HORIZON, "P1Y"));
            assertThat(renewed.completed()).as(renewed.toString()).isTrue();
            assertThat(renewed.count("renewed")).isEqualTo(2);
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            for (Item item : index.items(null, 0, 100)) {
                assertThat(index.versions(item.id())).extracting(ItemVersion::kind).containsExactly(ItemVersion.ORIGINAL,
                        ItemVersion.EVIDENCE_RECORD, ItemVersion.CADES_EMBEDDED_ER, ItemVersion.EVIDENCE_RECORD);
                assertThat(index.latestVersion(item.id(), ItemVersion.CADES_EMBEDDED_ER).orElseThrow().blob())
                        .as("the embedded record is a snapshot").isEqualTo(embeddedBlobs.get(item.id()));
                assertThat(item.evidenceUntil()).as("follows the renewed archive-level record")
                        .isAfter(Instant.parse("2045-01-01T00:00:00Z"));
            }
        }
    }

    private static JobRun ingest(ArchiveContext archive, Path path) {
        return archive.run(IngestJobConfiguration.JOB,
                Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(List.of(path))));
    }

    private static Item itemFrom(ArchiveIndex index, String fileName) {
        return index.items(null, 0, 10_000).stream()
                .filter(i -> index.sources(i.id()).stream().anyMatch(s -> s.endsWith("/" + fileName)))
                .findFirst().orElseThrow(() -> new AssertionError("no archived item from " + fileName));
    }

    /** DSS 6.3 finds the embedded record, its data (the CMS, and the signed part of a multipart/signed) intact and its time-stamp valid. */
    private static void assertDssAccepts(SignedDocument document, Path trustAnchor) throws Exception {
        X509Certificate root;
        try (InputStream in = Files.newInputStream(trustAnchor)) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(document.cmsEncoded()));
        validator.setCertificateVerifier(verifier);
        Optional<byte[]> content = document.detached() ? document.content().map(c -> c.readAllBytes()) : Optional.empty();
        content.ifPresent(c -> validator.setDetachedContents(List.of(new InMemoryDocument(c))));
        DiagnosticData diagnostic = validator.validateDocument().getDiagnosticData();
        List<EvidenceRecordWrapper> records = diagnostic.getEvidenceRecords();
        assertThat(records).hasSize(1);
        EvidenceRecordWrapper record = records.get(0);
        assertThat(record.isStructuralValidationValid()).as("%s", record.getStructuralValidationMessages()).isTrue();
        assertThat(record.getDigestMatchers()).isNotEmpty();
        for (XmlDigestMatcher m : record.getDigestMatchers()) {
            assertThat(m.isDataFound()).as("DSS finds the data of %s", m.getType()).isTrue();
            assertThat(m.isDataIntact()).as("DSS finds the data of %s intact", m.getType()).isTrue();
        }
        assertThat(record.getTimestampList()).hasSize(1);
        for (TimestampWrapper ts : record.getTimestampList()) {
            assertThat(ts.isMessageImprintDataIntact()).isTrue();
            assertThat(ts.isSignatureValid()).isTrue();
        }
    }
}
