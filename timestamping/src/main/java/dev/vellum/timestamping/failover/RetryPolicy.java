package dev.vellum.timestamping.failover;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often one TSA is asked before the chain moves on, and how long to wait in between:
 * exponential backoff, capped, with random jitter so that many clients do not retry in step.
 *
 * @param maxAttempts    attempts per TSA per call (1 = no retry)
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     cap on any wait
 * @param multiplier     growth of the wait per attempt
 * @param jitter         fraction (0..1) by which a wait is randomly shortened or lengthened
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
    }

    /** Two attempts per TSA, 200 ms then growing ×2 up to 5 s, ±50 % jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.5);
    }

    /** One attempt per TSA. */
    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0);
    }

    /** The wait before attempt number {@code nextAttempt} (2 for the first retry). */
    public Duration backoffBefore(int nextAttempt, RandomGenerator random) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, nextAttempt - 2));
        double capped = Math.min(base, maxBackoff.toNanos());
        double factor = 1.0 - jitter + 2.0 * jitter * random.nextDouble();
        return Duration.ofNanos((long) Math.min(capped * factor, maxBackoff.toNanos()));
    }
}
