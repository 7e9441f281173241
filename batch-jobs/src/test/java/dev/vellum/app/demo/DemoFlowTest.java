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
 * {@code vellum demo} twice on a fresh data directory: every step completes, the verdicts are counted
 * by indication, the garbage file and the tampered message are quarantined with their reasons, and the
 * originals stay byte-identical; the second run finds nothing new.
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
        // 32 signed messages extended to LTA with the embedded TSA; the unsigned one passed over; the tampered one
        // refused by es-formats and quarantined with its reason.
        assertThat(step(json, "upgrade (LTA)").path("detail").asString())
                .isEqualTo("32 upgraded, 0 already LTA, 1 unsigned, 1 refused (quarantined)");
        assertThat(step(json, "report (PDF)").path("status").asString()).isEqualTo("COMPLETED");
        Path batchPdf = Path.of(json.path("batchPdf").asString());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(batchPdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Batch report", "Items needing attention (4)", "REVOKED_NO_POE", "garbage.eml",
                    "Renewal due dates");
            // the tampered message, refused by the upgrade, is named with its file in the quarantine table
            assertThat(text.replace(" ", "")).containsPattern("item\\d+\\(\\S*33-tampered\\.eml\\)");
        }
        assertThat(batchPdf.resolveSibling("items")).isDirectoryContaining("glob:**/item-1.pdf");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);

        assertThat(json.path("quarantined")).hasSize(2);
        assertThat(json.path("quarantined").get(0).path("source").asString()).endsWith("garbage.eml");
        assertThat(json.path("quarantined").get(0).path("reason").asString()).contains("not a mail message");
        assertThat(json.path("quarantined").get(1).path("stage").asString()).isEqualTo("UPGRADE");
        assertThat(json.path("quarantined").get(1).path("reason").asString()).contains("does not verify");
        // Verdicts come from the validation library: 30 valid, the tampered and unsigned messages failed, the
        // revoked signer's two messages indeterminate (revoked before their time-stamp: REVOKED_NO_POE).
        JsonNode counts = json.path("itemsByIndication");
        assertThat(counts.path("TOTAL_PASSED").asInt()).isEqualTo(30);
        assertThat(counts.path("TOTAL_FAILED").asInt()).isEqualTo(2);
        assertThat(counts.path("INDETERMINATE").asInt()).isEqualTo(2);
        assertThat(Path.of(json.path("batchReport").asString())).exists();

        CliRunner.Result second = CliRunner.run("--data", data.toString(), "--json", "demo");
        JsonNode again = JsonMapper.builder().build().readTree(second.out());
        assertThat(step(again, "ingest").path("detail").asString()).startsWith("0 new, 34 already archived, 1 quarantined");
        assertThat(step(again, "upgrade (LTA)").path("detail").asString()).startsWith("0 upgraded, 32 already LTA");
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
            // Maildir messages are whole files: kept exactly.
            List<Path> maildir;
            try (Stream<Path> files = Files.walk(data.resolve("samples/mailbox/Maildir"))) {
                maildir = files.filter(Files::isRegularFile).toList();
            }
            assertThat(maildir).hasSize(4);
            for (Path message : maildir) {
                Item item = index.findByOriginal(ContentHash.of(Files.readAllBytes(message))).orElseThrow();
                assertThat(blobs.read(item.original())).isEqualTo(Files.readAllBytes(message));
            }
            // mbox messages: version 0 is the message exactly as it stands in the mbox, between its From_ lines.
            String mbox = new String(Files.readAllBytes(data.resolve("samples/mailbox/finance.mbox")),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            List<Item> fromMbox = index.items(null, 0, 100).stream()
                    .filter(i -> index.sources(i.id()).stream().anyMatch(s -> s.contains("finance.mbox"))).toList();
            assertThat(fromMbox).hasSize(6).allSatisfy(i -> assertThat(mbox)
                    .contains(new String(blobs.read(i.original()), java.nio.charset.StandardCharsets.ISO_8859_1)));
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
            // The history is kept: first validation (B-T), revalidation after the upgrade (LTA), and again.
            assertThat(index.validationRuns(1)).extracting(dev.vellum.app.store.ValidationRun::level)
                    .containsExactly("CAdES-BASELINE-T", "CAdES-BASELINE-LTA", "CAdES-BASELINE-LTA");
            assertThat(index.versions(1)).extracting(dev.vellum.app.store.ItemVersion::level)
                    .containsExactly(null, "CAdES-BASELINE-LTA");
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
