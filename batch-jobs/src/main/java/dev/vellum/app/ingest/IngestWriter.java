package dev.vellum.app.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.EventType;
import dev.vellum.app.store.Item;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records a chunk of ingest outcomes in the index and the event log, in the chunk's transaction.
 * It takes the event-log lock first, so partitions writing at the same time cannot both index the
 * same new bytes; what is already archived or quarantined is recognised and not recorded twice.
 */
public final class IngestWriter implements ItemWriter<IngestOutcome> {
    static final String STAGE = "INGEST";

    private final ArchiveIndex index;
    private final EventLog events;
    private final Clock clock;
    private final ProgressBoard progress;

    public IngestWriter(ArchiveIndex index, EventLog events, Clock clock, ProgressBoard progress) {
        this.index = index;
        this.events = events;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends IngestOutcome> chunk) {
        // The step running in this thread (partitions run concurrently, each in its own thread).
        StepContext context = StepSynchronizationManager.getContext();
        StepExecution step = context == null ? null : context.getStepExecution();
        events.lockHead();
        Instant now = clock.instant();
        Long jobExecutionId = step == null ? null : step.getJobExecutionId();
        for (IngestOutcome outcome : chunk) {
            if (outcome instanceof IngestOutcome.Archived archived) {
                archive(archived, now, jobExecutionId, step);
            } else if (outcome instanceof IngestOutcome.Quarantined quarantined) {
                quarantine(quarantined, now, jobExecutionId, step);
            }
        }
        progress.advance(chunk.size());
    }

    private void archive(IngestOutcome.Archived archived, Instant now, Long jobExecutionId, StepExecution step) {
        Optional<Item> existing = index.findByIdentity(archived.item().identity());
        if (existing.isPresent()) {
            long id = existing.get().id();
            if (index.addSource(id, archived.source(), now)) {
                events.append(EventType.SOURCE_SEEN, id, "source=" + archived.source());
                tally(step, "duplicates");
            } else {
                tally(step, "alreadyArchived");
            }
            return;
        }
        long id = index.insert(archived.item(), now, jobExecutionId);
        index.addSource(id, archived.source(), now);
        events.append(EventType.INGESTED, id, "sha256=" + archived.item().original() + " format="
                + archived.item().format() + " signers=" + archived.item().signerCount() + " source=" + archived.source());
        tally(step, "archived");
    }

    private void quarantine(IngestOutcome.Quarantined quarantined, Instant now, Long jobExecutionId,
                            StepExecution step) {
        if (index.isQuarantined(STAGE, quarantined.source(), quarantined.blob())) {
            tally(step, "alreadyQuarantined");
            return;
        }
        long id = index.quarantine(STAGE, quarantined.source(), quarantined.blob(), quarantined.size(), null,
                quarantined.reason(), now, jobExecutionId);
        events.append(EventType.QUARANTINED, null, "quarantine=" + id + " source=" + quarantined.source()
                + (quarantined.blob() == null ? "" : " sha256=" + quarantined.blob()) + " reason=" + quarantined.reason());
        tally(step, "quarantined");
    }

    private static void tally(StepExecution step, String counter) {
        if (step != null) {
            Tally.add(step, counter, 1);
        }
    }
}
