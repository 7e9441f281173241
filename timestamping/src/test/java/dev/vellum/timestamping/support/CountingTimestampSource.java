package dev.vellum.timestamping.support;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tsp.TimeStampToken;

/** Counts the calls that reach a real source. */
public final class CountingTimestampSource implements TimestampSource {
    private final TimestampSource delegate;
    private final AtomicInteger calls = new AtomicInteger();

    public CountingTimestampSource(TimestampSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        calls.incrementAndGet();
        return delegate.timestamp(algorithm, digest);
    }

    public int calls() {
        return calls.get();
    }

    public void reset() {
        calls.set(0);
    }
}
