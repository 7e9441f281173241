package dev.vellum.app.cli.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-alone `vellum sign` and `vellum extend` tools against the testkit's live TSA, CRL and OCSP services. */
class SignExtendCommandTest {
    @TempDir
    static Path dir;
    static Path p12;
    static Path password;
    static Path root;
    static String tsa;

    @BeforeAll
    static void credentials() throws Exception {
        TestPki pki = TestPki.shared();
        p12 = Files.write(dir.resolve("signer.p12"), pki.signer(KeyType.ECDSA_P256).toPkcs12("secret".toCharArray()));
        password = Files.writeString(dir.resolve("password.txt"), "secret\n");
        root = Files.writeString(dir.resolve("root.pem"), pki.root().certificatePem());
        tsa = pki.services().tsaUrl().toString();
    }

    @Test
    void signsDetachedStraightToLta() throws Exception {
        Path content = Files.writeString(dir.resolve("report.txt"), "annual report\n");
        Path out = dir.resolve("report.txt.p7s");
        CliRunner.Result r = CliRunner.run("sign", content.toString(), "--key", p12.toString(), "--password-file",
                password.toString(), "--detached", "--level", "LTA", "--tsa", tsa, "--trust", root.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        CadesSignature s = new SignedDocumentReader().read(out, content).signatures().get(0);
        assertThat(s.level().baseline()).isEqualTo(BaselineLevel.B_LTA);
        assertThat(s.cryptographicallyIntact()).isTrue();
    }

    @Test
    void smimeMessageIsExtendedIntoANewEmlWithTheSameSignedPart() throws Exception {
        Path entity = Files.writeString(dir.resolve("body.eml"), "Content-Type: text/plain\r\n\r\nPlease archive.\r\n");
        Path eml = dir.resolve("signed.eml");
        CliRunner.Result signed = CliRunner.run("sign", entity.toString(), "--key", p12.toString(), "--password-file",
                password.toString(), "--smime", "--out", eml.toString());
        assertThat(signed.exitCode()).as(signed.out() + signed.err()).isZero();

        Path lta = dir.resolve("signed-lta.eml");
        CliRunner.Result r = CliRunner.run("extend", eml.toString(), "--level", "LTA", "--tsa", tsa, "--trust", root.toString(),
                "--out", lta.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("CAdES-BASELINE-LTA");
        SignedDocument before = new SignedDocumentReader().read(eml);
        SignedDocument after = new SignedDocumentReader().read(lta);
        assertThat(after.content().orElseThrow().readAllBytes()).isEqualTo(before.content().orElseThrow().readAllBytes());
        assertThat(new String(Files.readAllBytes(lta), StandardCharsets.ISO_8859_1))
                .startsWith(new String(Files.readAllBytes(eml), StandardCharsets.ISO_8859_1).substring(0, before.smime().orElseThrow().bodyStart()));
        assertThat(after.signatures().get(0).level().baseline()).isEqualTo(BaselineLevel.B_LTA);
    }

    @Test
    void embeddedTsaGivesAT() throws Exception {
        Path content = Files.writeString(dir.resolve("note.txt"), "note\n");
        Path out = dir.resolve("note.p7m");
        CliRunner.Result r = CliRunner.run("--data", dir.resolve("data").toString(), "sign", content.toString(), "--key",
                p12.toString(), "--password-file", password.toString(), "--level", "T", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(new SignedDocumentReader().read(out).signatures().get(0).level().baseline()).isEqualTo(BaselineLevel.B_T);
        assertThat(dir.resolve("data/tsa/chain.pem")).exists();
    }

    @Test
    void embeddedTsaToLtaTrustsTheEmbeddedTsaCertificateItself() throws Exception {
        Path content = Files.writeString(dir.resolve("memo.txt"), "memo\n");
        Path out = dir.resolve("memo.p7m");
        CliRunner.Result r = CliRunner.run("--data", dir.resolve("data2").toString(), "sign", content.toString(), "--key",
                p12.toString(), "--password-file", password.toString(), "--level", "LTA", "--trust", root.toString(),
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(new SignedDocumentReader().read(out).signatures().get(0).level().baseline()).isEqualTo(BaselineLevel.B_LTA);
    }

    @Test
    void tamperedSignatureIsRefusedWithTheReason() throws Exception {
        Path tampered = Files.write(dir.resolve("22.p7m"), Corpus.bytes("openssl/messages/22-tampered-econtent.p7m"));
        CliRunner.Result r = CliRunner.run("extend", tampered.toString(), "--level", "T", "--tsa", tsa, "--trust",
                root.toString(), "--out", dir.resolve("x.p7m").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("refusing to extend").contains("--force");
        assertThat(dir.resolve("x.p7m")).doesNotExist();
    }

    @Test
    void wrongPasswordIsAClearError() {
        CliRunner.Result r = CliRunner.run("sign", root.toString(), "--key", p12.toString(), "--out", dir.resolve("y.p7m").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("PKCS#12");
    }
}
