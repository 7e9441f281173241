package dev.vellum.timestamping.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.http.HttpTimestampClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded TSA runs in a child JVM that is killed with SIGKILL (no shutdown hooks, no flush)
 * between requests and in the middle of a burst; after each restart on the same data directory no
 * serial number is ever handed out twice.
 */
class SerialNumbersSurviveKillTest {
    @TempDir
    Path dir;

    private static final class Child implements AutoCloseable {
        final Process process;
        final URI url;

        Child(Path data, int blockSize) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), ChildTsaMain.class.getName(), data.toString(),
                    String.valueOf(blockSize)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    String l;
                    while ((l = out.readLine()) != null) {
                        if (l.startsWith("URL ")) {
                            return l.substring(4);
                        }
                    }
                    return null;
                } catch (Exception e) {
                    return null;
                }
            });
            String u = line.get(120, TimeUnit.SECONDS);
            if (u == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the child TSA did not start");
            }
            url = URI.create(u);
        }

        /** SIGKILL: the JVM gets no chance to write anything more. */
        void kill() throws Exception {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            kill();
        }
    }

    @ParameterizedTest(name = "serial block size {0}")
    @ValueSource(ints = {1, 32})
    void noSerialIsReusedAcrossKills(int blockSize) throws Exception {
        List<BigInteger> serials = Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < 3; round++) {
            try (Child child = new Child(dir, blockSize)) {
                HttpTimestampClient client = HttpTimestampClient.builder(child.url).requestTimeout(Duration.ofSeconds(20)).build();
                for (int i = 0; i < 4; i++) {
                    byte[] digest = DigestAlgorithm.SHA256.digest(new byte[] {(byte) round, (byte) i});
                    serials.add(client.timestamp(DigestAlgorithm.SHA256, digest).getTimeStampInfo().getSerialNumber());
                }
                child.kill(); // between requests
            }
        }
        // A kill in the middle of a burst: whatever tokens came back must still be unique.
        try (Child child = new Child(dir, blockSize)) {
            HttpTimestampClient client = HttpTimestampClient.builder(child.url).requestTimeout(Duration.ofSeconds(20)).build();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        serials.add(client.timestamp(DigestAlgorithm.SHA256, DigestAlgorithm.SHA256.digest(
                                BigInteger.valueOf(i).toByteArray())).getTimeStampInfo().getSerialNumber());
                    } catch (TimestampException killed) {
                        return;
                    }
                }
            });
            int before = serials.size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (serials.size() < before + 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            child.kill();
            stop.set(true);
            burst.get(60, TimeUnit.SECONDS);
        }
        try (Child child = new Child(dir, blockSize)) {
            HttpTimestampClient client = HttpTimestampClient.builder(child.url).requestTimeout(Duration.ofSeconds(20)).build();
            serials.add(client.timestamp(DigestAlgorithm.SHA256, new byte[32]).getTimeStampInfo().getSerialNumber());
        }
        assertThat(serials).hasSizeGreaterThanOrEqualTo(3 * 4 + 3 + 1);
        assertThat(serials).doesNotHaveDuplicates();
        assertThat(serials.get(serials.size() - 1)).isEqualTo(Collections.max(serials));
    }
}
