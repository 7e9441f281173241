package dev.vellum.app.renew;

import java.util.Optional;

import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.app.tsa.ArchiveTsa;
import dev.vellum.app.upgrade.LtaExtension;
import dev.vellum.timestamping.ers.EvidenceRecord;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The newest evidence of a due item decides how it is renewed: an evidence record is passed on to the
 * writer (which renews a chunk of them with one time-stamp), a CAdES version gets one more archive
 * time-stamp here (EN 319 122-1 §5.5.3). When the TSA's certificate is known not to outlive the
 * current evidence, the job stops before spending a time-stamp on it.
 */
final class RenewalProcessor implements ItemProcessor<Item, RenewalCandidate> {
    private final ArchiveIndex index;
    private final BlobStore blobs;
    private final LtaExtension ltaExtension;
    private final ArchiveTsa tsa;

    RenewalProcessor(ArchiveIndex index, BlobStore blobs, LtaExtension ltaExtension, ArchiveTsa tsa) {
        this.index = index;
        this.blobs = blobs;
        this.ltaExtension = ltaExtension;
        this.tsa = tsa;
    }

    @Override
    public RenewalCandidate process(Item item) {
        Optional<ItemVersion> evidence = index.versions(item.id()).stream()
                .filter(v -> v.kind().equals(ItemVersion.CADES) || v.kind().equals(ItemVersion.EVIDENCE_RECORD))
                .reduce((a, b) -> b);
        if (evidence.isEmpty()) {
            StepContext context = StepSynchronizationManager.getContext();
            if (context != null) {
                Tally.add(context.getStepExecution(), "withoutEvidence", 1);
            }
            return null;
        }
        ItemVersion version = evidence.get();
        tsa.certificateExpiry().ifPresent(expiry -> RenewalWriter.requireProgress(item, expiry));
        if (version.kind().equals(ItemVersion.EVIDENCE_RECORD)) {
            return RenewalCandidate.ofRecord(item, version, EvidenceRecord.parse(blobs.read(version.blob())));
        }
        Optional<byte[]> content = item.detachedContent() == null ? Optional.empty()
                : Optional.of(blobs.read(item.detachedContent()));
        LtaExtension.Result renewed = ltaExtension.extend(blobs.read(version.blob()), content);
        RenewalWriter.requireProgress(item, renewed.protectsUntil());
        return RenewalCandidate.ofCades(item, version, renewed.bytes(), renewed.level(), renewed.protectsUntil());
    }
}
