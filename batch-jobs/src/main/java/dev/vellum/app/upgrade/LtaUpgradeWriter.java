package dev.vellum.app.upgrade;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.EventType;
import dev.vellum.app.store.ItemVersion;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each LTA-extended item as its next version, with the date its archive time-stamp must be renewed by. */
public final class LtaUpgradeWriter implements ItemWriter<LtaCandidate> {
    private final ArchiveIndex index;
    private final EventLog events;
    private final BlobStore blobs;
    private final Clock clock;
    private final ProgressBoard progress;

    public LtaUpgradeWriter(ArchiveIndex index, EventLog events, BlobStore blobs, Clock clock, ProgressBoard progress) {
        this.index = index;
        this.events = events;
        this.blobs = blobs;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends LtaCandidate> chunk) {
        List<ContentHash> stored = new ArrayList<>();
        for (LtaCandidate candidate : chunk) {
            stored.add(blobs.put(candidate.bytes()));
        }
        StepContext context = StepSynchronizationManager.getContext();
        StepExecution step = context == null ? null : context.getStepExecution();
        Long jobExecutionId = step == null ? null : step.getJobExecutionId();
        events.lockHead();
        Instant now = clock.instant();
        int i = 0;
        for (LtaCandidate candidate : chunk) {
            ContentHash blob = stored.get(i++);
            long id = candidate.item().id();
            Instant until = candidate.protectsUntil();
            if (index.latestVersion(id, ItemVersion.CADES).isPresent()) {
                continue; // upgraded by an earlier, committed run: never twice
            }
            int version = index.addVersion(id, blob, ItemVersion.CADES, candidate.level(), now, jobExecutionId);
            index.setEvidenceUntil(id, until);
            events.append(EventType.UPGRADED, id, "version=" + version + " kind=CADES level=" + candidate.level()
                    + " sha256=" + blob + " renew-before=" + until);
            if (step != null) {
                Tally.add(step, "upgraded", 1);
            }
        }
        progress.advance(chunk.size());
    }
}
