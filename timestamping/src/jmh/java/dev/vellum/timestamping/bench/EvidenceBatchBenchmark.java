package dev.vellum.timestamping.bench;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.SealedBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Evidence-record batch building: 100,000 items sealed with one (in-process) time-stamp, every
 * record DER-encoded. The score is items per second (goal: 200,000 on 2 cores).
 *
 * <p>{@code digests}: the archive already knows each item's SHA-256 (its blob address), as the
 * upgrade job does. {@code content}: each item's content ({@code contentBytes}) is hashed too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvidenceBatchBenchmark {
    static final int ITEMS = 100_000;

    @Param({"1024"})
    int contentBytes;

    byte[][] contents;
    byte[][] digests;
    Path dataDirectory;
    EmbeddedTsa tsa;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Random random = new Random(4998);
        contents = new byte[ITEMS][];
        digests = new byte[ITEMS][];
        for (int i = 0; i < ITEMS; i++) {
            contents[i] = new byte[contentBytes];
            random.nextBytes(contents[i]);
            digests[i] = DigestAlgorithm.SHA256.digest(contents[i]);
        }
        dataDirectory = Files.createTempDirectory("vellum-ers-bench");
        tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dataDirectory).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tsa.close();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void digests(Blackhole sink) {
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        for (byte[] d : digests) {
            batch.add(d);
        }
        encodeAll(batch.seal(tsa), sink);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void content(Blackhole sink) {
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        for (byte[] c : contents) {
            batch.addContent(c);
        }
        encodeAll(batch.seal(tsa), sink);
    }

    private static void encodeAll(SealedBatch sealed, Blackhole sink) {
        for (EvidenceRecord record : sealed.records()) {
            sink.consume(record.encoded());
        }
    }
}
