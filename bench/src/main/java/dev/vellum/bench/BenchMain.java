package dev.vellum.bench;

import dev.vellum.bench.archive.RevalidateBench;
import dev.vellum.bench.corpus.CorpusBuilder;
import dev.vellum.bench.corpus.CorpusEntry;
import dev.vellum.bench.extend.ExtensionBench;
import dev.vellum.bench.memory.MemoryBench;
import dev.vellum.bench.report.EarlierResults;
import dev.vellum.bench.report.Machine;
import dev.vellum.bench.report.Metric;
import dev.vellum.bench.report.ResultsWriter;
import dev.vellum.bench.validate.ValidationBench;
import dev.vellum.testkit.pki.TestPki;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vellum beside DSS 6.3 in one run: offline validation of a generated and the OpenSSL corpus (verdicts
 * must agree), B → LTA extension, evidence records, a large file in 128 MB, the revalidate job; writes
 * {@code latest.md} and {@code latest.json}. See bench/README.md.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.println(BenchOptions.USAGE);
                return;
            }
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream log = System.out;
        LocalServices.withoutNagleDelay();
        Machine start = Machine.now();
        List<Metric> metrics = new ArrayList<>();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> ran = new ArrayList<>();
        boolean failed = false;
        Files.createDirectories(o.work());
        TestPki pki = TestPki.shared();

        if (o.sections().contains("validation")) {
            log.printf("validation: generating %d messages...%n", o.messages());
            Path corpus = o.work().resolve("corpus");
            deleteTree(corpus);
            List<CorpusEntry> entries = new CorpusBuilder(pki, log).build(corpus, o.messages());
            log.printf("validation: %d files, %d rounds each after a warm-up of at least %d s%n", entries.size(), o.rounds(),
                    o.warmupSeconds());
            ValidationBench.Outcome outcome = new ValidationBench(corpus, o.work().resolve("validation"), log)
                    .run(entries, o.rounds(), o.warmupSeconds());
            metrics.addAll(outcome.metrics());
            List<String> verdicts = new ArrayList<>();
            verdicts.add(outcome.files() + " files; " + (outcome.files() - outcome.documented().size()
                    - outcome.differences().size()) + " with the same verdicts from both, " + outcome.documented().size()
                    + " documented divergences (docs/validation.md), " + outcome.differences().size() + " differences.");
            if (!outcome.documented().isEmpty()) {
                verdicts.add("");
                verdicts.add("Documented divergences:");
                verdicts.add("");
                outcome.documented().forEach(d -> verdicts.add("- " + d));
            }
            if (!outcome.differences().isEmpty()) {
                verdicts.add("");
                verdicts.add("**Differences (the run fails):**");
                verdicts.add("");
                outcome.differences().forEach(d -> verdicts.add("- " + d));
                failed = true;
            }
            sections.put("Verdicts, Vellum against DSS", verdicts);
            List<String> hot = new ArrayList<>();
            hot.add("```");
            hot.addAll(outcome.hotMethods());
            hot.add("```");
            sections.put("Where Vellum's validation time goes (JFR of the Vellum worker)", hot);
            ran.add("validation: " + o.messages() + " generated messages + the OpenSSL corpus (" + outcome.files()
                    + " files), offline, 1 thread per library in its own JVM (-Xmx1g, ParallelGC), 1 warm-up + "
                    + o.rounds() + " alternating rounds; crypto dates of DSS's shipped policy on both sides");
        }
        ExtensionBench extension = new ExtensionBench(pki, log);
        if (o.sections().contains("extension")) {
            log.printf("extension: %d signatures B -> LTA per library%n", o.extendSignatures());
            section(metrics, ran, "extension", () -> extension.extension(o.extendSignatures()));
            ran.add("extension: " + o.extendSignatures() + " detached signatures per library (after 20 warm-up), in this JVM, "
                    + "testkit TSA (RSA-2048), OCSP and CRL on 127.0.0.1");
        }
        if (o.sections().contains("ers")) {
            log.printf("ers: %d messages in batches of %d%n", o.ersMessages(), o.ersBatch());
            section(metrics, ran, "ers", () -> extension.evidenceRecords(o.ersMessages(), o.ersBatch()));
            ran.add("ers: " + o.ersMessages() + " messages of 50 KB, batches of " + o.ersBatch() + ", testkit TSA over HTTP");
        }
        if (o.sections().contains("memory")) {
            log.printf("memory: %,d bytes in -Xmx128m%n", o.largeBytes());
            section(metrics, ran, "memory", () -> new MemoryBench(o.work().resolve("memory"), log).run(o.largeBytes()));
            ran.add("memory: " + o.largeBytes() + " bytes of detached content, one child JVM per library with -Xmx128m");
        }
        if (o.sections().contains("revalidation")) {
            log.printf("revalidation: archive of %d items%n", o.archiveItems());
            RevalidateBench revalidation = new RevalidateBench(o.work().resolve("revalidation"), log);
            section(metrics, ran, "revalidation", () -> revalidation.run(o.archiveItems()));
            List<String> hot = new ArrayList<>();
            hot.add("```");
            hot.addAll(revalidation.profile(o.archiveItems()));
            hot.add("```");
            sections.put("Where the revalidate job's time goes (JFR, every thread)", hot);
            ran.add("revalidation: " + o.archiveItems() + " signed messages (~3 KB, B-level, 4 signers) ingested, then the "
                    + "revalidate job, child JVM -Xmx1g, H2 in the data directory");
        }
        List<String> ranLines = new ArrayList<>(ran.stream().map(r -> "- " + r).toList());
        if (o.keepOthers()) {
            EarlierResults earlier = EarlierResults.load(o.out().resolve("latest.json"), o.sections(), sections.keySet());
            List<Metric> all = new ArrayList<>(metrics);
            all.addAll(earlier.metrics());
            all.sort(java.util.Comparator.comparingInt(m -> BenchOptions.ALL_SECTIONS.indexOf(m.section())));
            metrics.clear();
            metrics.addAll(all);
            earlier.sections().forEach(sections::putIfAbsent);
            ranLines.addAll(earlier.ran());
        }
        sections.put("What ran", ranLines);
        String command = "./bench.sh " + String.join(" ", args);
        ResultsWriter.write(o.out(), start, Machine.now(), command.trim(), metrics, sections);
        log.println("results: " + o.out().resolve("latest.md"));
        if (failed) {
            System.err.println("bench: verdicts differ from DSS; see " + o.out().resolve("latest.md"));
            System.exit(1);
        }
        System.exit(0);
    }

    /** Runs one section; a failure is reported in the results instead of losing the others. */
    private static void section(List<Metric> metrics, List<String> ran, String name,
                                java.util.function.Supplier<List<Metric>> run) {
        try {
            metrics.addAll(run.get());
        } catch (RuntimeException e) {
            e.printStackTrace();
            ran.add(name + ": FAILED: " + e);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
