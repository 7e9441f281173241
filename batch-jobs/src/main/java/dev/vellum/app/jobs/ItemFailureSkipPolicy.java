package dev.vellum.app.jobs;

import dev.vellum.app.store.StoreException;
import dev.vellum.timestamping.TimestampException;

import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.dao.DataAccessException;

/**
 * Skips (and so quarantines) an item whose own processing failed, up to a limit; never skips
 * failures of the archive itself — database, disk, a missing library capability, no TSA answering —
 * which must stop the job so that it can be restarted once fixed, instead of quarantining every item.
 */
public final class ItemFailureSkipPolicy implements SkipPolicy {
    private final long limit;

    public ItemFailureSkipPolicy(long limit) {
        this.limit = limit;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        if (t instanceof Error || t instanceof DataAccessException || t instanceof StoreException
                || t instanceof CapabilityUnavailableException || t instanceof TimestampException) {
            return false;
        }
        if (skipCount >= limit) {
            throw new SkipLimitExceededException(limit, t);
        }
        return true;
    }
}
