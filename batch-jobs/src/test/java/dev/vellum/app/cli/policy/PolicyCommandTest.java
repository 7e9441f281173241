package dev.vellum.app.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.cli.VellumMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vellum policy compile|hash|show}, run in-process as a user would run them. */
class PolicyCommandTest {
    /** The example policies shipped with the signature-policy module (tests run in the batch-jobs directory). */
    private static final Path EXAMPLES = Path.of("..", "signature-policy", "examples");
    private static final Path SEAL_JSON = EXAMPLES.resolve("records-archive-seal-policy.json");
    private static final Path SEAL_DER = EXAMPLES.resolve("records-archive-seal-policy.der");

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run vellum(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = VellumMain.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void compileWritesTheSameDerThatIsCommittedBesideTheJson() throws IOException {
        Path out = tmp.resolve("out/seal.der");

        Run run = vellum("policy", "compile", SEAL_JSON.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(SEAL_DER));
        assertThat(run.out()).contains("compiled policy 2.999.3125.1").contains("sigPolicyHash SHA-256 ");
    }

    @Test
    void hashPrintsThePolicyHashInHexNotTheFileHash() throws Exception {
        Run der = vellum("policy", "hash", SEAL_DER.toString());
        Run json = vellum("policy", "hash", SEAL_JSON.toString());
        Run sha512 = vellum("policy", "hash", SEAL_DER.toString(), "--alg", "SHA-512");
        Run whole = vellum("policy", "hash", SEAL_DER.toString(), "--document");

        assertThat(der.exitCode()).isZero();
        assertThat(der.out().trim()).matches("[0-9a-f]{64}");
        assertThat(json.out()).isEqualTo(der.out());
        assertThat(sha512.out().trim()).matches("[0-9a-f]{128}");
        String fileHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(SEAL_DER)));
        assertThat(whole.out().trim()).isEqualTo(fileHash).isNotEqualTo(der.out().trim());
    }

    @Test
    void hashOfTheRealIcpBrasilPolicyIsItsPublishedHash() throws Exception {
        Path icp = Path.of("..", "signature-policy", "src", "test", "resources", "dev", "vellum", "policy", "fixtures",
                "PA_AD_RB_v2_1.der");

        Run run = vellum("policy", "hash", icp.toString());

        assertThat(run.out().trim()).isEqualTo("dd57c98a4313bc1398ce6543d3802458957cf716ae3294ec4d8c26251291e6c1");
    }

    @Test
    void showExplainsWhatEachCommitmentTypeRequires() {
        Run run = vellum("policy", "show", SEAL_DER.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Signature policy 2.999.3125.1")
                .contains("Commitment type: proofOfReceipt (1.2.840.113549.1.9.16.6.2)")
                .contains("unsigned (verifier):  archiveTimeStampV3")
                .contains("time-stamp within:    15 minutes of signing-time")
                .contains("CN=Example Records Seal Root CA")
                .contains("(embedded hash verified)");
    }

    @Test
    void showJsonDecompilesToTheCommittedJson() throws IOException {
        Run run = vellum("policy", "show", "--json", SEAL_DER.toString());

        assertThat(run.out()).isEqualTo(Files.readString(SEAL_JSON));
    }

    @Test
    void badInputFailsWithAReasonAndExitCodeOne() throws IOException {
        Path garbage = Files.writeString(tmp.resolve("garbage.der"), "not a policy");
        Path typo = Files.writeString(tmp.resolve("typo.json"),
                Files.readString(SEAL_JSON).replace("\"dateOfIssue\"", "\"dateOfIssu\""));

        Run show = vellum("policy", "show", garbage.toString());
        Run compile = vellum("policy", "compile", typo.toString(), "--out", tmp.resolve("x.der").toString());
        Run hash = vellum("policy", "hash", tmp.resolve("missing.der").toString());
        Run alg = vellum("policy", "hash", SEAL_DER.toString(), "--alg", "MD5");

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("vellum policy show: ").contains("garbage.der: malformed signature policy DER");
        assertThat(compile.exitCode()).isEqualTo(1);
        assertThat(compile.err()).contains("typo.json").contains("$.signPolicyInfo.dateOfIssue: mandatory field missing");
        assertThat(Files.exists(tmp.resolve("x.der"))).isFalse();
        assertThat(hash.err()).contains("missing.der: no such file");
        assertThat(alg.err()).contains("unknown hash algorithm \"MD5\"");
    }
}
