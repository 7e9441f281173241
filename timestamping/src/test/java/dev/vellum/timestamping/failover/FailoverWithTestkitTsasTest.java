package dev.vellum.timestamping.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.services.FailureMode;
import dev.vellum.testkit.services.TsaService;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failover across two live testkit TSAs with their failure switches. */
class FailoverWithTestkitTsasTest {
    private static final byte[] DIGEST = DigestAlgorithm.SHA256.digest(new byte[] {1});
    private final TestPki pki = TestPki.shared();
    private final TsaService first = pki.services().tsa();
    private final TsaService second = secondTsa(pki);
    private final List<Duration> waits = new ArrayList<>();

    private static synchronized TsaService secondTsa(TestPki pki) {
        return pki.services().all().stream().filter(s -> s instanceof TsaService && s != pki.services().tsa())
                .map(TsaService.class::cast).findFirst().orElseGet(() -> pki.services().startTsa(pki.tsa()));
    }

    @AfterEach
    void reset() {
        pki.services().resetAll();
    }

    private FailoverTimestampSource chain() {
        TokenVerifier verifier = TokenVerifier.builder().clock(pki.clock()).build();
        return FailoverTimestampSource.builder().sleeper(waits::add).random(new Random(7))
                .add(HttpTimestampClient.builder(first.url()).name("first").verifier(verifier).build())
                .add(HttpTimestampClient.builder(second.url()).name("second").verifier(verifier).build())
                .build();
    }

    @Test
    void firstDownSecondAnswers() {
        try (var down = first.failWith(FailureMode.DOWN)) {
            TimeStampToken token = chain().timestamp(DigestAlgorithm.SHA256, DIGEST);
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(DIGEST);
            assertThat(second.requestCount()).isEqualTo(1);
            assertThat(waits).as("one backoff before retrying the first").hasSize(1);
        }
    }

    @Test
    void allDownIsOneErrorListingEachTsa() {
        try (var down = first.failWith(FailureMode.DOWN); var broken = second.failWith(FailureMode.HTTP_500)) {
            assertThatThrownBy(() -> chain().timestamp(DigestAlgorithm.SHA256, DIGEST))
                    .isInstanceOfSatisfying(AllTsasFailedException.class, e -> assertThat(e.failures())
                            .extracting(TsaException::failure).containsExactly(TsaFailure.CONNECTION, TsaFailure.HTTP_STATUS))
                    .hasMessageContaining("[1] TSA first: connection check failed")
                    .hasMessageContaining("[2] TSA second: HTTP status check failed: HTTP 500");
            assertThat(second.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void aWrongNonceIsNeverAccepted() {
        try (var liar = first.failWith(FailureMode.WRONG_NONCE)) {
            TimeStampToken token = chain().timestamp(DigestAlgorithm.SHA256, DIGEST);
            assertThat(first.requestCount()).as("not retried: a wrong nonce is no transport hiccup").isEqualTo(1);
            assertThat(second.requestCount()).isEqualTo(1);
            assertThat(token.getTimeStampInfo().getNonce()).isNotNull();
        }
        try (var liar1 = first.failWith(FailureMode.WRONG_NONCE); var liar2 = second.failWith(FailureMode.WRONG_NONCE)) {
            assertThatThrownBy(() -> chain().timestamp(DigestAlgorithm.SHA256, DIGEST))
                    .isInstanceOf(AllTsasFailedException.class)
                    .hasMessageContaining("TSA first: nonce check failed").hasMessageContaining("TSA second: nonce check failed");
        }
    }
}
