package dev.vellum.app.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.testkit.corpus.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code vellum validate} on the OpenSSL corpus, offline, with the JSON shape batch-jobs' issue fixes. */
class ValidateCommandTest {

    static final String AT = "2026-11-22T08:09:13Z";

    static List<String> args(Path pkiDir, String... files) {
        List<String> a = new ArrayList<>(List.of("validate", "--offline", "--at", AT, "--crypto-policy", "dss",
                "--trust", Corpus.file("openssl/pki/trust-anchors.pem").toString(),
                "--validation-data", pkiDir.toString()));
        a.addAll(List.of(files));
        return a;
    }

    static Path pki(Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pki"));
        for (String f : List.of("intermediate-ca.crt", "root-ca.crl", "intermediate-ca.crl", "ocsp-signer-rsa2048.resp",
                "ocsp-signer-revoked.resp")) {
            Files.write(dir.resolve(f), Corpus.bytes("openssl/pki/" + f));
        }
        Files.writeString(dir.resolve("notes.txt"), "not validation data");
        return dir;
    }

    @Test
    void jsonHasTheContractShapeAndEveryFileIsReported(@TempDir Path tmp) throws Exception {
        Path good = Corpus.file("openssl/messages/01-valid-rsa2048.eml");
        Path detached = Corpus.file("openssl/messages/12-valid-detached.p7s");
        Corpus.file("openssl/messages/12-valid-detached.bin");
        Path revoked = Corpus.file("openssl/messages/34-revoked.eml");
        Path garbage = Corpus.file("openssl/messages/41-random-bytes.p7m");
        List<String> a = args(pki(tmp), good.toString(), detached.toString(), revoked.toString(), garbage.toString(),
                tmp.resolve("missing.p7m").toString());
        a.addAll(List.of("--format", "json"));

        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode files = JsonMapper.builder().build().readTree(r.out()).get("files");
        assertThat(files).hasSize(5);
        JsonNode first = files.get(0);
        assertThat(first.get("file").asString()).endsWith("01-valid-rsa2048.eml");
        assertThat(first.get("container").asString()).isNotBlank();
        assertThat(first.get("error").isNull()).isTrue();
        JsonNode sig = first.get("signatures").get(0);
        assertThat(fieldNames(first)).containsExactly("file", "container", "error", "signatures");
        assertThat(fieldNames(sig)).containsExactly("id", "signer", "indication", "subIndication", "level", "legacyForm",
                "signingTime", "bestSignatureTime", "timestamps", "warnings", "errors");
        assertThat(sig.get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(sig.get("subIndication").isNull()).isTrue();
        assertThat(sig.get("level").asString()).isEqualTo("CMS");
        assertThat(files.get(1).get("signatures").get(0).get("indication").asString())
                .as("12.p7s takes its content from 12.bin").isEqualTo("TOTAL_PASSED");
        assertThat(files.get(2).get("signatures").get(0).get("subIndication").asString()).isEqualTo("REVOKED_NO_POE");
        assertThat(files.get(3).get("error").asString()).isNotBlank();
        assertThat(files.get(3).get("signatures").get(0).get("subIndication").asString()).isEqualTo("FORMAT_FAILURE");
        assertThat(files.get(4).get("error").asString()).contains("no such file");
    }

    @Test
    void aDetachedSignatureTakesItsContentFromTheFileBesideItBeforeTheBinFile(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        byte[] signature = Corpus.bytes("openssl/messages/12-valid-detached.p7s");
        byte[] content = Corpus.bytes("openssl/messages/12-valid-detached.bin");
        Files.write(dir.resolve("contract.txt.p7s"), signature);
        Files.write(dir.resolve("contract.txt"), content);
        Files.write(dir.resolve("other.p7s"), signature);
        Files.write(dir.resolve("other"), "not what was signed".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(dir.resolve("other.bin"), content);
        List<String> a = args(pki(tmp), dir.resolve("contract.txt.p7s").toString(), dir.resolve("other.p7s").toString());
        a.addAll(List.of("--format", "json"));

        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));

        JsonNode files = JsonMapper.builder().build().readTree(r.out()).get("files");
        assertThat(files.get(0).get("signatures").get(0).get("indication").asString()).as("content from contract.txt")
                .isEqualTo("TOTAL_PASSED");
        assertThat(files.get(1).get("signatures").get(0).get("subIndication").asString())
                .as("X is taken before X.bin, even when X is the wrong content").isEqualTo("HASH_FAILURE");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void allValidGivesExitZeroAndReadableText(@TempDir Path tmp) throws Exception {
        List<String> a = args(pki(tmp), Corpus.file("openssl/messages/13-valid-enveloping.p7m").toString());
        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("TOTAL_PASSED").contains("signer:").contains("best signature time:");
    }

    @Test
    void textNamesAnUnreadableFileOnceWithItsVerdictAndNoEmptyFields(@TempDir Path tmp) throws Exception {
        List<String> a = args(pki(tmp), Corpus.file("openssl/messages/41-random-bytes.p7m").toString(),
                Corpus.file("openssl/messages/13-valid-enveloping.p7m").toString());
        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(1);
        String garbage = r.out().substring(0, r.out().indexOf("13-valid-enveloping.p7m"));
        assertThat(garbage).contains("41-random-bytes.p7m", "  TOTAL_FAILED/FORMAT_FAILURE").doesNotContain("null")
                .doesNotContain("level:");
        assertThat(garbage.split("error: ", -1)).as("the reason once").hasSize(2);
        assertThat(r.out()).contains("TOTAL_PASSED", "best signature time:");
    }

    @Test
    void pdfReportOfSeveralFilesWithTheirVerdicts(@TempDir Path tmp) throws Exception {
        Path pdf = tmp.resolve("report.pdf");
        List<String> a = args(pki(tmp), Corpus.file("openssl/messages/01-valid-rsa2048.eml").toString(),
                Corpus.file("openssl/messages/34-revoked.eml").toString(), tmp.resolve("missing.p7m").toString());
        a.addAll(List.of("--format", "pdf", "--out", pdf.toString()));
        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("missing.p7m").contains("no such file");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("01-valid-rsa2048.eml", "34-revoked.eml", "TOTAL_PASSED", "REVOKED_NO_POE");
        }
    }

    @Test
    void pdfNeedsAnOutputFile(@TempDir Path tmp) throws Exception {
        List<String> a = args(pki(tmp), Corpus.file("openssl/messages/13-valid-enveloping.p7m").toString());
        a.addAll(List.of("--format", "pdf"));
        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out");
    }

    @Test
    void xmlIsTheEtsiValidationReport(@TempDir Path tmp) throws Exception {
        List<String> a = args(pki(tmp), Corpus.file("openssl/messages/13-valid-enveloping.p7m").toString());
        a.addAll(List.of("--format", "xml"));
        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("<?xml").contains("<vr:ValidationReport", "http://uri.etsi.org/19102/v1.4.1#",
                "urn:etsi:019102:mainindication:total-passed");

        Path dir = tmp.resolve("xml");
        a = args(pki(tmp), Corpus.file("openssl/messages/13-valid-enveloping.p7m").toString(),
                Corpus.file("openssl/messages/34-revoked.eml").toString());
        a.addAll(List.of("--format", "xml", "--out", dir.toString()));
        r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("34-revoked.eml.xml"))).contains("REVOKED_NO_POE");
        assertThat(dir.resolve("13-valid-enveloping.p7m.xml")).exists();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
