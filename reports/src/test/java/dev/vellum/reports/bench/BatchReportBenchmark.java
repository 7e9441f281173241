package dev.vellum.reports.bench;

import dev.vellum.reports.model.BatchOverview;
import dev.vellum.reports.pdf.PdfReportWriter;
import dev.vellum.reports.support.Batches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Benchmark (not a unit test): renders the batch PDF of an N-item archive (default 1,000) a few
 * times in one JVM and prints the cold (first) and warm times. Target: under 10 s for 1,000 items.
 * {@code ./mvnw verify -pl reports -am -DskipTests -Dvellum.bench.reports}
 */
public final class BatchReportBenchmark {

    private BatchReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path out = Path.of(args.length > 1 ? args[1] : "target/bench");
        Files.createDirectories(out);
        Instant now = Instant.parse("2027-03-01T09:00:00Z");
        BatchOverview overview = Batches.of(size, now);
        PdfReportWriter writer = new PdfReportWriter(Clock.fixed(now, ZoneOffset.UTC));
        long worst = 0;
        byte[] pdf = null;
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            pdf = writer.batch(overview);
            long ms = (System.nanoTime() - start) / 1_000_000;
            worst = Math.max(worst, ms);
            System.out.printf("batch report, %d items, run %d: %d ms, %d bytes%n", size, run, ms, pdf.length);
        }
        Files.write(out.resolve("batch-" + size + ".pdf"), pdf);
        System.out.printf("worst run %d ms (target < 10000 ms for 1,000 items): %s%n", worst,
                worst < 10_000 ? "MET" : "NOT MET");
        if (worst >= 10_000 && size <= 1000) {
            System.exit(1);
        }
    }
}
