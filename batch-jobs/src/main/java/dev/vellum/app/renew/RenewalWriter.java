package dev.vellum.app.renew;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.EventType;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.app.upgrade.Evidence;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecords;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Renews a chunk of evidence records with a new archive time-stamp each (RFC 4998 §5.2, time-stamp
 * renewal), one TSA call for the chunk, each stored as the item's next version. Refuses — stopping
 * the job — when the TSA's certificate would not outlive the evidence it renews: renewing then only
 * spends time-stamps, and the operator must configure a TSA with a newer certificate.
 */
public final class RenewalWriter implements ItemWriter<RenewalCandidate> {
    private final ArchiveIndex index;
    private final EventLog events;
    private final BlobStore blobs;
    private final TimestampSource tsa;
    private final Supplier<Instant> tsaCertificateExpiry;
    private final Clock clock;
    private final ProgressBoard progress;

    public RenewalWriter(ArchiveIndex index, EventLog events, BlobStore blobs, TimestampSource tsa,
                         Supplier<Instant> tsaCertificateExpiry, Clock clock, ProgressBoard progress) {
        this.index = index;
        this.events = events;
        this.blobs = blobs;
        this.tsa = tsa;
        this.tsaCertificateExpiry = tsaCertificateExpiry;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends RenewalCandidate> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        Instant tsaExpiry = tsaCertificateExpiry.get();
        List<EvidenceRecord> records = new ArrayList<>();
        for (RenewalCandidate candidate : chunk) {
            Instant current = candidate.item().evidenceUntil();
            if (current != null && !tsaExpiry.isAfter(current)) {
                throw new RenewalException("cannot renew item " + candidate.item().id() + ": the TSA's certificate expires "
                        + tsaExpiry + ", not after the evidence it would renew (" + current
                        + "); configure a TSA with a newer certificate");
            }
            records.add(candidate.record());
        }
        List<EvidenceRecord> renewed = EvidenceRecords.renewTimeStamps(records, tsa);
        List<ContentHash> stored = new ArrayList<>();
        for (EvidenceRecord record : renewed) {
            stored.add(blobs.put(record.encoded()));
        }

        StepContext context = StepSynchronizationManager.getContext();
        StepExecution step = context == null ? null : context.getStepExecution();
        Long jobExecutionId = step == null ? null : step.getJobExecutionId();
        events.lockHead();
        Instant now = clock.instant();
        int i = 0;
        for (RenewalCandidate candidate : chunk) {
            EvidenceRecord record = renewed.get(i);
            ContentHash blob = stored.get(i++);
            long id = candidate.item().id();
            int newest = index.latestVersion(id, ItemVersion.EVIDENCE_RECORD).map(ItemVersion::version).orElse(-1);
            if (newest != candidate.version().version()) {
                continue; // renewed by an earlier, committed run
            }
            Instant until = Evidence.protectsUntil(record.latestTimeStamp(), record.currentAlgorithm().jcaName());
            int version = index.addVersion(id, blob, ItemVersion.EVIDENCE_RECORD, "ERS", now, jobExecutionId);
            index.setEvidenceUntil(id, until);
            events.append(EventType.RENEWED, id, "version=" + version + " renews=" + candidate.version().version()
                    + " sha256=" + blob + " archive-time-stamps=" + record.timeStamps().size() + " renew-before=" + until);
            if (step != null) {
                Tally.add(step, "renewed", 1);
            }
        }
        if (step != null) {
            Tally.add(step, "tsaCalls", 1);
        }
        progress.advance(chunk.size());
    }
}
