package dev.vellum.app.cli.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vellum extend} on what a records department actually finds in old shares: garbage, a
 * truncated {@code .p7m}, a detached {@code .p7s} whose content is not beside it. Each run ends
 * with a non-zero exit code and one line naming the file and the reason, and writes nothing.
 */
class ExtendBadInputCommandTest {
    @TempDir
    Path dir;

    private CliRunner.Result extend(Path in, Path out) {
        return CliRunner.run("extend", in.toString(), "--level", "LTA", "--tsa", TestPki.shared().services().tsaUrl().toString(),
                "--trust", rootPem().toString(), "--out", out.toString());
    }

    private Path rootPem() {
        try {
            return Files.writeString(dir.resolve("root.pem"), TestPki.shared().root().certificatePem());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void garbageIsNamedAsNotASignatureAndNothingIsWritten() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path in = Files.write(dir.resolve("scan-0042.p7m"), noise);
        Path out = dir.resolve("scan-0042-lta.p7m");

        CliRunner.Result r = extend(in, out);

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("scan-0042.p7m");
        assertThat(r.err().lines().count()).as(r.err()).isLessThanOrEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTruncatedP7mIsNamedAndNothingIsWritten() throws Exception {
        Path in = Files.copy(Corpus.file("openssl/messages/40-truncated.p7m"), dir.resolve("40-truncated.p7m"));
        Path out = dir.resolve("40-lta.p7m");

        CliRunner.Result r = extend(in, out);

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("40-truncated.p7m").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDetachedSignatureWithoutItsContentSaysSo() throws Exception {
        Path in = Files.copy(Corpus.file("openssl/messages/12-valid-detached.p7s"), dir.resolve("minutes.p7s"));
        Path out = dir.resolve("minutes-lta.p7s");

        CliRunner.Result r = extend(in, out);

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("minutes.p7s").contains("no content supplied");
        assertThat(out).doesNotExist();
    }
}
