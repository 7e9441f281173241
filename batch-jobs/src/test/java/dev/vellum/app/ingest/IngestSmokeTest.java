package dev.vellum.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.testkit.corpus.Corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestSmokeTest {
    @TempDir
    Path data;

    @Test
    void ingestsCorpus() {
        Path messages = Corpus.file("openssl/MANIFEST.tsv").getParent();
        Corpus.openSslCases().forEach(c -> Corpus.file("openssl/messages/" + c.fileName()));
        try (ArchiveContext archive = ArchiveContext.open(ArchiveSettings.of(data))) {
            JobRun run = archive.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                    IngestJobConfiguration.sourcesParameter(java.util.List.of(messages.resolve("messages")))));
            System.out.println(run);
            assertThat(run.completed()).isTrue();
        }
    }
}
