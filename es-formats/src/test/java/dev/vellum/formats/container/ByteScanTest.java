package dev.vellum.formats.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    private static int naive(byte[] b, int from, int to, byte... wanted) {
        for (int i = from; i < to; i++) {
            for (byte w : wanted) {
                if (b[i] == w) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstMatchAtEveryPositionInAWordAndInTheTail() {
        // bytes around the ones looked for (0x0B, 0x8A, 0x0C, 0x2C, 0xAD) are where a word-wise test could misfire
        byte[] alphabet = {'\n', '\r', '-', 0x0B, (byte) 0x8A, 0x0C, 0x2C, (byte) 0xAD, 0, (byte) 0xFF, 'a', '='};
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 3000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertThat(ByteScan.indexOf(b, (byte) '-', from, to)).isEqualTo(naive(b, from, to, (byte) '-'));
            assertThat(ByteScan.indexOf(b, (byte) '\n', from, to)).isEqualTo(naive(b, from, to, (byte) '\n'));
            assertThat(ByteScan.indexOfLfOrCr(b, from, to)).isEqualTo(naive(b, from, to, (byte) '\n', (byte) '\r'));
        }
    }
}
