package dev.vellum.app.jobs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where running jobs report how far they are, for the CLI's progress bar. Jobs only add to it;
 * whoever shows progress reads it. Totals are estimates (-1 when unknown).
 */
public final class ProgressBoard {
    private final AtomicReference<String> phase = new AtomicReference<>("");
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong(-1);

    public void start(String phaseName, long expectedTotal) {
        phase.set(phaseName);
        done.set(0);
        total.set(expectedTotal);
    }

    public void addToTotal(long amount) {
        total.accumulateAndGet(amount, (t, a) -> t < 0 ? a : t + a);
    }

    public void advance(long amount) {
        done.addAndGet(amount);
    }

    public String phase() {
        return phase.get();
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total.get();
    }
}
