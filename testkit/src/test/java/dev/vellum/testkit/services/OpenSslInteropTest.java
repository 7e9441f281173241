package dev.vellum.testkit.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSL reads and verifies what the live services serve. Skipped when no {@code openssl} is on the PATH. */
class OpenSslInteropTest {
    private static final TestPki PKI = TestPki.shared();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenSsl() {
        assumeTrue(openSslAvailable(), "openssl is not on the PATH: skipping the OpenSSL interoperability tests");
    }

    @Test
    void opensslReadsAndVerifiesTheOcspResponse() throws Exception {
        OCSPReq request = OcspServiceTest.request(PKI.revokedSigner().certificate(), PKI.intermediate(), new byte[] {1, 2, 3, 4});
        Path response = write("response.der", Http.post(PKI.services().ocspUrl(), "application/ocsp-request",
                request.getEncoded()).body());
        Path root = write("root.pem", PKI.root().certificatePem());
        Path intermediate = write("intermediate.pem", PKI.intermediate().certificatePem());

        Result result = openssl("ocsp", "-respin", response.toString(), "-resp_text",
                "-CAfile", root.toString(), "-verify_other", intermediate.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OCSP Response Status: successful (0x0)", "Response Type: Basic OCSP Response",
                "Cert Status: revoked", "Revocation Reason: keyCompromise (0x1)", "OCSP Nonce", "Response verify OK");
        assertThat(result.output()).containsIgnoringCase(hex(PKI.revokedSigner().serialNumber()));
    }

    @Test
    void opensslReadsTheCrlAndSeesTheRevokedSerial() throws Exception {
        Path crl = write("intermediate.crl", Http.get(PKI.services().crlUrl(PKI.intermediate())).body());
        Path chain = write("chain.pem", PKI.intermediate().certificatePem() + PKI.root().certificatePem());

        Result text = openssl("crl", "-inform", "DER", "-in", crl.toString(), "-text", "-noout");
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("Certificate Revocation List (CRL):", "Key Compromise", "X509v3 CRL Number");
        assertThat(text.output()).containsIgnoringCase("Serial Number: " + hex(PKI.revokedSigner().serialNumber()));

        Result verify = openssl("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", chain.toString(), "-noout");
        assertThat(verify.output()).contains("verify OK");
    }

    @Test
    void opensslSeesTheRevokedSignerRevokedAndTheOthersFine() throws Exception {
        String crl = Pem.encode("X509 CRL", Http.get(PKI.services().crlUrl(PKI.intermediate())).body());
        Path crlFile = write("crl.pem", crl);
        Path root = write("root.pem", PKI.root().certificatePem());
        Path intermediate = write("intermediate.pem", PKI.intermediate().certificatePem());

        Result revoked = openssl("verify", "-crl_check", "-CRLfile", crlFile.toString(), "-CAfile", root.toString(),
                "-untrusted", intermediate.toString(), "-purpose", "smimesign",
                write("revoked.pem", PKI.revokedSigner().certificatePem()).toString());
        assertThat(revoked.output()).contains("certificate revoked");

        Result fine = openssl("verify", "-crl_check", "-CRLfile", crlFile.toString(), "-CAfile", root.toString(),
                "-untrusted", intermediate.toString(), "-purpose", "smimesign",
                write("rsa.pem", PKI.signer(KeyType.RSA_2048).certificatePem()).toString());
        assertThat(fine.exitCode()).as(fine.output()).isZero();
        assertThat(fine.output()).contains(": OK");
    }

    @Test
    void opensslReadsAndVerifiesTheTsaReply() throws Exception {
        byte[] data = "a mailbox worth keeping".getBytes(StandardCharsets.UTF_8);
        Path dataFile = write("data.bin", data);
        TimeStampRequest request = TsaServiceTest.request(TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest(data), BigInteger.valueOf(777), true);
        Path reply = write("reply.tsr", Http.post(PKI.services().tsaUrl(), "application/timestamp-query",
                request.getEncoded()).body());

        Result text = openssl("ts", "-reply", "-in", reply.toString(), "-text");
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("Status: Granted.", "Policy OID: 2.999.3161.1", "Hash Algorithm: sha256",
                "Nonce: 0x0309", "Accuracy: 0x01 seconds", "TSA: DirName:");

        Path root = write("root.pem", PKI.root().certificatePem());
        Path intermediate = write("intermediate.pem", PKI.intermediate().certificatePem());
        Result verify = openssl("ts", "-verify", "-in", reply.toString(), "-data", dataFile.toString(),
                "-CAfile", root.toString(), "-untrusted", intermediate.toString());
        assertThat(verify.output()).contains("Verification: OK");
    }

    @Test
    void opensslVerifiesTokensMadeOffline() throws Exception {
        byte[] data = "evidence made in the past".getBytes(StandardCharsets.UTF_8);
        Path dataFile = write("offline.bin", data);
        Path root = write("root.pem", PKI.root().certificatePem());
        Path intermediate = write("intermediate.pem", PKI.intermediate().certificatePem());
        for (boolean v1 : new boolean[] {false, true}) {
            var builder = PKI.timeStamp().data(data).at(PKI.createdAt().minus(Duration.ofDays(3)));
            Path token = write("token-" + v1 + ".der", (v1 ? builder.essCertIdV1() : builder).encoded());

            Result verify = openssl("ts", "-verify", "-in", token.toString(), "-token_in", "-data", dataFile.toString(),
                    "-CAfile", root.toString(), "-untrusted", intermediate.toString());

            assertThat(verify.output()).as("ESSCertID v1: " + v1).contains("Verification: OK");
        }
    }

    @Test
    void opensslReadsThePkcs12Files() throws Exception {
        Path p12 = write("signer.p12", PKI.signer(KeyType.ECDSA_P256).toPkcs12("secret".toCharArray()));

        Result result = openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:secret", "-nodes");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("-----BEGIN PRIVATE KEY-----", "subject=C = DE, O = Vellum Test PKI");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String hex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    private static boolean openSslAvailable() {
        try {
            return openssl("version").exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running openssl", e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
