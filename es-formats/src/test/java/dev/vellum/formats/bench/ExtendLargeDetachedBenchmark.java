package dev.vellum.formats.bench;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.pki.KeyType;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Benchmark (not a unit test; run with {@code ./mvnw verify -pl es-formats -am -DskipTests -Dvellum.bench}):
 * a detached signature over a 1 GiB file is signed, read and extended to B-LTA in a JVM limited to
 * {@code -Xmx128m}, then the same content as an enveloping .p7m (written, read and extended as streams), against the testkit's live TSA/CRL/OCSP services. It fails (exit 1) if the
 * result is not B-LTA or does not verify; it prints the time of each step and the peak heap.
 */
public final class ExtendLargeDetachedBenchmark {
    private ExtendLargeDetachedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long size = args.length > 0 ? Long.parseLong(args[0]) : 1L << 30;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench"));
        Path content = dir.resolve("large-content.bin");
        long t0 = System.nanoTime();
        if (!Files.exists(content) || Files.size(content) != size) {
            write(content, size);
        }
        long t1 = System.nanoTime();
        byte[] p7s = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signDetached(SignedContent.of(content));
        long t2 = System.nanoTime();
        SignedDocument doc = new SignedDocumentReader().readDetached(p7s, SignedContent.of(content));
        ExtendedDocument lta = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData())
                .build().extend(doc, ExtensionTarget.LTA);
        long t3 = System.nanoTime();
        CadesSignature s = new SignedDocumentReader().readDetached(lta.cms(), SignedContent.of(content)).signatures().get(0);
        boolean ok = s.level().baseline() == BaselineLevel.B_LTA && s.cryptographicallyIntact()
                && s.timestamps().stream().allMatch(t -> t.imprintCheck().passed());
        long t4 = System.nanoTime();
        System.out.printf("content: %,d bytes, max heap %d MiB%n", size, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("write content  %6.1f s%n", (t1 - t0) / 1e9);
        System.out.printf("sign B-B       %6.1f s%n", (t2 - t1) / 1e9);
        System.out.printf("extend to LTA  %6.1f s  (%s)%n", (t3 - t2) / 1e9, String.join("; ", lta.actions()));
        System.out.printf("verify result  %6.1f s  -> %s, intact=%s%n", (t4 - t3) / 1e9, s.level(), s.cryptographicallyIntact());
        Files.write(dir.resolve("large-content.bin.p7s"), lta.cms());

        // the same content as an enveloping .p7m: written, read and extended as streams
        Path p7m = dir.resolve("large-content.p7m");
        Path p7mLta = dir.resolve("large-content-lta.p7m");
        long t5 = System.nanoTime();
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(p7m))) {
            CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(content), out);
        }
        long t6 = System.nanoTime();
        ExtendedDocument envLta = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData())
                .build().extend(new SignedDocumentReader().read(p7m), ExtensionTarget.LTA);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(p7mLta))) {
            envLta.writeTo(out);
        }
        long t7 = System.nanoTime();
        CadesSignature e = new SignedDocumentReader().read(p7mLta).signatures().get(0);
        boolean envOk = e.level().baseline() == BaselineLevel.B_LTA && e.cryptographicallyIntact();
        long t8 = System.nanoTime();
        System.out.printf("enveloping: sign %6.1f s, extend to LTA %6.1f s, verify %6.1f s -> %s, intact=%s%n",
                (t6 - t5) / 1e9, (t7 - t6) / 1e9, (t8 - t7) / 1e9, e.level(), e.cryptographicallyIntact());
        System.out.printf("peak heap      %6d MiB%n", peakHeap() >> 20);
        Files.deleteIfExists(p7m);
        Files.deleteIfExists(p7mLta);
        ok &= envOk;
        if (!ok) {
            System.err.println("FAILED: the extended signature is not a verifying B-LTA");
            System.exit(1);
        }
        System.exit(0);
    }

    private static void write(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(20261127);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        block[i + k] = (byte) (v >>> (8 * k));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
