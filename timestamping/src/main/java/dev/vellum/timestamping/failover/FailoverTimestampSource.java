package dev.vellum.timestamping.failover;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.http.HttpTimestampClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Several TSAs tried in order: each is asked up to {@link RetryPolicy#maxAttempts()} times while its
 * failures are retryable (transport trouble), with backoff and jitter between attempts; a TSA whose
 * circuit breaker is open is skipped. A token is only ever returned after its member verified it,
 * so a TSA answering with a wrong nonce or a bad token is passed over, never accepted. When every
 * TSA fails, an {@link AllTsasFailedException} lists each one's failure.
 */
public final class FailoverTimestampSource implements TimestampSource {
    private final List<Member> members;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random;

    private record Member(String name, TimestampSource source, CircuitBreaker breaker) {
    }

    private FailoverTimestampSource(Builder b) {
        this.members = List.copyOf(b.members);
        this.retry = b.retry;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The TSA names in the order they are tried. */
    public List<String> names() {
        return members.stream().map(Member::name).toList();
    }

    @Override
    public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        List<TsaException> failures = new ArrayList<>();
        for (Member member : members) {
            if (!member.breaker().tryAcquire(clock.instant())) {
                failures.add(new TsaException(member.name(), TsaFailure.CIRCUIT_OPEN,
                        "skipped until " + member.breaker().openUntil() + " after "
                                + member.breaker().consecutiveFailures() + " failed calls in a row"));
                continue;
            }
            TsaException last = null;
            for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
                if (attempt > 1) {
                    pause(member, retry.backoffBefore(attempt, random), last);
                }
                try {
                    TimeStampToken token = member.source().timestamp(algorithm, digest);
                    member.breaker().recordSuccess();
                    return token;
                } catch (TsaException e) {
                    last = e;
                } catch (RuntimeException e) {
                    last = new TsaException(member.name(), TsaFailure.SOURCE_ERROR, e.getMessage(), e);
                }
                if (!last.retryable() || last.failure() == TsaFailure.INTERRUPTED) {
                    break;
                }
            }
            member.breaker().recordFailure(clock.instant());
            if (last.failure() == TsaFailure.INTERRUPTED) {
                failures.add(last);
                throw new AllTsasFailedException(failures);
            }
            failures.add(attempted(last, member));
        }
        throw new AllTsasFailedException(failures);
    }

    private static TsaException attempted(TsaException e, Member member) {
        // Name the member as configured even when its source names itself differently.
        return e.tsa().equals(member.name()) ? e
                : new TsaException(member.name(), e.failure(), e.detail() + " (reported by " + e.tsa() + ")", e,
                        e.retryable());
    }

    private void pause(Member member, Duration wait, TsaException cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AllTsasFailedException(List.of(new TsaException(member.name(), TsaFailure.INTERRUPTED,
                    "interrupted while waiting to retry after: " + cause.getMessage(), e)));
        }
    }

    /** Members in order; defaults: {@link RetryPolicy#defaults()}, breaker opens after 3 failed calls for 60 s. */
    public static final class Builder {
        private final List<Member> members = new ArrayList<>();
        private RetryPolicy retry = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private int failureThreshold = 3;
        private Duration openDuration = Duration.ofSeconds(60);
        private final List<Runnable> pending = new ArrayList<>();

        private Builder() {
        }

        /** Adds an HTTP TSA under its own name. */
        public Builder add(HttpTimestampClient client) {
            return add(client.name(), client);
        }

        /** Adds any source under a name used in messages. */
        public Builder add(String name, TimestampSource source) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            pending.add(() -> members.add(new Member(name, source, new CircuitBreaker(failureThreshold, openDuration))));
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Open a TSA's circuit after this many failed calls in a row, for this long. */
        public Builder circuitBreaker(int failureThreshold, Duration openDuration) {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be at least 1");
            }
            this.failureThreshold = failureThreshold;
            this.openDuration = Objects.requireNonNull(openDuration, "openDuration");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public FailoverTimestampSource build() {
            if (pending.isEmpty()) {
                throw new IllegalStateException("a failover chain needs at least one TSA");
            }
            members.clear();
            pending.forEach(Runnable::run);
            return new FailoverTimestampSource(this);
        }
    }
}
