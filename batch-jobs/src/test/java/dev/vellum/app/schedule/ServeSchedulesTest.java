package dev.vellum.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.app.cli.ExitCodes;
import dev.vellum.testkit.corpus.Corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vellum serve} runs the jobs the configuration schedules, with their configured paths and directories. */
class ServeSchedulesTest {
    @TempDir
    Path temp;

    @Test
    void serveRunsTheConfiguredIngestAndReportSchedules() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.write(inbox.resolve("a.eml"), Corpus.bytes("openssl/messages/01-valid-rsa2048.eml"));
        Path reports = temp.resolve("reports");
        Path config = Files.writeString(temp.resolve("vellum.properties"), String.join("\n",
                "vellum.schedule.ingest=* * * * * *",
                "vellum.schedule.ingest-paths[0]=" + inbox,
                "vellum.schedule.report=* * * * * *",
                "vellum.schedule.report-dir=" + reports, ""));
        String data = temp.resolve("data").toString();

        CliRunner.Result serve = CliRunner.run("--data", data, "--config", config.toString(), "serve", "--max-runs", "2");

        assertThat(serve.exitCode()).as(serve.err()).isEqualTo(ExitCodes.OK);
        assertThat(serve.out()).contains("scheduled ingest at '* * * * * *'", "scheduled report at", "running ingest",
                "running report");
        assertThat(Files.readString(reports.resolve("batch-report.json"))).as("the report ran after the ingest")
                .contains("\"items\" : 1,");
        CliRunner.Result jobs = CliRunner.run("--data", data, "jobs");
        assertThat(jobs.out()).contains("ingest").contains("report").doesNotContain("FAILED");
    }

    @Test
    void aBadCronExpressionInAnApplicationYmlIsAUsageErrorNamingTheKey() throws Exception {
        Path config = Files.writeString(temp.resolve("application.yml"), "vellum:\n  schedule:\n    renew: \"every night\"\n");
        CliRunner.Result serve = CliRunner.run("--data", temp.resolve("data").toString(), "--config", config.toString(),
                "serve");
        assertThat(serve.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(serve.err()).contains("vellum.schedule.renew is not a cron expression");
    }
}
