package dev.vellum.app.upgrade;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobCheck;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Selects the items an evidence record must still cover (those without one: a rerun upgrades
 * nothing twice) and re-hashes their blobs first, so that evidence is never made for damaged bytes.
 * The data objects are the original message and, for a detached signature, its content: one data
 * group per item (RFC 4998 §4.2). With embedding on ({@code vellum.upgrade.ers.embed} or the job
 * parameter {@code embed}), each signed item also gets the data objects of a record to embed in its
 * first signature (ETSI TS 119 122-3, {@link ErsEmbedding}).
 */
public final class ErsCandidateProcessor implements ItemProcessor<Item, ErsCandidate> {
    private final ArchiveIndex index;
    private final BlobStore blobs;

    private final boolean embedByDefault;

    public ErsCandidateProcessor(ArchiveIndex index, BlobStore blobs) {
        this(index, blobs, false);
    }

    /** @param embedByDefault {@code vellum.upgrade.ers.embed}; the job parameter {@code embed}, when given, decides instead */
    public ErsCandidateProcessor(ArchiveIndex index, BlobStore blobs, boolean embedByDefault) {
        this.index = index;
        this.blobs = blobs;
        this.embedByDefault = embedByDefault;
    }

    @Override
    public ErsCandidate process(Item item) {
        if (index.latestVersion(item.id(), ItemVersion.EVIDENCE_RECORD).isPresent()) {
            var context = StepSynchronizationManager.getContext();
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
        var context = StepSynchronizationManager.getContext();
        if (!embed(context == null ? null : context.getStepExecution())) {
            return new ErsCandidate(item, digests);
        }
        if (item.signerCount() == 0) {
            return new ErsCandidate(item, digests, Optional.empty(), "unsigned");
        }
        Optional<byte[]> content = item.detachedContent() == null ? Optional.empty()
                : Optional.of(blobs.read(item.detachedContent()));
        ErsEmbedding.Plan plan = ErsEmbedding.plan(blobs.read(item.original()), content);
        return new ErsCandidate(item, digests, plan.embedding(), plan.refusal());
    }

    private boolean embed(StepExecution step) {
        String parameter = step == null ? null : step.getJobParameters().getString(UpgradeJobConfiguration.EMBED);
        return parameter == null ? embedByDefault : Boolean.parseBoolean(parameter);
    }
}
