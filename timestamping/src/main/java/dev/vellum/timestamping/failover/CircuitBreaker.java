package dev.vellum.timestamping.failover;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-TSA circuit breaker: after {@code failureThreshold} failed calls in a row the TSA is skipped
 * until {@code openDuration} has passed; then one trial call is let through (half-open), whose
 * outcome closes or re-opens the circuit.
 */
final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration openDuration;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    CircuitBreaker(int failureThreshold, Duration openDuration) {
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
    }

    /** Whether a call may go to the TSA now; moves an expired open circuit to half-open. */
    synchronized boolean tryAcquire(Instant now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now.isBefore(openUntil)) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    synchronized void recordSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void recordFailure(Instant now) {
        consecutiveFailures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openUntil = now.plus(openDuration);
        }
    }

    synchronized State state() {
        return state;
    }

    synchronized Instant openUntil() {
        return openUntil;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }
}
