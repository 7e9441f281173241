package dev.vellum.app.renew;

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
import dev.vellum.app.upgrade.Evidence;
import dev.vellum.app.tsa.ArchiveTsa;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecords;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Renews a chunk of evidence: evidence records get a new archive time-stamp each (RFC 4998 §5.2,
 * time-stamp renewal; one TSA call for the chunk), CAdES items come already re-extended with one
 * more archive-time-stamp-v3 (EN 319 122-1 §5.5.3); each is stored as the item's next version. Refuses — stopping
 * the job — when the TSA's certificate would not outlive the evidence it renews: renewing then only
 * spends time-stamps, and the operator must configure a TSA with a newer certificate.
 */
public final class RenewalWriter implements ItemWriter<RenewalCandidate> {
    private final ArchiveIndex index;
    private final EventLog events;
    private final BlobStore blobs;
    private final ArchiveTsa tsa;
    private final Clock clock;
    private final ProgressBoard progress;

    public RenewalWriter(ArchiveIndex index, EventLog events, BlobStore blobs, ArchiveTsa tsa, Clock clock,
                         ProgressBoard progress) {
        this.index = index;
        this.events = events;
        this.blobs = blobs;
        this.tsa = tsa;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Renewing with a TSA whose certificate ends no later than the current evidence only spends time-stamps:
     * checked before asking when the TSA's certificate is known (the embedded TSA), and on every result.
     */
    static void requireProgress(dev.vellum.app.store.Item item, Instant renewedUntil) {
        Instant current = item.evidenceUntil();
        if (current != null && !renewedUntil.isAfter(current)) {
            throw new RenewalException("cannot renew item " + item.id() + ": the TSA's certificate expires "
                    + renewedUntil + ", not after the evidence it would renew (" + current
                    + "); configure a TSA with a newer certificate");
        }
    }

    @Override
    public void write(Chunk<? extends RenewalCandidate> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<EvidenceRecord> records = new ArrayList<>();
        for (RenewalCandidate candidate : chunk) {
            if (candidate.isRecord()) {
                records.add(candidate.record());
            }
        }
        List<EvidenceRecord> renewed = records.isEmpty() ? List.of() : EvidenceRecords.renewTimeStamps(records, tsa);
        List<ContentHash> stored = new ArrayList<>();
        List<Instant> untils = new ArrayList<>();
        int r = 0;
        for (RenewalCandidate candidate : chunk) {
            if (candidate.isRecord()) {
                EvidenceRecord record = renewed.get(r++);
                Instant until = Evidence.protectsUntil(record.latestTimeStamp(), record.currentAlgorithm().jcaName());
                requireProgress(candidate.item(), Evidence.tsaCertificateExpiry(record.latestTimeStamp()));
                stored.add(blobs.put(record.encoded()));
                untils.add(until);
            } else {
                stored.add(blobs.put(candidate.renewedCades()));
                untils.add(candidate.protectsUntil());
            }
        }

        StepContext context = StepSynchronizationManager.getContext();
        StepExecution step = context == null ? null : context.getStepExecution();
        Long jobExecutionId = step == null ? null : step.getJobExecutionId();
        events.lockHead();
        Instant now = clock.instant();
        int i = 0;
        for (RenewalCandidate candidate : chunk) {
            Instant until = untils.get(i);
            ContentHash blob = stored.get(i++);
            long id = candidate.item().id();
            String kind = candidate.version().kind();
            int newest = index.latestVersion(id, kind).map(ItemVersion::version).orElse(-1);
            if (newest != candidate.version().version()) {
                continue; // renewed by an earlier, committed run
            }
            int version = index.addVersion(id, blob, kind, candidate.isRecord() ? "ERS" : candidate.level(), now,
                    jobExecutionId);
            index.setEvidenceUntil(id, until);
            events.append(EventType.RENEWED, id, "version=" + version + " kind=" + kind + " renews="
                    + candidate.version().version() + " sha256=" + blob + " renew-before=" + until);
            if (step != null) {
                Tally.add(step, "renewed", 1);
            }
        }
        if (step != null && !records.isEmpty()) {
            Tally.add(step, "tsaCalls", 1); // the evidence records' batch; CAdES renewals time-stamp per signature
        }
        progress.advance(chunk.size());
    }
}
