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
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.SealedBatch;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Seals one chunk of items with one time-stamp (RFC 4998 §4.2, via {@link EvidenceBatch}) and
 * stores each item's evidence record as its next version. The TSA call happens before the
 * event-log lock is taken, so partitions wait for each other only while writing rows.
 */
public final class ErsUpgradeWriter implements ItemWriter<ErsCandidate> {
    private final ArchiveIndex index;
    private final EventLog events;
    private final BlobStore blobs;
    private final TimestampSource tsa;
    private final Clock clock;
    private final ProgressBoard progress;

    public ErsUpgradeWriter(ArchiveIndex index, EventLog events, BlobStore blobs, TimestampSource tsa, Clock clock,
                            ProgressBoard progress) {
        this.index = index;
        this.events = events;
        this.blobs = blobs;
        this.tsa = tsa;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends ErsCandidate> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        List<Integer> numbers = new ArrayList<>();
        for (ErsCandidate candidate : chunk) {
            numbers.add(candidate.digests().size() == 1 ? batch.add(candidate.digests().get(0))
                    : batch.addGroup(candidate.digests()));
        }
        SealedBatch sealed = batch.seal(tsa); // exactly one TSA call for the whole chunk
        Instant until = Evidence.protectsUntil(sealed.timeStamp(), DigestAlgorithm.SHA256.jcaName());
        List<ContentHash> records = new ArrayList<>();
        for (int number : numbers) {
            EvidenceRecord record = sealed.record(number);
            records.add(blobs.put(record.encoded()));
        }

        StepContext context = StepSynchronizationManager.getContext();
        StepExecution step = context == null ? null : context.getStepExecution();
        Long jobExecutionId = step == null ? null : step.getJobExecutionId();
        events.lockHead();
        Instant now = clock.instant();
        int i = 0;
        for (ErsCandidate candidate : chunk) {
            long id = candidate.item().id();
            ContentHash record = records.get(i++);
            if (index.latestVersion(id, ItemVersion.EVIDENCE_RECORD).isPresent()) {
                continue; // upgraded by an earlier, committed run: never twice
            }
            int version = index.addVersion(id, record, ItemVersion.EVIDENCE_RECORD, "ERS", now, jobExecutionId);
            index.setEvidenceUntil(id, until);
            events.append(EventType.UPGRADED, id, "version=" + version + " kind=EVIDENCE_RECORD sha256=" + record
                    + " tsa-serial=" + sealed.timeStamp().getTimeStampInfo().getSerialNumber()
                    + " gen-time=" + sealed.timeStamp().getTimeStampInfo().getGenTime().toInstant()
                    + " renew-before=" + until);
            if (step != null) {
                Tally.add(step, "upgraded", 1);
            }
        }
        if (step != null) {
            Tally.add(step, "tsaCalls", 1);
        }
        progress.advance(chunk.size());
    }
}
