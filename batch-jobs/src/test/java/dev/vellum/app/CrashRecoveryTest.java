package dev.vellum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.StoreVerification;
import dev.vellum.app.store.StoreVerifier;
import dev.vellum.app.support.Database;
import dev.vellum.app.support.EmbeddedPostgresServer;
import dev.vellum.app.support.Mailboxes;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * kill -9 of a child JVM in the middle of a job, then the same command again: the job resumes from
 * its last committed chunk, finishes, does nothing twice, and the store verifies — for ingest, the
 * ERS upgrade and the CAdES LTA upgrade (on H2 and on PostgreSQL).
 */
class CrashRecoveryTest {
    private static final int MESSAGES = 300;

    @TempDir
    Path temp;

    @Test
    void ingestKilledMidChunkResumesAndCompletesWithNothingDoneTwice() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(("From: sender" + i + "@example.org\r\nMessage-ID: <crash-" + i + "@example.org>\r\nSubject: "
                    + "message " + i + "\r\n\r\n" + "body line\r\n".repeat(20)).getBytes(StandardCharsets.US_ASCII));
        }
        Path input = Mailboxes.mbox(temp.resolve("in/crash.mbox"), messages);
        Path data = temp.resolve("data");
        Path config = Files.writeString(temp.resolve("vellum.properties"),
                "vellum.jobs.chunk-size=5\nvellum.jobs.partitions=2\n");

        killMidRun(data, config, 100, "ingest", input.toString());
        assertThat(blobCount(data)).as("killed mid-run").isLessThan(MESSAGES);

        try (ArchiveContext archive = ArchiveContext.open(new ArchiveSettings(data, config, null, Map.of()))) {
            JobRun resumed = archive.run(IngestJobConfiguration.JOB,
                    Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(List.of(input))));
            assertThat(resumed.restarted()).as("the crashed execution is resumed, not started afresh").isTrue();
            assertThat(resumed.completed()).as(resumed.toString()).isTrue();

            assertThat(archive.bean(ArchiveIndex.class).itemCount()).isEqualTo(MESSAGES);
            JdbcClient jdbc = archive.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM archive_event WHERE type = 'INGESTED'").query(Long.class).single())
                    .as("every message ingested exactly once").isEqualTo(MESSAGES);
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT item_id) FROM item_version").query(Long.class).single())
                    .isEqualTo(MESSAGES);
            StoreVerification verification = archive.bean(StoreVerifier.class).verify(n -> { });
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.blobsChecked()).as("originals and their validation reports").isEqualTo(2L * MESSAGES);
        }
    }

    /** 400 evidence records: the longest of the three, so it runs with {@code -Psoak}. */
    @Test
    @Tag("soak")
    void upgradeKilledMidChunkResumesAndNoItemIsUpgradedTwice() throws Exception {
        int items = 400;
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            messages.add(("From: s" + i + "@example.org\r\nSubject: upgrade " + i + "\r\n\r\nbody\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Path input = Mailboxes.mbox(temp.resolve("in/up.mbox"), messages);
        Path data = temp.resolve("data");
        Path config = Files.writeString(temp.resolve("vellum.properties"),
                "vellum.jobs.chunk-size=4\nvellum.jobs.partitions=2\n");
        ArchiveSettings settings = new ArchiveSettings(data, config, null, Map.of());
        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            assertThat(archive.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                    IngestJobConfiguration.sourcesParameter(List.of(input)))).completed()).isTrue();
        }
        long originals = blobCount(data);

        killMidRun(data, config, originals + 10, "upgrade", "--target", "ERS");
        assertThat(blobCount(data)).as("killed mid-run").isLessThan(originals + items);

        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            JobRun resumed = archive.run(dev.vellum.app.upgrade.UpgradeJobConfiguration.JOB,
                    Map.of(dev.vellum.app.upgrade.UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(resumed.restarted()).isTrue();
            assertThat(resumed.completed()).as(resumed.toString()).isTrue();
            JdbcClient jdbc = archive.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM item_version WHERE kind = 'EVIDENCE_RECORD'").query(Long.class).single())
                    .as("one evidence record per item").isEqualTo(items);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT item_id FROM item_version WHERE kind = 'EVIDENCE_RECORD' "
                    + "GROUP BY item_id HAVING COUNT(*) > 1) twice").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM archive_event WHERE type = 'UPGRADED'").query(Long.class).single())
                    .isEqualTo(items);
            StoreVerification verification = archive.bean(StoreVerifier.class).verify(n -> { });
            assertThat(verification.problems()).isEmpty();
        }
    }

    @Test
    void ltaUpgradeKilledMidChunkResumesAndNoSignatureIsExtendedTwice() throws Exception {
        ltaUpgradeKilledMidChunk(Database.H2);
    }

    /** The same kill -9 with the index and the job repository on PostgreSQL: its transactions roll back server-side. */
    @Test
    void ltaUpgradeKilledMidChunkOnPostgresqlResumesAndNoSignatureIsExtendedTwice() throws Exception {
        ltaUpgradeKilledMidChunk(Database.POSTGRESQL);
    }

    private void ltaUpgradeKilledMidChunk(Database database) throws Exception {
        int items = 48;
        TestPki pki = TestPki.shared();
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        CadesSigner cades = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build();
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("From", "signer@vellum.test");
            headers.put("Subject", "lta " + i);
            messages.add(cades.signSmime(("Content-Type: text/plain\r\n\r\nsigned message " + i + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII), new SmimeMessageWriter.Headers(headers)));
        }
        Path input = Mailboxes.mbox(temp.resolve("in/signed.mbox"), messages);
        // Offline, as archives are: the test root as trust anchor, the CAs' current CRLs as validation data.
        Path pkiDir = Files.createDirectories(temp.resolve("pki"));
        Files.writeString(pkiDir.resolve("root.pem"), Pem.encode("CERTIFICATE", pki.root().certificate().getEncoded()));
        Files.write(pkiDir.resolve("intermediate.crl"), pki.currentCrl(pki.intermediate()).getEncoded());
        Files.write(pkiDir.resolve("root.crl"), pki.currentCrl(pki.root()).getEncoded());
        Path data = temp.resolve("data");
        Path config = Files.writeString(temp.resolve("vellum.properties"), "vellum.jobs.chunk-size=4\n"
                + "vellum.jobs.partitions=2\n"
                + "vellum.validation.trust[0]=" + pkiDir.resolve("root.pem") + "\n"
                + "vellum.validation.validation-data[0]=" + pkiDir + "\n"
                + datasource(database));
        ArchiveSettings settings = new ArchiveSettings(data, config, null, Map.of());
        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            JobRun ingest = archive.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                    IngestJobConfiguration.sourcesParameter(List.of(input))));
            assertThat(ingest.count("TOTAL_PASSED")).as(ingest.toString()).isEqualTo(items);
        }
        long before = blobCount(data);

        // A writer stores its chunk's blobs before it commits: 17 new blobs over 2 partitions mean one partition
        // is in its third chunk of 4, so at least two chunks were committed when the child dies.
        killMidRun(data, config, before + 17, "upgrade", "--target", "LTA");
        long killedAt = blobCount(data);
        assertThat(killedAt).as("killed mid-run").isLessThan(before + items);

        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            JdbcClient jdbc = archive.bean(JdbcClient.class);
            if (database == Database.POSTGRESQL) {
                assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
            }
            long committed = jdbc.sql("SELECT COUNT(*) FROM item_version WHERE kind = 'CADES'").query(Long.class).single();
            assertThat(committed).as("some chunks were committed before the kill, not all").isBetween(1L, items - 1L);

            JobRun resumed = archive.run(dev.vellum.app.upgrade.UpgradeJobConfiguration.JOB,
                    Map.of(dev.vellum.app.upgrade.UpgradeJobConfiguration.TARGET, "LTA"));
            assertThat(resumed.restarted()).isTrue();
            assertThat(resumed.completed()).as(resumed.toString()).isTrue();
            assertThat(resumed.count("upgraded")).as("the run's full totals (restart included), each item once")
                    .isEqualTo(items);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM item_version WHERE kind = 'CADES' AND level = 'CAdES-BASELINE-LTA'")
                    .query(Long.class).single()).as("one LTA version per item").isEqualTo(items);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT item_id FROM item_version WHERE kind = 'CADES' "
                    + "GROUP BY item_id HAVING COUNT(*) > 1) twice").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM archive_event WHERE type = 'UPGRADED'").query(Long.class).single())
                    .isEqualTo(items);
            StoreVerification verification = archive.bean(StoreVerifier.class).verify(n -> { });
            assertThat(verification.problems()).isEmpty();
        }
        // The CRLs given to the upgrade predate its time-stamps; revalidation needs revocation data issued
        // after the best-signature-time (EN 319 102-1 freshness), so the operator supplies today's CRLs.
        Thread.sleep(1_100); // CRL times have whole seconds: be a second past the last time-stamp
        Instant fresh = Instant.now();
        Files.write(pkiDir.resolve("intermediate.crl"), pki.crl(pki.intermediate()).at(fresh).build().getEncoded());
        Files.write(pkiDir.resolve("root.crl"), pki.crl(pki.root()).at(fresh).build().getEncoded());
        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            JobRun revalidate = archive.run(dev.vellum.app.revalidate.RevalidateJobConfiguration.JOB,
                    Map.of(dev.vellum.app.revalidate.RevalidateJobConfiguration.AT, "now"));
            assertThat(revalidate.count("TOTAL_PASSED")).as(revalidate.toString()).isEqualTo(items);
        }
    }

    /** Configuration lines that put the archive on {@code database} (a fresh embedded PostgreSQL database, or H2). */
    private static String datasource(Database database) {
        if (database == Database.H2) {
            return "";
        }
        return "spring.datasource.url=" + EmbeddedPostgresServer.newDatabase() + "\n"
                + "spring.datasource.username=postgres\nspring.datasource.password=postgres\n";
    }

    /** Starts {@code vellum} in a child JVM and kills it (-9) once the store holds {@code blobs} blobs. */
    private void killMidRun(Path data, Path config, long blobs, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "dev.vellum.app.cli.VellumMain", "--data", data.toString(), "--config", config.toString()));
        args.addAll(List.of(command));
        Path log = temp.resolve("child-" + command[0] + ".log");
        Process child = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (blobCount(data) < blobs) {
                assertThat(child.isAlive()).as("the child finished before it could be killed; log: "
                        + Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("child made no progress").isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            // kill -9: no shutdown hooks, no rollback, nothing flushed.
            child.destroyForcibly();
            child.waitFor();
        }
    }

    private static long blobCount(Path data) throws IOException {
        Path blobs = data.resolve("store/sha256");
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
