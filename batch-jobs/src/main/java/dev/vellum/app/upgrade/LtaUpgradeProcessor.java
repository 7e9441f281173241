package dev.vellum.app.upgrade;

import java.util.Optional;

import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.timestamping.TimestampException;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Extends the signatures of items not yet at LTA, from their original bytes (version 0, never
 * changed), sealing them first when the archive seal is configured. Unsigned items are passed over; a
 * signature es-formats refuses to extend (its value or digest does not verify) fails the item, which is
 * then quarantined with es-formats' reason. A time-stamping failure is not the item's: it stops the job.
 */
public final class LtaUpgradeProcessor implements ItemProcessor<Item, LtaCandidate> {
    private final ArchiveIndex index;
    private final BlobStore blobs;
    private final LtaExtension extension;
    private final Optional<CadesSigner> seal;

    /** @param seal the archive seal to put on every signature first, when configured */
    public LtaUpgradeProcessor(ArchiveIndex index, BlobStore blobs, LtaExtension extension, Optional<CadesSigner> seal) {
        this.index = index;
        this.blobs = blobs;
        this.extension = extension;
        this.seal = seal;
    }

    @Override
    public LtaCandidate process(Item item) {
        if (index.latestVersion(item.id(), ItemVersion.CADES).isPresent()) {
            tally("alreadyUpgraded");
            return null;
        }
        if (item.signerCount() == 0) {
            tally("unsigned");
            return null;
        }
        Optional<byte[]> content = item.detachedContent() == null ? Optional.empty()
                : Optional.of(blobs.read(item.detachedContent()));
        LtaExtension.Result result;
        try {
            result = extension.extend(blobs.read(item.original()), content, seal);
        } catch (TimestampException e) {
            throw e; // no TSA answered: the archive's problem, not the item's (the job stops, the item waits)
        } catch (RuntimeException e) {
            throw new UpgradeException("item " + item.id() + " cannot be extended to LTA: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return new LtaCandidate(item, result.bytes(), result.level(), result.protectsUntil());
    }

    private static void tally(String counter) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context != null) {
            Tally.add(context.getStepExecution(), counter, 1);
        }
    }
}
