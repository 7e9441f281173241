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
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtendedDocument;
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
 * event-log lock is taken, so partitions wait for each other only while writing rows. Candidates
 * with an {@link ErsEmbedding} get their own record from the same time-stamp, embedded in their
 * first signature (ETSI TS 119 122-3), stored as one more version after the archive-level record.
 */
public final class ErsUpgradeWriter implements ItemWriter<ErsCandidate> {
    private final ArchiveIndex index;
    private final EventLog events;
    private final BlobStore blobs;
    private final TimestampSource tsa;
    private final Clock clock;
    private final ProgressBoard progress;
    private final CadesExtender extender = CadesExtender.builder().build();

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
        List<Integer> embeddedNumbers = new ArrayList<>();
        for (ErsCandidate candidate : chunk) {
            numbers.add(add(batch, candidate.digests()));
            embeddedNumbers.add(candidate.embedding().map(e -> add(batch, e.digests())).orElse(-1));
        }
        SealedBatch sealed = batch.seal(tsa); // exactly one TSA call for the whole chunk, embedded records included
        Instant until = Evidence.protectsUntil(sealed.timeStamp(), DigestAlgorithm.SHA256.jcaName());
        List<ContentHash> records = new ArrayList<>();
        for (int number : numbers) {
            EvidenceRecord record = sealed.record(number);
            records.add(blobs.put(record.encoded()));
        }
        List<Embedded> embedded = new ArrayList<>();
        int c = 0;
        for (ErsCandidate candidate : chunk) {
            int number = embeddedNumbers.get(c++);
            embedded.add(number < 0 ? new Embedded(null, candidate.notEmbedded()) : embed(candidate, sealed.record(number)));
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
            Embedded withEr = embedded.get(i - 1);
            int version = index.addVersion(id, record, ItemVersion.EVIDENCE_RECORD, "ERS", now, jobExecutionId);
            index.setEvidenceUntil(id, until);
            events.append(EventType.UPGRADED, id, "version=" + version + " kind=EVIDENCE_RECORD sha256=" + record
                    + " tsa-serial=" + sealed.timeStamp().getTimeStampInfo().getSerialNumber()
                    + " gen-time=" + sealed.timeStamp().getTimeStampInfo().getGenTime().toInstant()
                    + " renew-before=" + until
                    + (withEr.notEmbedded() == null ? "" : " not-embedded=" + withEr.notEmbedded()));
            if (step != null) {
                Tally.add(step, "upgraded", 1);
            }
            if (withEr.blob() != null) {
                int next = index.addVersion(id, withEr.blob(), ItemVersion.CADES_EMBEDDED_ER, "ERS-EMBEDDED", now, jobExecutionId);
                events.append(EventType.UPGRADED, id, "version=" + next + " kind=" + ItemVersion.CADES_EMBEDDED_ER
                        + " sha256=" + withEr.blob() + " evidence record embedded in the first signature (ETSI TS 119 122-3);"
                        + " a snapshot: renewal renews version " + version);
                if (step != null) {
                    Tally.add(step, "embedded", 1);
                }
            } else if (withEr.notEmbedded() != null && step != null) {
                Tally.add(step, "notEmbedded", 1);
            }
        }
        if (step != null) {
            Tally.add(step, "tsaCalls", 1);
        }
        progress.advance(chunk.size());
    }

    private static int add(EvidenceBatch batch, List<byte[]> digests) {
        return digests.size() == 1 ? batch.add(digests.get(0)) : batch.addGroup(digests);
    }

    /** The item's signed bytes with the record embedded, stored; an S/MIME message keeps its signed part byte-identical. */
    private Embedded embed(ErsCandidate candidate, EvidenceRecord record) {
        try {
            ExtendedDocument withEr = extender.embedEvidenceRecord(candidate.embedding().orElseThrow().document(), 0,
                    record.encoded());
            return new Embedded(blobs.put(withEr.output()), null);
        } catch (SignatureFormatException e) {
            return new Embedded(null, e.getMessage()); // the archive-level record still covers the item
        }
    }

    /** The stored item with its embedded record, or why there is none (null when embedding is off). */
    private record Embedded(ContentHash blob, String notEmbedded) {
    }
}
