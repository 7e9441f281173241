package dev.vellum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.vellum.app.support.BadInputs;
import dev.vellum.testkit.corpus.Corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VellumCliTest {
    @TempDir
    Path temp;

    @Test
    void helpListsTheArchiveCommandsAndTheGlobalOptions() {
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--data", "--config", "--now", "--json")
                .contains("ingest", "upgrade", "revalidate", "renew", "report", "items", "jobs", "verify-store",
                        "serve", "demo");
    }

    @Test
    void ingestThenItemsJobsAndVerifyStoreWithExitCodesThatTellWhatHappened() throws Exception {
        Path in = temp.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("a.eml"), Corpus.bytes("openssl/messages/01-valid-rsa2048.eml"));
        Files.write(in.resolve("b.eml"), Corpus.bytes("openssl/messages/28-valid-two-signers.eml"));
        Files.write(in.resolve("empty.eml"), new byte[0]);
        Files.writeString(in.resolve("bomb.eml"), BadInputs.mimeBomb(100));
        String data = temp.resolve("data").toString();

        CliRunner.Result ingest = CliRunner.run("--data", data, "--now", "2031-05-01", "ingest", in.toString(), "--json");
        assertThat(ingest.exitCode()).as(ingest.err()).isEqualTo(ExitCodes.ATTENTION);
        JsonNode json = JsonMapper.builder().build().readTree(ingest.out());
        assertThat(json.path("job").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(json.path("job").path("tally").path("archived").asInt()).isEqualTo(2);
        assertThat(json.path("job").path("tally").path("quarantined").asInt()).isEqualTo(2);
        assertThat(json.path("quarantined").toString()).contains("empty file").contains("MIME nesting deeper than 32");
        // The first validation ran (no trust anchors configured: the chains cannot be trusted).
        assertThat(json.path("job").path("tally").path("INDETERMINATE").asInt()).isEqualTo(2);
        assertThat(json.path("firstValidation").asString()).contains("2 indeterminate");

        CliRunner.Result again = CliRunner.run("--data", data, "ingest", in.toString());
        assertThat(again.exitCode()).as("nothing new, nothing failed").isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("alreadyArchived").contains("alreadyQuarantined");

        CliRunner.Result items = CliRunner.run("items", "--data", data, "--indication", "INDETERMINATE");
        assertThat(items.exitCode()).isZero();
        assertThat(items.out()).contains("NO_CERTIFICATE_CHAIN_FOUND").contains("2 item(s) shown; 2 archived, 2 quarantined");

        CliRunner.Result itemsJson = CliRunner.run("--json", "--data", data, "items");
        JsonNode list = JsonMapper.builder().build().readTree(itemsJson.out());
        assertThat(list).hasSize(2);
        // --now fixed the clock for the first run: its items carry that time.
        assertThat(list.get(0).path("ingestedAt").asString()).startsWith("2031-05-01T00:00");

        CliRunner.Result jobs = CliRunner.run("--data", data, "jobs");
        assertThat(jobs.out()).contains("ingest").contains("COMPLETED");

        CliRunner.Result verify = CliRunner.run("--data", data, "verify-store");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("store OK");

        Path report = temp.resolve("reports");
        CliRunner.Result reportRun = CliRunner.run("--data", data, "report", "--out", report.toString());
        assertThat(reportRun.exitCode()).as(reportRun.err()).isZero();
        assertThat(Files.readString(report.resolve("batch-report.json"))).contains("\"INDETERMINATE\" : 2")
                .contains("empty file");
        assertThat(report.resolve("items")).isDirectoryContaining("glob:**/item-1.json");

        CliRunner.Result pdfRun = CliRunner.run("--data", data, "report", "--format", "pdf", "--out", report.toString());
        assertThat(pdfRun.exitCode()).as(pdfRun.err()).isZero();
        assertThat(report.resolve("batch-report.pdf")).exists();
        assertThat(report.resolve("items")).isDirectoryContaining("glob:**/item-1.pdf");
        CliRunner.Result xmlRun = CliRunner.run("--data", data, "report", "--format", "xml", "--item", "1", "--out",
                report.toString());
        assertThat(xmlRun.exitCode()).as(xmlRun.err()).isZero();
        assertThat(Files.readString(report.resolve("items/item-1.xml"))).contains("urn:etsi:019102:mainindication:indeterminate");

        // the archive seals the batch PDF (PAdES B-T, its embedded TSA) with a key it is given
        dev.vellum.testkit.pki.Credential sealer = dev.vellum.testkit.pki.TestPki.shared()
                .signer(dev.vellum.testkit.pki.KeyType.ECDSA_P256);
        Path p12 = temp.resolve("seal.p12");
        Files.write(p12, sealer.toPkcs12("seal-pw".toCharArray()));
        Path pw = temp.resolve("seal.pw");
        Files.writeString(pw, "seal-pw\n");
        CliRunner.Result sealed = CliRunner.run("--data", data, "report", "--format", "pdf", "--out", report.toString(),
                "--seal-key", p12.toString(), "--seal-password-file", pw.toString());
        assertThat(sealed.exitCode()).as(sealed.err()).isZero();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(report.resolve("batch-report.pdf")
                .toFile())) {
            assertThat(doc.getSignatureDictionaries()).hasSize(1);
            assertThat(doc.getLastSignatureDictionary().getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        }
    }

    @Test
    void anItemTheUpgradeRefusesIsShownWithItsFileAndWholeReasonAndListedByItemsQuarantined() throws Exception {
        Path in = temp.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("14-tampered-body-byte.eml"), Corpus.bytes("openssl/messages/14-tampered-body-byte.eml"));
        String data = temp.resolve("data").toString();
        assertThat(CliRunner.run("--data", data, "ingest", in.toString()).exitCode()).isEqualTo(ExitCodes.ATTENTION);

        CliRunner.Result upgrade = CliRunner.run("--data", data, "upgrade", "--target", "LTA");
        assertThat(upgrade.exitCode()).as(upgrade.err()).isEqualTo(ExitCodes.ATTENTION);
        String out = upgrade.out().replaceAll("\\s+", " ");
        assertThat(out).contains("quarantined stage input reason", "UPGRADE", "item 1 (",
                "14-tampered-body-byte.eml)", "does not verify").doesNotContain("…");

        CliRunner.Result items = CliRunner.run("--data", data, "items");
        assertThat(items.out()).contains("1 archived, 1 quarantined (vellum items --quarantined)");
        CliRunner.Result quarantine = CliRunner.run("--data", data, "items", "--quarantined");
        assertThat(quarantine.exitCode()).isZero();
        assertThat(quarantine.out().replaceAll("\\s+", " ")).contains("UPGRADE", "14-tampered-body-byte.eml",
                "does not verify", "1 quarantine entry shown of 1");
        JsonNode json = JsonMapper.builder().build().readTree(CliRunner.run("--json", "--data", data, "items",
                "--quarantined").out());
        assertThat(json).singleElement().satisfies(q -> {
            assertThat(q.path("stage").asString()).isEqualTo("UPGRADE");
            assertThat(q.path("itemId").asLong()).isEqualTo(1);
            assertThat(q.path("reason").asString()).contains("does not verify");
        });
    }

    @Test
    void aCorruptBlobMakesVerifyStoreFailWithExitCode4AndItsName() throws Exception {
        Path in = temp.resolve("one.eml");
        Files.write(in, Corpus.bytes("openssl/messages/04-valid-ecdsa-p256.eml"));
        String data = temp.resolve("data").toString();
        assertThat(CliRunner.run("--data", data, "ingest", in.toString()).exitCode())
                .as("archived; indeterminate without trust anchors").isEqualTo(ExitCodes.ATTENTION);
        String hex = dev.vellum.app.store.ContentHash.of(Files.readAllBytes(in)).hex();
        Path blob = temp.resolve("data/store/sha256").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
        blob.toFile().setWritable(true);
        Files.writeString(blob, "bit rot");
        CliRunner.Result verify = CliRunner.run("--data", data, "verify-store");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.STORE_DAMAGED);
        assertThat(verify.out()).contains(blob.getFileName().toString()).contains("corrupt").contains("item 1 version 0");
    }

    @Test
    void unknownUpgradeTargetsAndReportFormatsAreUsageErrors() {
        String data = temp.resolve("data").toString();
        CliRunner.Result upgrade = CliRunner.run("--data", data, "upgrade", "--target", "XAdES");
        assertThat(upgrade.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(upgrade.err()).contains("unknown target");
        CliRunner.Result embedInLta = CliRunner.run("--data", data, "upgrade", "--target", "LTA", "--embed");
        assertThat(embedInLta.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(embedInLta.err()).contains("--embed").contains("--target ERS");
        CliRunner.Result odt = CliRunner.run("--data", data, "report", "--format", "odt", "--out", data);
        assertThat(odt.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(odt.err()).contains("unknown format");
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsToldWhoHoldsIt() throws Exception {
        Path data = temp.resolve("data");
        try (var archive = dev.vellum.app.context.ArchiveContext.open(dev.vellum.app.context.ArchiveSettings.of(data))) {
            CliRunner.Result second = CliRunner.run("--data", data.toString(), "items");
            assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(second.err()).contains("another vellum process is using").contains("pid");
        }
    }

    @Test
    void aMistypedDataDirectoryIsNamedNotTakenForAnEmptyHealthyArchive() throws Exception {
        Path typo = temp.resolve("vellum-dta");
        for (String command : new String[] {"verify-store", "items", "jobs", "revalidate"}) {
            CliRunner.Result result = CliRunner.run("--data", typo.toString(), command);
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).as(command).contains("no archive in " + typo.toAbsolutePath(), "check --data")
                    .contains("vellum ingest");
            assertThat(result.out()).as(command).doesNotContain("store OK");
        }
        assertThat(typo).as("nothing created there").doesNotExist();

        Path in = Files.createDirectories(temp.resolve("in"));
        Files.write(in.resolve("a.eml"), Corpus.bytes("openssl/messages/01-valid-rsa2048.eml"));
        assertThat(CliRunner.run("--data", typo.toString(), "ingest", in.toString()).exitCode())
                .as("ingest starts a new archive").isNotEqualTo(ExitCodes.FAILED);
        assertThat(CliRunner.run("--data", typo.toString(), "verify-store").exitCode()).isZero();
    }

    @Test
    void badNowIsAUsageError() {
        CliRunner.Result result = CliRunner.run("--now", "next tuesday", "items");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("ISO-8601");
    }
}
