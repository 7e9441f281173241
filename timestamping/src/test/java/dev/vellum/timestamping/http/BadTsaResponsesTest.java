package dev.vellum.timestamping.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.support.MisbehavingTsa;
import dev.vellum.timestamping.support.MisbehavingTsa.Mode;
import dev.vellum.timestamping.support.TokenFactory;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Garbage, truncated, HTML, oversized, hanging and wrong answers over real HTTP: a named TimestampException, never an NPE or a hang. */
class BadTsaResponsesTest {
    private static final byte[] DIGEST = DigestAlgorithm.SHA256.digest(new byte[] {1, 2, 3});
    private static MisbehavingTsa tsa;

    @BeforeAll
    static void start() {
        tsa = new MisbehavingTsa(Mode.OK);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static HttpTimestampClient client() {
        return HttpTimestampClient.builder(tsa.url()).name("flaky-tsa")
                .requestTimeout(Duration.ofSeconds(2))
                .maxResponseBytes(256 * 1024)
                .verifier(TokenVerifier.builder().clock(Clock.fixed(TokenFactory.NOW, ZoneOffset.UTC)).build())
                .build();
    }

    @Test
    void aWellBehavedAnswerIsAccepted() {
        tsa.mode(Mode.OK);
        assertThat(client().timestamp(DigestAlgorithm.SHA256, DIGEST)).isNotNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "GARBAGE, MALFORMED_RESPONSE, not a DER TimeStampResp",
        "TRUNCATED, MALFORMED_RESPONSE, not a DER TimeStampResp",
        "EMPTY, MALFORMED_RESPONSE, the response is empty",
        "HTML_ERROR_PAGE, NOT_A_TIMESTAMP_REPLY, Service Unavailable",
        "WRONG_CONTENT_TYPE, NOT_A_TIMESTAMP_REPLY, application/json",
        "OVERSIZED, RESPONSE_TOO_LARGE, more than the limit of 262144",
        "OVERSIZED_CHUNKED, RESPONSE_TOO_LARGE, larger than the limit of 262144",
        "HTTP_500, HTTP_STATUS, database locked",
        "HTTP_404, HTTP_STATUS, HTTP 404",
        "WRONG_NONCE, NONCE_MISMATCH, does not echo",
        "HANG, TIMEOUT, PT2S",
    })
    void eachFaultIsNamedWithTheTsa(Mode mode, TsaFailure failure, String detail) {
        tsa.mode(mode);
        assertThatThrownBy(() -> client().timestamp(DigestAlgorithm.SHA256, DIGEST))
                .isInstanceOfSatisfying(TsaException.class, e -> assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure))
                .hasMessageStartingWith("TSA flaky-tsa: " + failure.check() + " check failed")
                .hasMessageContaining(detail);
    }

    @Test
    void serverErrorsAreRetryableButClientErrorsAreNot() {
        tsa.mode(Mode.HTTP_500);
        assertThatThrownBy(() -> client().timestamp(DigestAlgorithm.SHA256, DIGEST))
                .isInstanceOfSatisfying(TsaException.class, e -> assertThat(e.retryable()).isTrue());
        tsa.mode(Mode.HTTP_404);
        assertThatThrownBy(() -> client().timestamp(DigestAlgorithm.SHA256, DIGEST))
                .isInstanceOfSatisfying(TsaException.class, e -> assertThat(e.retryable()).isFalse());
    }
}
