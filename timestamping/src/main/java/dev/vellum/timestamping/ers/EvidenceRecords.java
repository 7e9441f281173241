package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Renewal of many evidence records at once (RFC 4998 §5.2), one TSA call per batch: the values to
 * protect are put into one sorted hash tree whose root is time-stamped once, and each record gets a
 * new archive time-stamp with its reduced hash tree.
 */
public final class EvidenceRecords {
    private EvidenceRecords() {
    }

    /**
     * Time-stamp renewal: each record gets a new archive time-stamp, in its newest chain and with
     * that chain's algorithm, covering the previous archive time-stamp's token. Needed before the
     * newest TSA certificate expires (or its signature algorithm weakens). One TSA call per
     * distinct chain algorithm among {@code records} (normally one). Records that share their newest
     * time-stamp (e.g. one sealed batch) share one leaf.
     *
     * @return the renewed records, in the order given
     */
    public static List<EvidenceRecord> renewTimeStamps(List<EvidenceRecord> records, TimestampSource tsa) {
        List<EvidenceRecord> result = new ArrayList<>(records);
        Map<DigestAlgorithm, List<Integer>> byAlgorithm = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byAlgorithm.computeIfAbsent(records.get(i).currentAlgorithm(), a -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<DigestAlgorithm, List<Integer>> group : byAlgorithm.entrySet()) {
            DigestAlgorithm algorithm = group.getKey();
            MessageDigest md = algorithm.newMessageDigest();
            Map<ByteBuffer, Integer> leafIndex = new HashMap<>();
            List<byte[]> leaves = new ArrayList<>();
            int[] leafOf = new int[group.getValue().size()];
            for (int k = 0; k < leafOf.length; k++) {
                byte[] h = md.digest(ArchiveTimeStamps.timeStampBytes(newest(records.get(group.getValue().get(k)))));
                leafOf[k] = leafIndex.computeIfAbsent(ByteBuffer.wrap(h), b -> {
                    leaves.add(h);
                    return leaves.size() - 1;
                });
            }
            HashTree tree = HashTree.build(algorithm, leaves.toArray(new byte[0][]));
            ContentInfo timeStamp = ArchiveTimeStamps.timestampRoot(tsa, algorithm, tree.root());
            PartialHashtree[][] reducedByLeaf = new PartialHashtree[leaves.size()][];
            for (int l = 0; l < leaves.size(); l++) {
                reducedByLeaf[l] = ArchiveTimeStamps.reducedTree(tree, l, new byte[][] {leaves.get(l)});
            }
            for (int k = 0; k < leafOf.length; k++) {
                int i = group.getValue().get(k);
                result.set(i, appendToNewestChain(records.get(i), reducedByLeaf[leafOf[k]], timeStamp));
            }
        }
        return result;
    }

    /**
     * Hash-tree renewal: before {@code records}' hash algorithm weakens, every item's data objects
     * are hashed under {@code newAlgorithm}, each bound to its record's whole history
     * (h′ = H(h(d) ‖ ha), ha = H(DER of the ArchiveTimeStampSequence)), and a new chain starts with
     * one archive time-stamp over a new tree. One TSA call for all items.
     *
     * @return the renewed records, in the order given
     */
    public static List<EvidenceRecord> renewHashTrees(List<HashTreeRenewal> items, DigestAlgorithm newAlgorithm,
                                                      TimestampSource tsa) {
        if (items.isEmpty()) {
            return List.of();
        }
        MessageDigest md = newAlgorithm.newMessageDigest();
        byte[][][] groups = new byte[items.size()][][];
        byte[][] leaves = new byte[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            HashTreeRenewal item = items.get(i);
            byte[] ha = md.digest(ArchiveTimeStamps.sequenceBytes(item.record().sequence()));
            byte[][] members = new byte[item.data().size()][];
            for (int j = 0; j < members.length; j++) {
                members[j] = ArchiveTimeStamps.renewedObjectHash(md, item.data().get(j).digest(newAlgorithm), ha);
            }
            groups[i] = members;
            leaves[i] = ArchiveTimeStamps.listHash(md, Arrays.asList(members));
        }
        HashTree tree = HashTree.build(newAlgorithm, leaves);
        ContentInfo timeStamp = ArchiveTimeStamps.timestampRoot(tsa, newAlgorithm, tree.root());
        AlgorithmIdentifier algorithmId = newAlgorithm.algorithmIdentifier();
        List<EvidenceRecord> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            PartialHashtree[] reduced = ArchiveTimeStamps.reducedTree(tree, i, groups[i]);
            result.add(startNewChain(items.get(i).record(), new ArchiveTimeStamp(algorithmId, reduced, timeStamp)));
        }
        return result;
    }

    private static ArchiveTimeStamp newest(EvidenceRecord record) {
        ArchiveTimeStampChain[] chains = record.chains();
        ArchiveTimeStamp[] last = chains[chains.length - 1].getArchiveTimestamps();
        return last[last.length - 1];
    }

    private static EvidenceRecord appendToNewestChain(EvidenceRecord record, PartialHashtree[] reduced,
                                                      ContentInfo timeStamp) {
        // The chain's own AlgorithmIdentifier object (NULL or absent parameters alike) keeps
        // Bouncy Castle's same-algorithm check satisfied for records written by other tools.
        ArchiveTimeStampChain[] chains = record.chains();
        AlgorithmIdentifier chainAlgorithm = chains[chains.length - 1].getArchiveTimestamps()[0].getDigestAlgorithmIdentifier();
        ArchiveTimeStamp ats = new ArchiveTimeStamp(chainAlgorithm, reduced, timeStamp);
        return new EvidenceRecord(record.toAsn1().addArchiveTimeStamp(ats, false));
    }

    private static EvidenceRecord startNewChain(EvidenceRecord record, ArchiveTimeStamp ats) {
        // Bouncy Castle keeps cryptoInfos and encryptionInfo and adds the new algorithm to digestAlgorithms.
        return new EvidenceRecord(record.toAsn1().addArchiveTimeStamp(ats, true));
    }
}
