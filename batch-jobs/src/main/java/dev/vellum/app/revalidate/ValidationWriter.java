package dev.vellum.app.revalidate;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.EventType;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each verdict as a validation run (with the change from the previous one), its report blob and an event. */
public final class ValidationWriter implements ItemWriter<ItemVerdict> {
    private final ArchiveIndex index;
    private final EventLog events;
    private final BlobStore blobs;
    private final Clock clock;
    private final ProgressBoard progress;
    private final Supplier<Instant> validationTime;

    public ValidationWriter(ArchiveIndex index, EventLog events, BlobStore blobs, Clock clock, ProgressBoard progress,
                            Supplier<Instant> validationTime) {
        this.index = index;
        this.events = events;
        this.blobs = blobs;
        this.clock = clock;
        this.progress = progress;
        this.validationTime = validationTime;
    }

    @Override
    public void write(Chunk<? extends ItemVerdict> chunk) {
        StepContext context = StepSynchronizationManager.getContext();
        StepExecution step = context == null ? null : context.getStepExecution();
        Long jobExecutionId = step == null ? null : step.getJobExecutionId();
        java.util.List<ContentHash> reports = new java.util.ArrayList<>();
        for (ItemVerdict verdict : chunk) {
            reports.add(blobs.put(verdict.reportJson()));
        }
        events.lockHead();
        Instant now = clock.instant();
        Instant at = validationTime.get();
        int i = 0;
        for (ItemVerdict verdict : chunk) {
            long id = verdict.item().id();
            String previous = index.latestValidation(id).map(r -> r.indication() + "/" + r.subIndication()).orElse(null);
            index.recordValidation(id, verdict.version(), now, at, verdict.indication(), verdict.subIndication(),
                    verdict.level(), reports.get(i++), jobExecutionId);
            String current = verdict.indication() + "/" + verdict.subIndication();
            events.append(EventType.VALIDATED, id, "version=" + verdict.version() + " at=" + at + " indication="
                    + verdict.indication() + " sub-indication=" + verdict.subIndication() + " level=" + verdict.level()
                    + (previous != null && !previous.equals(current) ? " changed-from=" + previous : ""));
            if (step != null) {
                Tally.add(step, verdict.indication(), 1);
                if (previous != null && !previous.equals(current)) {
                    Tally.add(step, "changed", 1);
                }
            }
        }
        progress.advance(chunk.size());
    }
}
