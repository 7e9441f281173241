package dev.vellum.formats.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.KeyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What we create is what a mail client's crypto library accepts: `openssl cms -verify` passes our
 * S/MIME multipart/signed messages, detached `.p7s` and enveloping `.p7m` for every key type, also
 * after extension to LTA (the added unsigned data must not disturb a verifier that ignores it).
 */
class OpenSslVerifiesOurSignaturesTest {
    private static final byte[] CONTENT = "Please file this under 2026/117.\r\nThank you.\r\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static Path caFile;

    @BeforeAll
    static void trust() throws IOException {
        caFile = Files.writeString(dir.resolve("root.pem"), Pki.pki().root().certificatePem());
    }

    private static CadesSigner signer(KeyType type) {
        return CadesSigner.builder(Pki.key(type)).rsaPss(type == KeyType.RSA_PSS).build();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "RSA_PSS", "ECDSA_P256", "ED25519"})
    void opensslVerifiesOurSmimeDetachedAndEnvelopingSignatures(KeyType type) throws Exception {
        assumeTrue(openSslAvailable(), "openssl binary not found: skipping the OpenSSL interop check");
        if (type == KeyType.ED25519) {
            assumeTrue(openSslVerifiesEd25519(), "this openssl cannot verify Ed25519 CMS with signed attributes"
                    + " (\"eddsa_digest_signverify_init: invalid digest\", OpenSSL 3.0), not even OpenSSL's own corpus case 05");
        }
        Path content = Files.write(dir.resolve(type + ".txt"), CONTENT);

        byte[] entity = "Content-Type: text/plain; charset=utf-8\r\n\r\nMinutes attached for the file.\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] eml = signer(type).signSmime(entity, new SmimeMessageWriter.Headers(Map.of("Subject", "minutes",
                "From", "registry@example.test")));
        openSslVerify(Files.write(dir.resolve(type + ".eml"), eml), "SMIME", null);

        byte[] p7s = signer(type).signDetached(SignedContent.of(CONTENT));
        openSslVerify(Files.write(dir.resolve(type + ".p7s"), p7s), "DER", content);

        byte[] p7m = signer(type).signEnveloping(SignedContent.of(CONTENT));
        openSslVerify(Files.write(dir.resolve(type + ".p7m"), p7m), "DER", null);

        CadesExtender extender = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData()).build();
        byte[] lta = extender.extend(new SignedDocumentReader().readDetached(p7s, SignedContent.of(CONTENT)), ExtensionTarget.LTA).cms();
        openSslVerify(Files.write(dir.resolve(type + "-lta.p7s"), lta), "DER", content);
        byte[] ltaEml = extender.extend(new SignedDocumentReader().read(eml), ExtensionTarget.LTA).message().orElseThrow();
        openSslVerify(Files.write(dir.resolve(type + "-lta.eml"), ltaEml), "SMIME", null);
    }

    private static void openSslVerify(Path file, String inform, Path content) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-verify", "-CAfile", caFile.toString(),
                "-out", "/dev/null", "-in", file.toString(), "-inform", inform));
        if (content != null) {
            cmd.addAll(List.of("-binary", "-content", content.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + output).isZero();
        assertThat(output).contains("Verification successful");
    }

    /** Whether this openssl verifies the OpenSSL-made Ed25519 S/MIME message of the corpus (signature only). */
    private static boolean openSslVerifiesEd25519() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "cms", "-verify", "-noverify", "-inform", "SMIME", "-out", "/dev/null",
                "-in", Corpus.file("openssl/messages/05-valid-ed25519.eml").toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static boolean openSslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
