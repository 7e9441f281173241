package dev.vellum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import dev.vellum.app.support.Mailboxes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * kill -9 of a child JVM in the middle of a job, then the same command again: the job resumes from
 * its last committed chunk, finishes, does nothing twice, and the store verifies. (Runs against
 * ingest; the same harness covers upgrade once that job exists.)
 */
class CrashRecoveryTest {
    private static final int MESSAGES = 1500;

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

        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "dev.vellum.app.cli.VellumMain", "--data", data.toString(), "--config", config.toString(),
                "ingest", input.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (blobCount(data) < 100) {
                assertThat(child.isAlive()).as("the child finished before it could be killed; log: "
                        + Files.readString(temp.resolve("child.log"))).isTrue();
                assertThat(System.nanoTime()).as("child made no progress").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            // kill -9: no shutdown hooks, no rollback, nothing flushed.
            child.destroyForcibly();
            child.waitFor();
        }
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
            assertThat(verification.blobsChecked()).isEqualTo(MESSAGES);
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
