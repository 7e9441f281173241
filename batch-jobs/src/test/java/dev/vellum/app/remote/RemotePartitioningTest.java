package dev.vellum.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.demo.DemoSamples;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.support.EmbeddedPostgresServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remote partitioning of {@code revalidate}: one manager (with the embedded Artemis broker) and two
 * workers, each its own Spring context in this JVM, sharing an embedded PostgreSQL database and the
 * data directory. The partitions travel over JMS (TCP on 127.0.0.1); every item is validated exactly
 * once, both workers take part, and the verdicts are those of a local run.
 */
class RemotePartitioningTest {
    @TempDir
    Path temp;

    @Test
    void aManagerAndTwoWorkersRevalidateTheArchiveWithEveryItemProcessedExactlyOnce() throws Exception {
        Path samples = DemoSamples.extractTo(temp.resolve("samples"));
        ArchiveSettings shared = ArchiveSettings.of(temp.resolve("data"))
                .with("spring.datasource.url", EmbeddedPostgresServer.newDatabase())
                .with("spring.datasource.username", "postgres")
                .with("spring.datasource.password", "postgres")
                .with("vellum.jobs.chunk-size", "3")
                .with("vellum.jobs.partitions", "4")
                .with("vellum.validation.trust[0]", samples.resolve("pki/demo-trust-anchor.pem").toString())
                .with("vellum.validation.trust[1]", samples.resolve("pki/demo-tsa-chain.pem").toString())
                .with("vellum.validation.validation-data[0]", samples.resolve("pki").toString());
        long items;
        try (ArchiveContext local = ArchiveContext.open(shared)) {
            JobRun ingest = local.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                    IngestJobConfiguration.sourcesParameter(List.of(samples.resolve("mailbox/eml")))));
            assertThat(ingest.completed()).isTrue();
            items = local.bean(ArchiveIndex.class).itemCount();
        }

        ArchiveSettings remote = shared.with("vellum.remote.broker-url", "tcp://127.0.0.1:" + freePort());
        List<ArchiveContext> workers = new ArrayList<>();
        try (ArchiveContext manager = ArchiveContext.open(remote.with("vellum.remote.role", "manager")
                .with("vellum.remote.poll-interval", "PT0.2S"))) {
            for (String name : List.of("worker-1", "worker-2")) {
                workers.add(ArchiveContext.open(remote.with("vellum.remote.role", "worker")
                        .with("vellum.remote.worker-name", name)));
            }
            JobRun run = manager.run(RevalidateJobConfiguration.JOB, Map.of(RevalidateJobConfiguration.AT, "now"));
            assertThat(run.completed()).as(run.toString()).isTrue();
            assertThat(run.count("TOTAL_PASSED")).isEqualTo(20);
            assertThat(run.count("TOTAL_FAILED")).isEqualTo(2);
            assertThat(run.count("INDETERMINATE")).isEqualTo(2);

            JdbcClient jdbc = manager.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM validation_run WHERE job_execution_id = ?").param(run.executionId())
                    .query(Long.class).single()).as("one validation per item").isEqualTo(items);
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT item_id) FROM validation_run WHERE job_execution_id = ?")
                    .param(run.executionId()).query(Long.class).single()).isEqualTo(items);

            List<String> ranOn = new ArrayList<>();
            for (StepExecution step : manager.bean(JobRepository.class).getJobExecution(run.executionId()).getStepExecutions()) {
                if (step.getStepName().startsWith(RevalidateJobConfiguration.WORKER_STEP + ":")) {
                    ranOn.add(step.getExecutionContext().getString(WorkerConfiguration.WORKER_KEY, "the manager"));
                }
            }
            assertThat(ranOn).as("the four partitions, each run by a worker").hasSize(4)
                    .allMatch(w -> w.startsWith("worker-")).contains("worker-1", "worker-2");
        } finally {
            workers.forEach(ArchiveContext::close);
        }
    }

    @Test
    void remotePartitioningRefusesADatabaseTheProcessesCannotShare() {
        ArchiveSettings h2 = ArchiveSettings.of(temp.resolve("h2")).with("vellum.remote.role", "manager")
                .with("vellum.remote.broker-url", "tcp://127.0.0.1:" + freePort());
        assertThatThrownBy(() -> ArchiveContext.open(h2).close()).isInstanceOf(ArchiveUnavailableException.class)
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void serveWorkerIsTheWorkerRoleAndNeedsTheSharedDatabaseToo() {
        var result = dev.vellum.app.cli.CliRunner.run("--data", temp.resolve("cli").toString(), "serve", "--worker");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("vellum serve").contains("PostgreSQL");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
