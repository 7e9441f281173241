package dev.vellum.bench.archive;

import dev.vellum.bench.ChildJvm;
import dev.vellum.bench.report.HotMethods;
import dev.vellum.bench.report.Metric;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The {@code revalidate} job over an archive of N items, in a child JVM ({@code -Xmx1g}). */
public final class RevalidateBench {
    private final Path work;
    private final PrintStream log;

    public RevalidateBench(Path work, PrintStream log) {
        this.work = work;
        this.log = log;
    }

    /** The hot methods of the last run's revalidate job (every thread), or a line saying there is no recording. */
    public List<String> profile(int items) {
        Path jfr = work.resolve("archive-" + items).resolve("revalidate.jfr");
        return Files.exists(jfr) ? HotMethods.summarise(jfr, 15, "") : List.of("(no JFR recording)");
    }

    public List<Metric> run(int items) {
        try {
            Path dir = work.resolve("archive-" + items);
            delete(dir);
            Files.createDirectories(dir);
            Path logFile = work.resolve("revalidate-" + items + ".log");
            long t0 = System.nanoTime();
            int exit = ChildJvm.run(List.of("-Xmx1g", "-XX:+UseParallelGC"), RevalidateWorker.class,
                    List.of(Integer.toString(items), dir.toString()), logFile);
            String result = Files.readAllLines(logFile).stream().filter(l -> l.startsWith("@@result ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("revalidation run failed (exit " + exit + "), see " + logFile));
            String[] f = result.substring(9).split(" ");
            double ingest = Double.parseDouble(f[1]);
            double revalidate = Double.parseDouble(f[2]);
            long passed = Long.parseLong(f[3]);
            log.printf("  revalidation: %d items ingested in %.1f s, revalidated in %.1f s (%d TOTAL_PASSED), %.0f s in all%n",
                    items, ingest, revalidate, passed, (System.nanoTime() - t0) / 1e9);
            double projected = revalidate * 100_000.0 / items;
            return List.of(
                    Metric.of("revalidation", "revalidate job, items/s (" + items + " items)", items / revalidate, Double.NaN,
                            true, passed + " of " + items + " TOTAL_PASSED; H2, default partitions (one per core)"),
                    new Metric("revalidation", "100k items, s (projected linearly from " + items + ")", projected, Double.NaN,
                            false, "≤ 90", projected <= 90, items == 100_000 ? "measured" : "projection, not a measurement"),
                    Metric.of("revalidation", "ingest job, items/s (building the archive)", items / ingest, Double.NaN, true,
                            "ingest validates and stores each item"));
        } catch (IOException e) {
            throw new UncheckedIOException("revalidation benchmark: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
