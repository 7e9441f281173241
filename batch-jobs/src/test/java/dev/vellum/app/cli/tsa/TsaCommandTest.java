package dev.vellum.app.cli.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.app.cli.VellumMain;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vellum tsa chain} and {@code vellum tsa serve}, run in-process as a user would. */
class TsaCommandTest {
    @TempDir
    Path data;

    @Test
    void chainPrintsThePemChainAndWritesItUnderTheDataDirectory() throws Exception {
        CliRunner.Result first = CliRunner.run("--data", data.toString(), "tsa", "chain");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
        assertThat(Files.readString(data.resolve("tsa/chain.pem"))).isEqualTo(first.out());
        CliRunner.Result again = CliRunner.run("tsa", "chain", "--data", data.toString());
        assertThat(again.out()).as("the key is generated once").isEqualTo(first.out());
    }

    @Test
    void serveAnswersRfc3161OnTheChosenPortFollowingNow() throws Exception {
        Instant now = Instant.parse("2031-05-01T10:00:00Z");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(VellumMain.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "--data", data.toString(), "--now", now.toString(), "tsa", "serve", "--port", "0")));
        serve.start();
        URI url = awaitUrl(out, err);
        try {
            HttpTimestampClient client = HttpTimestampClient.builder(url)
                    .verifier(TokenVerifier.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build()).build();
            TimeStampToken token = client.timestamp(DigestAlgorithm.SHA256, DigestAlgorithm.SHA256.digest(new byte[] {1}));
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(now);
            assertThat(url.toString()).startsWith("http://127.0.0.1:").endsWith("/tsa");
            assertThat(out.toString()).contains("NOT FOR PRODUCTION");

            // While it serves, the chain is still available (from the file the server wrote).
            CliRunner.Result chain = CliRunner.run("--data", data.toString(), "tsa", "chain");
            assertThat(chain.exitCode()).isZero();
            assertThat(chain.out()).contains("BEGIN CERTIFICATE");
        } finally {
            serve.interrupt();
            serve.join(30_000);
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedWithAReason() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serve = new Thread(() -> VellumMain.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "--data", data.toString(), "tsa", "serve", "--port", "0"));
        serve.start();
        try {
            awaitUrl(out, err);
            CliRunner.Result second = CliRunner.run("--data", data.toString(), "tsa", "serve", "--port", "0");
            assertThat(second.exitCode()).isEqualTo(3);
            assertThat(second.err()).contains("already running");
        } finally {
            serve.interrupt();
            serve.join(30_000);
        }
    }

    private static URI awaitUrl(StringWriter out, StringWriter err) throws InterruptedException {
        Pattern p = Pattern.compile("serving at (http://\\S+/tsa)");
        for (int i = 0; i < 600; i++) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("vellum tsa serve did not start: " + out + err);
    }
}
