package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TimestampSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;

/**
 * Collects the archived items of one batch and seals them with <b>one</b> time-stamp (RFC 4998
 * §4.2): each item is a data object (its hash) or a data group (its members' hashes); a sorted
 * Merkle tree is built over the items, its root is time-stamped once, and every item gets its own
 * {@link EvidenceRecord} with the reduced hash tree that leads from it to that root.
 *
 * <p>Not thread-safe: fill it from one thread, then {@link #seal} it once.
 */
public final class EvidenceBatch {
    private final DigestAlgorithm algorithm;
    private final List<byte[][]> items = new ArrayList<>();
    private boolean sealed;

    public EvidenceBatch(DigestAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    /** Adds an item that is one data object, by its hash under {@link #algorithm()}; returns its number. */
    public int add(byte[] dataObjectDigest) {
        return addGroup(List.of(dataObjectDigest));
    }

    /** Adds an item that is one data object, hashing its content; returns its number. */
    public int addContent(byte[] content) {
        return add(algorithm.digest(content));
    }

    /**
     * Adds an item that is a data group (e.g. a message and its attachments), by its members'
     * hashes; the record will prove each member. Returns the item's number.
     */
    public int addGroup(List<byte[]> memberDigests) {
        if (sealed) {
            throw new IllegalStateException("the batch is already sealed");
        }
        if (memberDigests.isEmpty()) {
            throw new IllegalArgumentException("a data group needs at least one member");
        }
        byte[][] members = new byte[memberDigests.size()][];
        for (int i = 0; i < members.length; i++) {
            byte[] d = Objects.requireNonNull(memberDigests.get(i), "member digest");
            if (d.length != algorithm.digestLength()) {
                throw new TimestampException("item " + items.size() + ": a " + algorithm.jcaName() + " digest is "
                        + algorithm.digestLength() + " bytes, got " + d.length);
            }
            members[i] = d.clone();
        }
        items.add(members);
        return items.size() - 1;
    }

    public int size() {
        return items.size();
    }

    /** Builds the tree, makes exactly one call to {@code tsa}, and returns one record per item. */
    public SealedBatch seal(TimestampSource tsa) {
        if (items.isEmpty()) {
            throw new IllegalStateException("an empty batch cannot be sealed");
        }
        if (sealed) {
            throw new IllegalStateException("the batch is already sealed");
        }
        MessageDigest md = algorithm.newMessageDigest();
        byte[][] leaves = new byte[items.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = ArchiveTimeStamps.listHash(md, Arrays.asList(items.get(i)));
        }
        HashTree tree = HashTree.build(algorithm, leaves);
        EncodedContentInfo timeStamp = ArchiveTimeStamps.timestampRoot(tsa, algorithm, tree.root());
        sealed = true;
        BatchLeaf.Shared shared = new BatchLeaf.Shared(algorithm.algorithmIdentifier(), tree, timeStamp);
        List<EvidenceRecord> records = new ArrayList<>(items.size());
        for (int i = 0; i < leaves.length; i++) {
            records.add(new EvidenceRecord(new BatchLeaf(shared, i, items.get(i))));
        }
        return new SealedBatch(records, EvidenceRecord.token(new ArchiveTimeStamp(timeStamp)), tree.root());
    }
}
