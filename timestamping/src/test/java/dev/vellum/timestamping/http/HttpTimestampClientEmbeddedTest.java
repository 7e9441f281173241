package dev.vellum.timestamping.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.embedded.TsaHttpServer;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our HTTP client against our embedded TSA served over real HTTP on 127.0.0.1. */
class HttpTimestampClientEmbeddedTest {
    private static final byte[] DIGEST = DigestAlgorithm.SHA256.digest("message".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path dir;
    static EmbeddedTsa tsa;
    static TsaHttpServer server;

    @BeforeAll
    static void start() {
        tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).build());
        server = tsa.serve(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        server.close();
        tsa.close();
    }

    @Test
    void getsAVerifiedTokenOverHttp() {
        HttpTimestampClient client = HttpTimestampClient.builder(server.url()).build();
        for (DigestAlgorithm algorithm : new DigestAlgorithm[] {DigestAlgorithm.SHA256, DigestAlgorithm.SHA384,
                DigestAlgorithm.SHA512}) {
            byte[] digest = algorithm.digest(new byte[] {7});
            TimeStampToken token = client.timestamp(algorithm, digest);
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
            assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(algorithm.asn1Oid());
        }
    }

    @Test
    void requestedPolicyIsHonouredOrTheTsaRefuses() {
        HttpTimestampClient same = HttpTimestampClient.builder(server.url()).requestPolicy(tsa.policyOid()).build();
        assertThat(same.timestamp(DigestAlgorithm.SHA256, DIGEST).getTimeStampInfo().getPolicy().getId())
                .isEqualTo(tsa.policyOid());
        HttpTimestampClient other = HttpTimestampClient.builder(server.url()).name("embedded").requestPolicy("1.2.3.4").build();
        assertThatThrownBy(() -> other.timestamp(DigestAlgorithm.SHA256, DIGEST))
                .isInstanceOfSatisfying(TsaException.class, e -> assertThat(e.failure()).isEqualTo(TsaFailure.STATUS_NOT_GRANTED))
                .hasMessageContaining("TSA embedded: status check failed").hasMessageContaining("rejection");
    }

    @Test
    void trustAnchorFromTheExportedChainIsAccepted() {
        TokenVerifier verifier = TokenVerifier.builder().trustAnchor(tsa.certificateChain().get(1)).build();
        HttpTimestampClient client = HttpTimestampClient.builder(server.url()).verifier(verifier).build();
        assertThat(client.timestamp(DigestAlgorithm.SHA256, DIGEST)).isNotNull();
    }

    @Test
    void sha1NeedsExplicitConfiguration() {
        HttpTimestampClient client = HttpTimestampClient.builder(server.url()).build();
        assertThatThrownBy(() -> client.timestamp(DigestAlgorithm.SHA1, new byte[20]))
                .isInstanceOf(TimestampException.class).hasMessageContaining("SHA-1 imprints are not enabled");
        // Enabled on our side, the embedded TSA still refuses SHA-1 and says so.
        HttpTimestampClient sha1 = HttpTimestampClient.builder(server.url()).allowSha1().build();
        assertThatThrownBy(() -> sha1.timestamp(DigestAlgorithm.SHA1, new byte[20]))
                .isInstanceOfSatisfying(TsaException.class, e -> assertThat(e.failure()).isEqualTo(TsaFailure.STATUS_NOT_GRANTED));
    }

    @Test
    void wrongDigestLengthIsRefusedBeforeAnyRequest() {
        HttpTimestampClient client = HttpTimestampClient.builder(server.url()).build();
        assertThatThrownBy(() -> client.timestamp(DigestAlgorithm.SHA512, DIGEST))
                .isInstanceOf(TimestampException.class).hasMessageContaining("must be 64 bytes, got 32");
    }

    @Test
    void serverServesTheChainAndRefusesOtherMethodsAndTypes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI chain = URI.create(server.url() + "/chain.pem");
        HttpResponse<String> pem = http.send(HttpRequest.newBuilder(chain).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pem.body()).isEqualTo(tsa.chainPem());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.url()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(server.url()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    @Test
    void aClosedPortIsAConnectionFailureNamingTheTsa() {
        URI nobody;
        try (EmbeddedTsa other = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir.resolve("other")).build());
             TsaHttpServer s = other.serve(new InetSocketAddress("127.0.0.1", 0))) {
            nobody = s.url();
        }
        HttpTimestampClient client = HttpTimestampClient.builder(nobody).name("gone").build();
        assertThatThrownBy(() -> client.timestamp(DigestAlgorithm.SHA256, DIGEST))
                .isInstanceOfSatisfying(TsaException.class, e -> {
                    assertThat(e.failure()).isEqualTo(TsaFailure.CONNECTION);
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessageStartingWith("TSA gone: connection check failed");
    }
}
