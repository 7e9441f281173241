package dev.vellum.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path root;

    @Test
    void storesUnderItsSha256InTwoLevelsAndReadsTheSameBytesBack() {
        BlobStore store = new BlobStore(root);
        byte[] bytes = "signed mail".getBytes(StandardCharsets.US_ASCII);
        ContentHash hash = store.put(bytes);
        assertThat(hash).isEqualTo(ContentHash.of(bytes));
        assertThat(store.pathOf(hash)).isEqualTo(root.resolve("sha256").resolve(hash.hex().substring(0, 2))
                .resolve(hash.hex().substring(2, 4)).resolve(hash.hex()));
        assertThat(store.read(hash)).isEqualTo(bytes);
        assertThat(store.pathOf(hash).toFile().canWrite() && !isRoot()).isFalse();
        assertThat(store.leftoverTempFiles()).isEmpty();
    }

    @Test
    void storingTheSameBytesAgainKeepsTheFirstFileUntouched() throws IOException {
        BlobStore store = new BlobStore(root);
        ContentHash hash = store.put(new byte[] {1, 2, 3});
        var before = Files.getLastModifiedTime(store.pathOf(hash));
        assertThat(store.put(new byte[] {1, 2, 3})).isEqualTo(hash);
        assertThat(Files.getLastModifiedTime(store.pathOf(hash))).isEqualTo(before);
        assertThat(store.list()).containsExactly(hash);
    }

    @Test
    void aCorruptBlobIsNeverReturnedNorOverwritten() throws IOException {
        BlobStore store = new BlobStore(root);
        byte[] bytes = "original".getBytes(StandardCharsets.US_ASCII);
        ContentHash hash = store.put(bytes);
        Path file = store.pathOf(hash);
        file.toFile().setWritable(true);
        Files.write(file, "tampered".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> store.read(hash)).isInstanceOf(BlobCorruptedException.class)
                .hasMessageContaining(hash.hex()).hasMessageContaining("corrupt");
        assertThat(store.verify(hash).state()).isEqualTo(BlobCheck.State.CORRUPT);
        // Write-once: putting the right bytes again reports the damage instead of silently replacing evidence.
        assertThatThrownBy(() -> store.put(bytes)).isInstanceOf(StoreException.class);
        assertThat(Files.readString(file)).isEqualTo("tampered");
    }

    @Test
    void aMissingBlobIsNamed() {
        BlobStore store = new BlobStore(root);
        ContentHash absent = ContentHash.of(new byte[] {9});
        assertThatThrownBy(() -> store.read(absent)).isInstanceOf(StoreException.class).hasMessageContaining("missing");
        assertThat(store.verify(absent).state()).isEqualTo(BlobCheck.State.MISSING);
    }

    @Test
    void concurrentWritersOfTheSameBytesLeaveOneWholeBlob() throws Exception {
        BlobStore store = new BlobStore(root);
        byte[] bytes = new byte[256 * 1024];
        new java.util.Random(1).nextBytes(bytes);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ContentHash>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> store.put(bytes)));
            }
            for (Future<ContentHash> result : results) {
                assertThat(result.get()).isEqualTo(ContentHash.of(bytes));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list()).hasSize(1);
        assertThat(store.read(ContentHash.of(bytes))).isEqualTo(bytes);
        assertThat(store.leftoverTempFiles()).isEmpty();
    }

    @Test
    void rejectsNamesThatAreNotHashes() {
        assertThatThrownBy(() -> new ContentHash("../../etc/passwd")).isInstanceOf(StoreException.class);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
