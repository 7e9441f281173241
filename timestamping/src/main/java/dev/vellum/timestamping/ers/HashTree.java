package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.DigestAlgorithm;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 4998 §4.2 Merkle tree over one batch: leaves sorted in binary ascending order, each
 * parent the hash of its two children concatenated in binary ascending order, a node without a
 * sibling carried up unhashed. Bouncy Castle's tree builder computes one path per leaf by walking
 * the tree again; with 100,000 leaves that dominates, so the levels are kept here and each path is
 * read off them.
 */
final class HashTree {
    private final byte[][][] levels; // levels[0] = sorted leaves, last = {root}
    private final int[] sortedPosition; // leaf index as given -> position in levels[0]

    private HashTree(byte[][][] levels, int[] sortedPosition) {
        this.levels = levels;
        this.sortedPosition = sortedPosition;
    }

    static HashTree build(DigestAlgorithm algorithm, byte[][] leaves) {
        if (leaves.length == 0) {
            throw new IllegalArgumentException("a hash tree needs at least one leaf");
        }
        int[] order = sortedOrder(leaves);
        int[] position = new int[leaves.length];
        byte[][] level = new byte[leaves.length][];
        for (int p = 0; p < order.length; p++) {
            level[p] = leaves[order[p]];
            position[order[p]] = p;
        }
        MessageDigest md = algorithm.newMessageDigest();
        List<byte[][]> levels = new ArrayList<>();
        levels.add(level);
        while (level.length > 1) {
            byte[][] next = new byte[(level.length + 1) / 2][];
            for (int i = 0; i + 1 < level.length; i += 2) {
                next[i / 2] = hashPair(md, level[i], level[i + 1]);
            }
            if (level.length % 2 == 1) {
                next[next.length - 1] = level[level.length - 1];
            }
            levels.add(next);
            level = next;
        }
        return new HashTree(levels.toArray(new byte[0][][]), position);
    }

    /**
     * Leaf indices in binary ascending order of their hashes. Sorting boxed indices with a
     * comparator was a visible cost at 100,000 leaves, so each index is packed with the top bits
     * of its hash into one long, the longs are sorted, and the rare runs whose packed prefixes tie
     * are then ordered by full comparison.
     */
    static int[] sortedOrder(byte[][] leaves) {
        int n = leaves.length;
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        int prefixBits = 63 - indexBits;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (prefix(leaves[i]) >>> (64 - prefixBits)) << indexBits | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        long indexMask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & indexMask);
        }
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (keys[i] >>> indexBits) != (keys[runStart] >>> indexBits)) {
                if (i - runStart > 1) {
                    sortRun(order, runStart, i, leaves);
                }
                runStart = i;
            }
        }
        return order;
    }

    private static long prefix(byte[] hash) {
        long v = 0;
        for (int b = 0; b < 8; b++) {
            v = (v << 8) | (b < hash.length ? hash[b] & 0xFF : 0);
        }
        return v;
    }

    private static void sortRun(int[] order, int from, int to, byte[][] leaves) {
        if (to - from > 16) {
            // Long runs mean equal or near-equal hashes (duplicate items): a stable merge sort.
            Integer[] run = new Integer[to - from];
            for (int i = from; i < to; i++) {
                run[i - from] = order[i];
            }
            Arrays.sort(run, (a, b) -> Arrays.compareUnsigned(leaves[a], leaves[b]));
            for (int i = from; i < to; i++) {
                order[i] = run[i - from];
            }
            return;
        }
        // Insertion sort by full unsigned comparison for the usual tiny runs.
        for (int i = from + 1; i < to; i++) {
            int current = order[i];
            int j = i - 1;
            while (j >= from && Arrays.compareUnsigned(leaves[order[j]], leaves[current]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = current;
        }
    }

    /** H(min(a,b) ‖ max(a,b)), the binary-sorted concatenation of RFC 4998 §4.2 step 3. */
    static byte[] hashPair(MessageDigest md, byte[] a, byte[] b) {
        if (Arrays.compareUnsigned(a, b) <= 0) {
            md.update(a);
            md.update(b);
        } else {
            md.update(b);
            md.update(a);
        }
        return md.digest();
    }

    byte[] root() {
        return levels[levels.length - 1][0];
    }

    int leafCount() {
        return levels[0].length;
    }

    int levelCount() {
        return levels.length;
    }

    /** The sibling of leaf {@code leafIndex}'s ancestor at {@code level}, or null where it is carried up alone. */
    byte[] sibling(int leafIndex, int level) {
        int i = sortedPosition[leafIndex] >> level;
        int sibling = i ^ 1;
        return sibling < levels[level].length ? levels[level][sibling] : null;
    }

    /**
     * The siblings met on the way from leaf {@code leafIndex} (as given to {@link #build}) to the
     * root, one per level that has a sibling; levels where the node is carried up add nothing.
     * The first element (if any) is the leaf-level sibling.
     */
    List<byte[]> siblings(int leafIndex) {
        List<byte[]> path = new ArrayList<>(levels.length);
        int i = sortedPosition[leafIndex];
        for (int l = 0; l < levels.length - 1; l++) {
            int sibling = i ^ 1;
            if (sibling < levels[l].length) {
                path.add(levels[l][sibling]);
            } else {
                path.add(null);
            }
            i >>= 1;
        }
        return path;
    }
}
