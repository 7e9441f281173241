package dev.vellum.app.upgrade;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobCheck;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Selects the items an evidence record must still cover (those without one: a rerun upgrades
 * nothing twice) and re-hashes their blobs first, so that evidence is never made for damaged bytes.
 * The data objects are the original message and, for a detached signature, its content: one data
 * group per item (RFC 4998 §4.2).
 */
public final class ErsCandidateProcessor implements ItemProcessor<Item, ErsCandidate> {
    private final ArchiveIndex index;
    private final BlobStore blobs;

    public ErsCandidateProcessor(ArchiveIndex index, BlobStore blobs) {
        this.index = index;
        this.blobs = blobs;
    }

    @Override
    public ErsCandidate process(Item item) {
        if (index.latestVersion(item.id(), ItemVersion.EVIDENCE_RECORD).isPresent()) {
            var context = org.springframework.batch.core.scope.context.StepSynchronizationManager.getContext();
            if (context != null) {
                dev.vellum.app.jobs.Tally.add(context.getStepExecution(), "alreadyUpgraded", 1);
            }
            return null;
        }
        List<byte[]> digests = new ArrayList<>();
        for (ContentHash hash : item.detachedContent() == null ? List.of(item.original())
                : List.of(item.original(), item.detachedContent())) {
            BlobCheck check = blobs.verify(hash);
            if (!check.ok()) {
                throw new UpgradeException("item " + item.id() + ": blob " + hash + " is "
                        + check.state().name().toLowerCase(java.util.Locale.ROOT) + " (" + check.detail()
                        + "); no evidence is made for damaged bytes");
            }
            digests.add(HexFormat.of().parseHex(hash.hex()));
        }
        return new ErsCandidate(item, digests);
    }
}
