package dev.vellum.app.cli.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.attribute.CommitmentTypeIndication;
import dev.vellum.formats.attribute.SignaturePolicyId;
import dev.vellum.formats.level.LegacyForm;
import dev.vellum.policy.PolicyHasher;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vellum sign --policy OID --policy-dir DIR [--commitment OID]}: an EPES signature naming a
 * policy of the registry with the hash the registry computed (not the file's hash).
 */
class SignUnderPolicyCommandTest {
    private static final Path SEAL_POLICY = Path.of("..", "signature-policy", "examples", "records-archive-seal-policy.der");
    private static final String SEAL_POLICY_OID = "2.999.3125.1";

    @TempDir
    static Path dir;
    static Path p12;
    static Path password;
    static Path registry;

    @BeforeAll
    static void credentialsAndRegistry() throws Exception {
        TestPki pki = TestPki.shared();
        p12 = Files.write(dir.resolve("sealer.p12"), pki.signer(KeyType.ECDSA_P256).toPkcs12("secret".toCharArray()));
        password = Files.writeString(dir.resolve("password.txt"), "secret\n");
        registry = Files.createDirectories(dir.resolve("policies"));
        Files.copy(SEAL_POLICY, registry.resolve("records-archive-seal-policy.der"));
    }

    @Test
    void signsEpesNamingThePolicyByOidWithItsPolicyHashAndTheCommitmentType() throws Exception {
        Path content = Files.writeString(dir.resolve("custody.txt"), "received into custody: box 17\n");
        Path out = dir.resolve("custody.txt.p7m");
        CliRunner.Result r = CliRunner.run("sign", content.toString(), "--key", p12.toString(), "--password-file",
                password.toString(), "--policy", SEAL_POLICY_OID, "--policy-dir", registry.toString(),
                "--commitment", CommitmentTypeIndication.PROOF_OF_RECEIPT, "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        CadesSignature s = new SignedDocumentReader().read(Files.readAllBytes(out)).signatures().get(0);
        assertThat(s.cryptographicallyIntact()).isTrue();
        assertThat(s.level().legacyForm()).contains(LegacyForm.EPES);
        SignaturePolicyId id = s.signedAttributes().signaturePolicy().orElseThrow();
        assertThat(id.policyOid()).contains(SEAL_POLICY_OID);
        assertThat(id.hash()).isEqualTo(PolicyHasher.sigPolicyHash(Files.readAllBytes(SEAL_POLICY)).value().toByteArray());
        assertThat(s.signedAttributes().commitmentTypes()).extracting(CommitmentTypeIndication::commitmentTypeOid)
                .containsExactly(CommitmentTypeIndication.PROOF_OF_RECEIPT);
    }

    @Test
    void aPolicyNotInTheRegistryOrNoRegistryIsAClearError() throws Exception {
        Path content = Files.writeString(dir.resolve("note.txt"), "note\n");
        CliRunner.Result unknown = CliRunner.run("sign", content.toString(), "--key", p12.toString(), "--password-file",
                password.toString(), "--policy", "2.999.3125.77", "--policy-dir", registry.toString(),
                "--out", dir.resolve("note.p7m").toString());
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("2.999.3125.77 is not in the registry").contains(SEAL_POLICY_OID);
        assertThat(dir.resolve("note.p7m")).doesNotExist();

        CliRunner.Result noRegistry = CliRunner.run("sign", content.toString(), "--key", p12.toString(), "--password-file",
                password.toString(), "--policy", SEAL_POLICY_OID, "--out", dir.resolve("note.p7m").toString());
        assertThat(noRegistry.exitCode()).isNotZero();
        assertThat(noRegistry.err()).contains("--policy needs --policy-dir");
    }
}
