package dev.vellum.timestamping.ers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.timestamping.DigestAlgorithm;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashTreeTest {

    /** Random hashes, duplicates, and hashes sharing long prefixes (the packed-key sort's corner cases). */
    private static byte[][] leaves(int n, long seed) {
        Random random = new Random(seed);
        byte[][] leaves = new byte[n][];
        for (int i = 0; i < n; i++) {
            leaves[i] = new byte[32];
            random.nextBytes(leaves[i]);
            if (i % 7 == 3) {
                leaves[i] = leaves[i / 2].clone(); // duplicate
            } else if (i % 11 == 5 && i > 0) {
                System.arraycopy(leaves[i - 1], 0, leaves[i], 0, 20); // long shared prefix
            } else if (i % 13 == 0) {
                leaves[i][0] = (byte) 0xFF; // unsigned order: 0xFF sorts last
            }
        }
        return leaves;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 17, 100, 1000, 4097})
    void sortsLikeAPlainUnsignedSortAndEveryPathLeadsToTheRoot(int n) {
        byte[][] leaves = leaves(n, n);
        int[] order = HashTree.sortedOrder(leaves);
        List<byte[]> expected = new ArrayList<>(Arrays.asList(leaves));
        expected.sort(Arrays::compareUnsigned);
        assertThat(IntStream.of(order).mapToObj(i -> leaves[i]).toList())
                .usingElementComparator(Arrays::compareUnsigned)
                .containsExactlyElementsOf(expected);

        HashTree tree = HashTree.build(DigestAlgorithm.SHA256, leaves);
        MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();
        for (int i = 0; i < n; i++) {
            PartialHashtree[] reduced = ArchiveTimeStamps.reducedTree(tree, i, new byte[][] {leaves[i]});
            assertThat(ArchiveTimeStamps.recoverRoot(md, reduced)).isEqualTo(tree.root());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 300})
    void identicalLeavesAreSortedQuickly(int n) {
        byte[][] same = new byte[n][];
        Arrays.fill(same, DigestAlgorithm.SHA256.digest(new byte[0]));
        assertThat(HashTree.sortedOrder(same)).hasSize(n).doesNotHaveDuplicates();
    }
}
