package dev.vellum.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.Item;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vellum demo} twice on a fresh data directory. Until the upgrade and validation libraries
 * land, the demo must say so for those steps (exit code 3) while ingest and the JSON report run.
 */
class DemoFlowTest {
    @TempDir
    Path temp;

    @Test
    void demoRunsTwiceKeepsOriginalsByteIdenticalAndReportsTheGarbageAndMissingSteps() throws Exception {
        Path data = temp.resolve("demo");
        CliRunner.Result first = CliRunner.run("--data", data.toString(), "--json", "demo");
        JsonNode json = JsonMapper.builder().build().readTree(first.out());
        assertThat(step(json, "ingest").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(step(json, "ingest").path("detail").asString()).startsWith("34 new");
        assertThat(step(json, "report (JSON)").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(step(json, "revalidate").path("status").asString()).isEqualTo("COMPLETED");
        // A step whose library has not landed is reported as such (CAdES extension: es-formats), and the
        // archive covers the items with evidence records meanwhile: one TSA call per chunk and partition.
        assertThat(step(json, "upgrade (LTA)").path("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(step(json, "upgrade (LTA)").path("detail").asString()).contains("es-formats");
        assertThat(step(json, "upgrade (ERS)").path("detail").asString()).startsWith("34 evidence records");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);

        assertThat(json.path("quarantined")).singleElement().satisfies(q -> {
            assertThat(q.path("source").asString()).endsWith("garbage.eml");
            assertThat(q.path("reason").asString()).contains("not a mail message");
        });
        // Verdicts come from the validation library; the tampered and unsigned messages fail, the revoked
        // signer's are not passed.
        JsonNode counts = json.path("itemsByIndication");
        assertThat(counts.path("TOTAL_PASSED").asInt() + counts.path("TOTAL_FAILED").asInt()
                + counts.path("INDETERMINATE").asInt()).isEqualTo(34);
        assertThat(counts.path("TOTAL_FAILED").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(Path.of(json.path("batchReport").asString())).exists();

        CliRunner.Result second = CliRunner.run("--data", data.toString(), "--json", "demo");
        JsonNode again = JsonMapper.builder().build().readTree(second.out());
        assertThat(step(again, "ingest").path("detail").asString()).startsWith("0 new, 34 already archived, 1 quarantined");
        assertThat(step(again, "upgrade (ERS)").path("detail").asString()).startsWith("0 evidence records, 34 already covered");
        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);

        try (ArchiveContext archive = ArchiveContext.open(ArchiveSettings.of(data))) {
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            BlobStore blobs = archive.bean(BlobStore.class);
            assertThat(index.itemCount()).isEqualTo(34);
            List<Path> emls;
            try (Stream<Path> files = Files.list(data.resolve("samples/mailbox/eml"))) {
                emls = files.toList();
            }
            assertThat(emls).hasSize(24);
            for (Path eml : emls) {
                Item item = index.findByOriginal(ContentHash.of(Files.readAllBytes(eml))).orElseThrow();
                assertThat(blobs.read(item.original())).isEqualTo(Files.readAllBytes(eml));
                assertThat(index.versions(item.id()).get(0).version()).isZero();
            }
            assertThat(index.items(null, 0, 100)).filteredOn(i -> i.subject() != null && i.subject().contains("Payment instruction"))
                    .hasSize(2).allSatisfy(i -> assertThat(i.signerCount()).isEqualTo(1));
            assertThat(index.items(null, 0, 100)).filteredOn(i -> "Lunch on Friday?".equals(i.subject()))
                    .singleElement().satisfies(i -> assertThat(i.signerCount()).isZero());
            assertThat(index.items(null, 0, 100)).anySatisfy(i -> assertThat(i.from()).contains("Bogdan Čermák"));
            assertThat(index.items(null, 0, 100)).filteredOn(i -> "Payment of 100 EUR confirmed".equals(i.subject()))
                    .singleElement().satisfies(i -> {
                        assertThat(i.indication()).isEqualTo("TOTAL_FAILED");
                        assertThat(i.subIndication()).isEqualTo("HASH_FAILURE");
                    });
            assertThat(index.items(null, 0, 100)).filteredOn(i -> i.subject() != null && i.subject().contains("Payment instruction"))
                    .allSatisfy(i -> assertThat(i.subIndication()).contains("REVOKED"));
            assertThat(index.items(null, 0, 100)).filteredOn(i -> "Lunch on Friday?".equals(i.subject()))
                    .singleElement().satisfies(i -> assertThat(i.subIndication()).isEqualTo("FORMAT_FAILURE"));
            // Two validation runs per item (first validation, revalidation) per demo run, the history kept.
            assertThat(index.validationRuns(1)).hasSize(3);
        }
    }

    private static JsonNode step(JsonNode demo, String name) {
        for (JsonNode step : demo.path("steps")) {
            if (step.path("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no demo step " + name + " in " + demo.path("steps"));
    }
}
