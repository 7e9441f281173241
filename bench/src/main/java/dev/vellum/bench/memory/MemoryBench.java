package dev.vellum.bench.memory;

import dev.vellum.bench.ChildJvm;
import dev.vellum.bench.report.Metric;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** A large detached-content signature extended to LTA and checked by each library in {@code -Xmx128m}. */
public final class MemoryBench {
    private final Path work;
    private final PrintStream log;

    public MemoryBench(Path work, PrintStream log) {
        this.work = work;
        this.log = log;
    }

    public List<Metric> run(long bytes) {
        try {
            Files.createDirectories(work);
            Path content = work.resolve("large-content.bin");
            if (!Files.exists(content) || Files.size(content) != bytes) {
                write(content, bytes);
            }
            List<Metric> metrics = new ArrayList<>();
            String[] v = child("vellum", content);
            String[] d = child("dss", content);
            String size = bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
            boolean vOk = v[0].equals("ok");
            boolean dOk = d[0].equals("ok");
            metrics.add(new Metric("memory", size + " detached content in -Xmx128m: succeeded (1 = yes)", vOk ? 1 : 0,
                    dOk ? 1 : 0, true, "yes", vOk, "Vellum: " + v[4] + "; DSS: " + d[4]));
            metrics.add(Metric.of("memory", size + ": extend B → LTA, s", num(v[1]), num(d[1]), false, "streams the content"));
            metrics.add(Metric.of("memory", size + ": check the LTA, s", num(v[2]), num(d[2]), false,
                    "Vellum: es-formats' checks (value, digest, imprints); DSS: full validation"));
            double vPeak = num(v[3]);
            metrics.add(new Metric("memory", size + ": peak heap, MiB", vPeak, num(d[3]), false, "≤ 128", vOk && vPeak <= 128,
                    "the JVM's -Xmx is 128 MiB"));
            return metrics;
        } catch (IOException e) {
            throw new UncheckedIOException("memory benchmark: " + e.getMessage(), e);
        }
    }

    private String[] child(String library, Path content) throws IOException {
        Path logFile = work.resolve("large-" + library + ".log");
        long t0 = System.nanoTime();
        int exit = ChildJvm.run(List.of("-Xmx128m"), LargeFileWorker.class, List.of(library, content.toString()), logFile);
        Optional<String> result = Files.readAllLines(logFile).stream().filter(l -> l.startsWith("@@result ")).findFirst();
        log.printf("  memory: %s exit %d in %.0f s: %s%n", library, exit, (System.nanoTime() - t0) / 1e9,
                result.orElse("(no result, see " + logFile + ")"));
        if (result.isPresent()) {
            String[] f = result.get().substring(9).split(" ", 5);
            return f.length == 5 ? f : new String[] {"failed", "NaN", "NaN", "NaN", "malformed result"};
        }
        boolean oom = Files.readString(logFile).contains("OutOfMemoryError");
        return new String[] {"failed", "NaN", "NaN", "NaN", oom ? "OutOfMemoryError" : "exit code " + exit};
    }

    private static double num(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void write(Path file, long size) throws IOException {
        log.printf("  memory: writing %,d bytes of random content to %s%n", size, file);
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
}
