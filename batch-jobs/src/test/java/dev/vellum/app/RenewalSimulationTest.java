package dev.vellum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.renew.RenewJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.app.store.StoreVerifier;
import dev.vellum.app.support.Mailboxes;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;
import dev.vellum.timestamping.ers.DataObject;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecordVerifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ten years of an archive in seconds, with --now: evidence records made, refused renewal, renewed, still proving 2026. */
class RenewalSimulationTest {
    @TempDir
    Path temp;

    @Test
    void evidenceIsRenewedBeforeItsTsaCertificateExpiresAndStillProvesTheOriginalDate() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            messages.add(("From: a" + i + "@example.org\r\nSubject: s" + i + "\r\n\r\nbody " + i + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Path input = Mailboxes.mbox(temp.resolve("in/m.mbox"), messages);
        Path data = temp.resolve("data");
        Instant start = Instant.parse("2026-12-01T00:00:00Z");

        try (ArchiveContext archive = open(data, start)) {
            assertThat(archive.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                    IngestJobConfiguration.sourcesParameter(List.of(input)))).completed()).isTrue();
            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(upgrade.count("upgraded")).isEqualTo(12);
            assertThat(upgrade.count("tsaCalls")).as("one TSA call per chunk (chunk 5, 2 partitions)").isBetween(3L, 4L);
            Item item = archive.bean(ArchiveIndex.class).find(1).orElseThrow();
            // The embedded TSA's generated certificate lives ten years: that is when the evidence must be renewed.
            assertThat(item.evidenceUntil()).isBetween(Instant.parse("2036-11-25T00:00:00Z"), Instant.parse("2036-12-05T00:00:00Z"));
        }

        Instant later = Instant.parse("2036-03-01T00:00:00Z");
        try (ArchiveContext archive = open(data, later)) {
            JobRun nothingYet = archive.run(RenewJobConfiguration.JOB, Map.of(RenewJobConfiguration.HORIZON, "P6M"));
            assertThat(nothingYet.count("renewed")).as("not due within six months").isZero();
            JobRun refused = archive.run(RenewJobConfiguration.JOB, Map.of(RenewJobConfiguration.HORIZON, "P1Y"));
            assertThat(refused.completed()).isFalse();
            assertThat(refused.failures()).anySatisfy(f -> assertThat(f).contains("configure a TSA with a newer certificate"));
        }

        // The operator rotates the TSA key (a new TSA certificate, valid from 2036), then the same command again.
        Files.move(data.resolve("tsa"), temp.resolve("tsa-2026"));
        try (ArchiveContext archive = open(data, later)) {
            JobRun renewed = archive.run(RenewJobConfiguration.JOB, Map.of(RenewJobConfiguration.HORIZON, "P1Y"));
            assertThat(renewed.completed()).as(renewed.toString()).isTrue();
            assertThat(renewed.restarted()).isTrue();
            assertThat(renewed.count("renewed")).isEqualTo(12);
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            Item item = index.find(1).orElseThrow();
            assertThat(item.evidenceUntil()).isBetween(Instant.parse("2046-02-25T00:00:00Z"), Instant.parse("2046-03-05T00:00:00Z"));
            assertThat(index.versions(1)).extracting(ItemVersion::kind)
                    .containsExactly(ItemVersion.ORIGINAL, ItemVersion.EVIDENCE_RECORD, ItemVersion.EVIDENCE_RECORD);
            assertThat(archive.bean(StoreVerifier.class).verify(n -> { }).problems()).isEmpty();

            // In 2040, after the first TSA certificate expired, the renewed record still proves December 2026.
            BlobStore blobs = archive.bean(BlobStore.class);
            EvidenceRecord record = EvidenceRecord.parse(blobs.read(index.latestVersion(1, ItemVersion.EVIDENCE_RECORD)
                    .orElseThrow().blob()));
            var verification = EvidenceRecordVerifier.defaults().verify(record,
                    List.of(new DataObject.Content(blobs.read(item.original()))), Instant.parse("2040-01-01T00:00:00Z"));
            assertThat(verification.valid()).as(verification.message()).isTrue();
            assertThat(verification.proofOfExistence()).contains(Instant.parse("2026-12-01T00:00:00Z"));

            JobRun again = archive.run(RenewJobConfiguration.JOB, Map.of(RenewJobConfiguration.HORIZON, "P1Y"));
            assertThat(again.count("renewed")).as("nothing due any more").isZero();
        }
    }

    private static ArchiveContext open(Path data, Instant now) {
        return ArchiveContext.open(new ArchiveSettings(data, null, now, Map.of())
                .with("vellum.jobs.chunk-size", "5").with("vellum.jobs.partitions", "2"));
    }
}
