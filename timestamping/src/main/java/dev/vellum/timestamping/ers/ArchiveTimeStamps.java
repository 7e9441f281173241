package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TimestampSource;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.tsp.TimeStampToken;

/** The RFC 4998 operations shared by batch building, renewal and verification. */
final class ArchiveTimeStamps {
    private ArchiveTimeStamps() {
    }

    /**
     * Time-stamps a tree root with exactly one call and returns the token's ContentInfo in DER, so
     * that the bytes a later time-stamp renewal hashes are the bytes stored (RFC 4998 §5.2).
     */
    static EncodedContentInfo timestampRoot(TimestampSource tsa, DigestAlgorithm algorithm, byte[] root) {
        TimeStampToken token = tsa.timestamp(algorithm, root);
        if (!MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), root)
                || !token.getTimeStampInfo().getMessageImprintAlgOID().equals(algorithm.asn1Oid())) {
            throw new TimestampException("the time-stamp source returned a token over another imprint than the "
                    + algorithm.jcaName() + " hash-tree root");
        }
        try {
            return EncodedContentInfo.of(token.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new TimestampException("cannot re-encode the time-stamp token in DER", e);
        }
    }

    /**
     * The reduced hash tree (RFC 4998 §4.2 step 4) for one leaf: the first list holds only the
     * item's own hashes (its data object, or every member of its data group), then one list per
     * level that has a sibling. Putting the leaf-level sibling into the first list would fold to
     * the same root, but DSS then reports that sibling as an unmatched ("orphan") data object.
     */
    static PartialHashtree[] reducedTree(HashTree tree, int leafIndex, byte[][] ownHashes) {
        List<byte[]> siblings = tree.siblings(leafIndex);
        List<PartialHashtree> lists = new ArrayList<>(siblings.size() + 1);
        lists.add(new PartialHashtree(ownHashes));
        for (byte[] sibling : siblings) {
            if (sibling != null) {
                lists.add(new PartialHashtree(sibling));
            }
        }
        return lists.toArray(new PartialHashtree[0]);
    }

    /** Hash of a list: one value passes through unhashed, more are sorted, concatenated, hashed. */
    static byte[] listHash(MessageDigest md, List<byte[]> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        if (values.size() == 2) {
            return HashTree.hashPair(md, values.get(0), values.get(1));
        }
        List<byte[]> sorted = new ArrayList<>(values);
        sorted.sort(Arrays::compareUnsigned);
        for (byte[] v : sorted) {
            md.update(v);
        }
        return md.digest();
    }

    /** RFC 4998 §4.3 steps 2–3: the root a reduced hash tree leads to. */
    static byte[] recoverRoot(MessageDigest md, PartialHashtree[] reduced) {
        byte[] carried = null;
        for (PartialHashtree list : reduced) {
            List<byte[]> values = new ArrayList<>(Arrays.asList(list.getValues()));
            if (carried != null) {
                values.add(carried);
            }
            if (values.isEmpty()) {
                throw new TimestampException("the reduced hash tree has an empty first list");
            }
            carried = listHash(md, values);
        }
        return carried;
    }

    /** The bytes of an archive time-stamp's timeStamp field, as a time-stamp renewal hashes them. */
    static byte[] timeStampBytes(ArchiveTimeStamp ats) {
        try {
            return EncodedContentInfo.bytesOf(ats.getTimeStamp());
        } catch (IOException e) {
            throw new TimestampException("cannot encode an archive time-stamp's token", e);
        }
    }

    /** The DER of an ArchiveTimeStampSequence: what ha hashes in a hash-tree renewal (RFC 4998 §5.2). */
    static byte[] sequenceBytes(ArchiveTimeStampSequence sequence) {
        try {
            return DerSplice.sequence(sequence);
        } catch (IOException e) {
            throw new TimestampException("cannot encode an archive time-stamp sequence", e);
        }
    }

    /** h′ = H(h(d) ‖ ha): the hash-tree-renewal input of RFC 4998 §5.2 in the order every known implementation uses. */
    static byte[] renewedObjectHash(MessageDigest md, byte[] objectHash, byte[] previousSequenceHash) {
        // Not sorted: RFC 4998 Fig. 4 says "binary sorted and concatenated", a known erratum; DSS,
        // Bouncy Castle and the BSI ER verifier all use h(d) ‖ ha (STANDARDS.md §4).
        md.update(objectHash);
        md.update(previousSequenceHash);
        return md.digest();
    }
}
