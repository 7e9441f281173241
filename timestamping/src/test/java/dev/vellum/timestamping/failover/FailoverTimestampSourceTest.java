package dev.vellum.timestamping.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.support.MisbehavingTsa;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.support.MisbehavingTsa.Mode;
import dev.vellum.timestamping.support.TokenFactory;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

class FailoverTimestampSourceTest {
    private static final byte[] DIGEST = DigestAlgorithm.SHA256.digest(new byte[] {9});

    private final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock clock = MutableClock.at(TokenFactory.NOW);

    private static HttpTimestampClient client(String name, URI url) {
        return HttpTimestampClient.builder(url).name(name).requestTimeout(Duration.ofSeconds(2))
                .verifier(TokenVerifier.builder().clock(Clock.fixed(TokenFactory.NOW, ZoneOffset.UTC)).build())
                .build();
    }

    private FailoverTimestampSource.Builder chain() {
        return FailoverTimestampSource.builder().sleeper(sleeps::add).clock(clock).random(new Random(1));
    }

    @Test
    void firstTsaDownSecondAnswers() {
        try (MisbehavingTsa down = new MisbehavingTsa(Mode.HTTP_500); MisbehavingTsa up = new MisbehavingTsa(Mode.OK)) {
            FailoverTimestampSource source = chain().add(client("primary", down.url())).add(client("backup", up.url())).build();
            TimeStampToken token = source.timestamp(DigestAlgorithm.SHA256, DIGEST);
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(DIGEST);
            assertThat(down.requests()).as("primary retried once").isEqualTo(2);
            assertThat(up.requests()).isEqualTo(1);
            assertThat(sleeps).hasSize(1);
        }
    }

    @Test
    void allDownGivesOneErrorListingEachTsa() {
        try (MisbehavingTsa html = new MisbehavingTsa(Mode.HTML_ERROR_PAGE); MisbehavingTsa broken = new MisbehavingTsa(Mode.HTTP_500)) {
            FailoverTimestampSource source = chain().add(client("a", html.url())).add(client("b", broken.url())).build();
            assertThatThrownBy(() -> source.timestamp(DigestAlgorithm.SHA256, DIGEST))
                    .isInstanceOfSatisfying(AllTsasFailedException.class, e -> {
                        assertThat(e.failures()).extracting(TsaException::tsa).containsExactly("a", "b");
                        assertThat(e.failures()).extracting(TsaException::failure)
                                .containsExactly(TsaFailure.NOT_A_TIMESTAMP_REPLY, TsaFailure.HTTP_STATUS);
                    })
                    .hasMessageStartingWith("all 2 TSAs failed to time-stamp: [1] TSA a: content type check failed")
                    .hasMessageContaining("[2] TSA b: HTTP status check failed: HTTP 500");
        }
    }

    @Test
    void aWrongNonceIsNeverAcceptedAndNotRetried() {
        try (MisbehavingTsa liar = new MisbehavingTsa(Mode.WRONG_NONCE); MisbehavingTsa honest = new MisbehavingTsa(Mode.OK)) {
            FailoverTimestampSource source = chain().add(client("liar", liar.url())).add(client("honest", honest.url())).build();
            TimeStampToken token = source.timestamp(DigestAlgorithm.SHA256, DIGEST);
            assertThat(liar.requests()).isEqualTo(1);
            assertThat(honest.requests()).isEqualTo(1);
            assertThat(token.getTimeStampInfo().getNonce()).isNotNull();

            FailoverTimestampSource onlyLiar = chain().add(client("liar", liar.url())).build();
            assertThatThrownBy(() -> onlyLiar.timestamp(DigestAlgorithm.SHA256, DIGEST))
                    .isInstanceOf(AllTsasFailedException.class).hasMessageContaining("TSA liar: nonce check failed");
        }
    }

    @Test
    void backoffGrowsWithJitterWithinBounds() {
        AtomicInteger calls = new AtomicInteger();
        TimestampSource flaky = (a, d) -> {
            calls.incrementAndGet();
            throw new TsaException("flaky", TsaFailure.CONNECTION, "refused");
        };
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300), 2.0, 0.25);
        FailoverTimestampSource source = chain().retry(policy).add("flaky", flaky).build();
        assertThatThrownBy(() -> source.timestamp(DigestAlgorithm.SHA256, DIGEST)).isInstanceOf(AllTsasFailedException.class);
        assertThat(calls).hasValue(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(125));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(250));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(225), Duration.ofMillis(300));
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndHalfOpensLater() {
        AtomicInteger calls = new AtomicInteger();
        boolean[] healthy = {false};
        TimestampSource backup = new TokenFromFactory();
        TimestampSource primary = (a, d) -> {
            calls.incrementAndGet();
            if (!healthy[0]) {
                throw new TsaException("primary", TsaFailure.TIMEOUT, "no answer");
            }
            return backup.timestamp(a, d);
        };
        FailoverTimestampSource source = chain().retry(RetryPolicy.noRetry()).circuitBreaker(2, Duration.ofMinutes(1))
                .add("primary", primary).add("backup", backup).build();
        source.timestamp(DigestAlgorithm.SHA256, DIGEST);
        source.timestamp(DigestAlgorithm.SHA256, DIGEST);
        assertThat(calls).hasValue(2);
        source.timestamp(DigestAlgorithm.SHA256, DIGEST); // open: primary skipped
        assertThat(calls).hasValue(2);

        clock.advance(Duration.ofSeconds(61));
        healthy[0] = true;
        source.timestamp(DigestAlgorithm.SHA256, DIGEST); // half-open trial succeeds and closes
        source.timestamp(DigestAlgorithm.SHA256, DIGEST);
        assertThat(calls).hasValue(4);
    }

    @Test
    void anOpenCircuitIsListedInTheAggregateError() {
        TimestampSource down = (a, d) -> {
            throw new TsaException("down", TsaFailure.CONNECTION, "refused");
        };
        FailoverTimestampSource source = chain().retry(RetryPolicy.noRetry()).circuitBreaker(1, Duration.ofMinutes(5))
                .add("down", down).build();
        assertThatThrownBy(() -> source.timestamp(DigestAlgorithm.SHA256, DIGEST)).hasMessageContaining("connection check failed");
        assertThatThrownBy(() -> source.timestamp(DigestAlgorithm.SHA256, DIGEST))
                .hasMessageContaining("TSA down: circuit breaker check failed: skipped until");
    }

    @Test
    void nonTsaFailuresOfAMemberAreNamedToo() {
        TimestampSource broken = (a, d) -> {
            throw new IllegalStateException("disk full");
        };
        FailoverTimestampSource source = chain().add("local", broken).build();
        assertThatThrownBy(() -> source.timestamp(DigestAlgorithm.SHA256, DIGEST))
                .hasMessageContaining("TSA local: time-stamp source check failed: disk full");
    }

    /** A source that makes verified-by-construction tokens without HTTP. */
    private static final class TokenFromFactory implements TimestampSource {
        @Override
        public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
            var request = TokenFactory.request(algorithm, digest, java.math.BigInteger.TEN, null);
            return TokenVerifier.builder().clock(Clock.fixed(TokenFactory.NOW, ZoneOffset.UTC)).build()
                    .verifyResponse("factory", request, TokenFactory.response(request, new TokenFactory.Spec()));
        }
    }
}
