package dev.vellum.timestamping.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.support.OpenSsl;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 3161 tokens both ways between OpenSSL and us. Skipped when {@code openssl} is not installed. */
class OpenSslInteropTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireOpenSsl() {
        assumeTrue(OpenSsl.available(), "openssl is not on the PATH: OpenSSL interop tests skipped");
    }

    private static X509Certificate certificate(byte[] bytes) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    }

    @Test
    void theCorpusTokenMadeByOpenSslVerifiesWithOurVerifier() throws Exception {
        TimeStampRequest query = new TimeStampRequest(Corpus.bytes("openssl/messages/44-valid-timestamped.tsq"));
        byte[] reply = Corpus.bytes("openssl/messages/44-valid-timestamped.tsr");
        TimeStampToken unverified = new TimeStampResponse(reply).getTimeStampToken();
        TokenVerifier verifier = TokenVerifier.builder()
                .clock(Clock.fixed(unverified.getTimeStampInfo().getGenTime().toInstant(), ZoneOffset.UTC))
                .trustAnchor(certificate(Corpus.bytes("openssl/pki/root-ca.crt")))
                .build();
        TimeStampToken token = verifier.verifyResponse("corpus", query, reply);
        byte[] signatureValue = Corpus.bytes("openssl/messages/44-valid-timestamped.sigvalue");
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(DigestAlgorithm.SHA256.digest(signatureValue));
        assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo("2.999.1.1");
    }

    @Test
    void tokensFromOpenSslTsReplyWithATestkitKeyVerifyWithOurVerifier() throws Exception {
        TestPki pki = TestPki.shared();
        Credential tsa = pki.tsa();
        Files.writeString(dir.resolve("tsa.pem"), tsa.certificatePem());
        Files.writeString(dir.resolve("tsa.key"), tsa.privateKeyPem());
        Files.writeString(dir.resolve("chain.pem"), tsa.chainPem());
        Files.writeString(dir.resolve("serial"), "01\n");
        TokenVerifier.Builder vb = TokenVerifier.builder();
        pki.trustAnchors().forEach(vb::trustAnchor);
        TokenVerifier verifier = vb.build();
        for (String essCertIdAlgorithm : new String[] {"sha1", "sha256"}) {
            Files.writeString(dir.resolve("ts.cnf"), """
                    [ tsa ]
                    default_tsa = tsa_config
                    [ tsa_config ]
                    serial = ./serial
                    signer_digest = sha256
                    default_policy = %s
                    digests = sha256, sha384, sha512
                    accuracy = secs:1
                    ordering = no
                    tsa_name = yes
                    ess_cert_id_chain = no
                    ess_cert_id_alg = %s
                    """.formatted(TestPki.TSA_POLICY.getId(), essCertIdAlgorithm));
            byte[] digest = DigestAlgorithm.SHA384.digest(("signed mail " + essCertIdAlgorithm).getBytes(StandardCharsets.UTF_8));
            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
            g.setCertReq(true);
            TimeStampRequest request = g.generate(DigestAlgorithm.SHA384.asn1Oid(), digest, new BigInteger(64, new SecureRandom()));
            Files.write(dir.resolve("req.tsq"), request.getEncoded());
            OpenSsl.Result reply = OpenSsl.run(dir, "ts", "-reply", "-config", "ts.cnf", "-queryfile", "req.tsq",
                    "-signer", "tsa.pem", "-inkey", "tsa.key", "-chain", "chain.pem", "-out", "resp.tsr");
            assertThat(reply.exitCode()).as(reply.output()).isZero();

            byte[] response = Files.readAllBytes(dir.resolve("resp.tsr"));
            TimeStampToken token = verifier.verifyResponse("openssl", request, response);
            assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(request.getNonce());
            boolean v2 = token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null;
            assertThat(v2).as("ESSCertIDv2 iff ess_cert_id_alg=sha256").isEqualTo(essCertIdAlgorithm.equals("sha256"));

            // The same reply answers no other request: our nonce check catches it.
            TimeStampRequest other = g.generate(DigestAlgorithm.SHA384.asn1Oid(), digest, BigInteger.TEN);
            assertThatThrownBy(() -> verifier.verifyResponse("openssl", other, response))
                    .isInstanceOfSatisfying(TsaException.class, e -> assertThat(e.failure()).isEqualTo(TsaFailure.NONCE_MISMATCH));
        }
    }

    @Test
    void ourEmbeddedTsasTokenPassesOpenSslTsVerify() throws Exception {
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir.resolve("tsa")).build())) {
            byte[] data = "an archived message".getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("data.bin"), data);
            Files.write(dir.resolve("other.bin"), "another message".getBytes(StandardCharsets.UTF_8));
            X509Certificate root = tsa.certificateChain().get(tsa.certificateChain().size() - 1);
            Files.writeString(dir.resolve("root.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");

            OpenSsl.Result query = OpenSsl.run(dir, "ts", "-query", "-data", "data.bin", "-sha256", "-cert", "-out", "req.tsq");
            assertThat(query.exitCode()).as(query.output()).isZero();
            byte[] response = tsa.respond(Files.readAllBytes(dir.resolve("req.tsq")));
            Files.write(dir.resolve("resp.tsr"), response);

            OpenSsl.Result byQuery = OpenSsl.run(dir, "ts", "-verify", "-queryfile", "req.tsq", "-in", "resp.tsr",
                    "-CAfile", "root.pem");
            assertThat(byQuery.exitCode()).as(byQuery.output()).isZero();
            assertThat(byQuery.output()).contains("Verification: OK");
            OpenSsl.Result byData = OpenSsl.run(dir, "ts", "-verify", "-data", "data.bin", "-in", "resp.tsr",
                    "-CAfile", "root.pem");
            assertThat(byData.output()).contains("Verification: OK");

            OpenSsl.Result wrongData = OpenSsl.run(dir, "ts", "-verify", "-data", "other.bin", "-in", "resp.tsr",
                    "-CAfile", "root.pem");
            assertThat(wrongData.exitCode()).as("OpenSSL must notice other data").isNotZero();

            // The chain the TSA exports is what OpenSSL needs as its trust store.
            Files.writeString(dir.resolve("exported.pem"), tsa.chainPem());
            OpenSsl.Result byExport = OpenSsl.run(dir, "ts", "-verify", "-queryfile", "req.tsq", "-in", "resp.tsr",
                    "-CAfile", "exported.pem");
            assertThat(byExport.output()).contains("Verification: OK");
        }
    }
}
