package dev.vellum.app.ingest;

import java.time.Clock;

import dev.vellum.app.ingest.input.RawMessage;
import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.EventType;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Quarantines, with the failure as the reason, an input whose reading or processing threw unexpectedly. */
public final class IngestSkipListener implements SkipListener<RawMessage, IngestOutcome> {
    private final ArchiveIndex index;
    private final EventLog events;
    private final BlobStore blobs;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public IngestSkipListener(ArchiveIndex index, EventLog events, BlobStore blobs, Clock clock,
                              TransactionTemplate transactions) {
        this.index = index;
        this.events = events;
        this.blobs = blobs;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public void onSkipInRead(Throwable t) {
        record("(unreadable input)", null, null, "could not be read: " + message(t));
    }

    @Override
    public void onSkipInProcess(RawMessage item, Throwable t) {
        ContentHash blob = item.bytes() == null ? null : blobs.put(item.bytes());
        record(item.source(), blob, item.size(), "processing failed: " + message(t));
    }

    @Override
    public void onSkipInWrite(IngestOutcome item, Throwable t) {
        record(item.source(), null, null, "could not be recorded: " + message(t));
    }

    private void record(String source, ContentHash blob, Long size, String reason) {
        StepContext context = StepSynchronizationManager.getContext();
        Long jobExecutionId = context == null ? null : context.getStepExecution().getJobExecutionId();
        transactions.executeWithoutResult(status -> {
            events.lockHead();
            if (index.isQuarantined(IngestWriter.STAGE, source, blob)) {
                return;
            }
            long id = index.quarantine(IngestWriter.STAGE, source, blob, size, null, reason, clock.instant(), jobExecutionId);
            events.append(EventType.QUARANTINED, null, "quarantine=" + id + " source=" + source + " reason=" + reason);
        });
        if (context != null) {
            Tally.add(context.getStepExecution(), "quarantined", 1);
        }
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
