package dev.vellum.bench.validate;

import dev.vellum.bench.corpus.CorpusEntry;
import dev.vellum.bench.report.HotMethods;
import dev.vellum.bench.report.Metric;
import dev.vellum.bench.report.Stats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offline validation of the corpus by Vellum and DSS in worker JVMs ({@code -Xmx1g} each), warm-up
 * rounds each until {@code warmupSeconds} passed, then {@code rounds} measured rounds each, taking turns (who goes first rotates
 * too), so that all see the same machine load. Vellum runs twice: on the archived files ({@code .eml},
 * MIME parsing included) and, as {@code vellum-cms}, on the very bytes DSS is given (the CMS and its
 * detached content), which is the like-for-like rate. Compares the verdicts of the last round.
 */
public final class ValidationBench {
    static final List<String> GROUPS = List.of("gen-B", "gen-T", "gen-LT", "gen-LTA", "openssl");

    /** What the run found. */
    public record Outcome(List<Metric> metrics, List<String> differences, List<String> documented,
                          List<String> hotMethods, int files) {
        public boolean verdictsAgree() {
            return differences.isEmpty();
        }
    }

    private final Path corpus;
    private final Path work;
    private final PrintStream log;

    public ValidationBench(Path corpus, Path work, PrintStream log) {
        this.corpus = corpus;
        this.work = work;
        this.log = log;
    }

    public Outcome run(List<CorpusEntry> entries, int rounds, int warmupSeconds) {
        try {
            Files.createDirectories(work);
            Path jfr = work.resolve("vellum-validation.jfr");
            Files.deleteIfExists(jfr);
            List<String> common = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseParallelGC"));
            String extra = System.getenv("BENCH_WORKER_OPTS");
            if (extra != null && !extra.isBlank()) {
                common.addAll(List.of(extra.trim().split("\\s+")));
            }
            List<String> vellumOptions = new ArrayList<>(common);
            vellumOptions.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
            Map<String, List<Double>> wall = new LinkedHashMap<>();
            Map<String, Map<String, List<Long>>> nanos = new HashMap<>();
            Map<String, Map<String, String>> verdicts = new HashMap<>();
            Map<String, long[]> heap = new HashMap<>();
            try (WorkerProcess vellum = new WorkerProcess("vellum", corpus, vellumOptions, work.resolve("vellum-worker.log"));
                 WorkerProcess dss = new WorkerProcess("dss", corpus, common, work.resolve("dss-worker.log"));
                 WorkerProcess vellumCms = new WorkerProcess("vellum-cms", corpus, common,
                         work.resolve("vellum-cms-worker.log"))) {
                List<WorkerProcess> all = List.of(vellum, dss, vellumCms);
                for (WorkerProcess w : all) {
                    // time-based, as each library's JIT needs: a Vellum round is ~1 s, a DSS round ~12 s
                    long spent = 0;
                    int warmups = 0;
                    do {
                        spent += Long.parseLong(w.send("round " + work.resolve(w.library() + "-warmup.tsv"), "done")[0]);
                        warmups++;
                    } while (spent < warmupSeconds * 1_000_000_000L);
                    log.printf("  warm-up %-6s %d rounds of %d files in %6.1f s%n", w.library(), warmups, entries.size(),
                            spent / 1e9);
                    w.send("reset-peak", "ok");
                }
                for (int r = 0; r < rounds; r++) {
                    List<WorkerProcess> order = new ArrayList<>(all);
                    java.util.Collections.rotate(order, r);
                    for (WorkerProcess w : order) {
                        Path file = work.resolve(w.library() + "-round" + r + ".tsv");
                        long t = Long.parseLong(w.send("round " + file, "done")[0]);
                        wall.computeIfAbsent(w.library(), k -> new ArrayList<>()).add(entries.size() / (t / 1e9));
                        log.printf("  round %d %-6s %5d files in %6.1f s (%.1f files/s)%n", r + 1, w.library(),
                                entries.size(), t / 1e9, entries.size() / (t / 1e9));
                        for (String line : Files.readAllLines(file)) {
                            String[] f = line.split("\t", 3);
                            nanos.computeIfAbsent(w.library(), k -> new HashMap<>())
                                    .computeIfAbsent(f[0], k -> new ArrayList<>()).add(Long.parseLong(f[1]));
                            verdicts.computeIfAbsent(w.library(), k -> new HashMap<>()).put(f[0], f[2]);
                        }
                    }
                }
                for (WorkerProcess w : List.of(vellum, dss)) {
                    String[] h = w.send("heap", "heap");
                    heap.put(w.library(), new long[] {Long.parseLong(h[0]), Long.parseLong(h[1])});
                }
            }
            List<Metric> metrics = metrics(entries, rounds, wall, nanos, heap);
            List<String> differences = new ArrayList<>();
            List<String> documented = new ArrayList<>();
            for (CorpusEntry e : entries) {
                String v = verdicts.get("vellum").get(e.id());
                String d = verdicts.get("dss").get(e.id());
                if (v.equals(d)) {
                    continue;
                }
                Optional<String> reason = KnownDivergences.explain(e, v, d);
                String row = e.id() + ": Vellum " + v + ", DSS " + d;
                if (reason.isPresent()) {
                    documented.add(row + " — " + reason.get());
                } else {
                    differences.add(row);
                }
            }
            metrics.add(new Metric("validation", "verdicts differing from DSS (files)", differences.size(), Double.NaN,
                    false, "0", differences.isEmpty(), "indication and sub-indication of every top-level signature; "
                    + documented.size() + " documented divergences allowed"));
            List<String> inputDifferences = entries.stream().filter(e -> e.set().equals("gen"))
                    .filter(e -> !verdicts.get("vellum").get(e.id()).equals(verdicts.get("vellum-cms").get(e.id())))
                    .map(e -> e.id() + ": " + verdicts.get("vellum").get(e.id()) + " from the archived file, "
                            + verdicts.get("vellum-cms").get(e.id()) + " from DSS's input")
                    .toList();
            differences.addAll(inputDifferences);
            metrics.add(new Metric("validation", "Vellum verdicts differing between the archived file and DSS's input (files)",
                    inputDifferences.size(), Double.NaN, false, "0", inputDifferences.isEmpty(),
                    "generated files: the .eml and its CMS + content must give the same verdict"));
            List<String> hot = Files.exists(jfr) ? HotMethods.summarise(jfr, 15) : List.of("(no JFR recording)");
            return new Outcome(metrics, differences, documented, hot, entries.size());
        } catch (IOException e) {
            throw new UncheckedIOException("validation benchmark: " + e.getMessage(), e);
        }
    }

    private static List<Metric> metrics(List<CorpusEntry> entries, int rounds, Map<String, List<Double>> wall,
                                        Map<String, Map<String, List<Long>>> nanos, Map<String, long[]> heap) {
        List<Metric> metrics = new ArrayList<>();
        double vAll = Stats.median(wall.get("vellum").stream().mapToDouble(Double::doubleValue).toArray());
        double dAll = Stats.median(wall.get("dss").stream().mapToDouble(Double::doubleValue).toArray());
        metrics.add(Metric.of("validation", "all files, files/s (1 thread)", vAll, dAll, true,
                entries.size() + " files, median of " + rounds + " rounds"));
        for (String group : GROUPS) {
            List<String> ids = entries.stream().filter(e -> e.group().equals(group)).map(CorpusEntry::id).toList();
            if (ids.isEmpty()) {
                continue;
            }
            double[] rate = new double[3];
            double[] p50 = new double[3];
            double[] p99 = new double[3];
            int i = 0;
            for (String lib : List.of("vellum", "dss", "vellum-cms")) {
                long[] all = ids.stream().flatMap(id -> nanos.get(lib).get(id).stream()).mapToLong(Long::longValue).toArray();
                double[] perRound = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    int round = r;
                    long sum = ids.stream().mapToLong(id -> nanos.get(lib).get(id).get(round)).sum();
                    perRound[r] = ids.size() / (sum / 1e9);
                }
                rate[i] = Stats.median(perRound);
                p50[i] = Stats.percentile(all, 50) / 1e6;
                p99[i] = Stats.percentile(all, 99) / 1e6;
                i++;
            }
            boolean generated = group.startsWith("gen-");
            Metric throughput = Metric.of("validation", group + ": files/s (1 thread)", rate[0], rate[1], true,
                    ids.size() + " files" + (generated ? "; Vellum reads the .eml (MIME parsing included), DSS the CMS + content" : ""));
            Metric sameInput = Metric.of("validation", group + ": files/s, same input as DSS (1 thread)", rate[2], rate[1],
                    true, ids.size() + " files; both given the CMS + detached content");
            if (group.equals("gen-LTA")) {
                metrics.add(throughput);
                metrics.add(sameInput.withTarget("≥ 30× DSS", rate[2] / rate[1] >= 30));
                metrics.add(new Metric("validation", "gen-LTA: signatures/s per thread, same input as DSS", rate[2],
                        Double.NaN, true, "≥ 1,000 (2,000 on 2 cores)", rate[2] >= 1000,
                        "one signature per file, 1 thread; the 2-core rate is measured by the validation harness "
                        + "(docs/performance.md)"));
            } else {
                metrics.add(throughput);
                if (generated) {
                    metrics.add(sameInput);
                }
            }
            metrics.add(Metric.of("validation", group + ": p50 ms per file", p50[0], p50[1], false, ""));
            metrics.add(Metric.of("validation", group + ": p99 ms per file", p99[0], p99[1], false, ""));
        }
        metrics.add(Metric.of("validation", "peak heap, MiB (-Xmx1g, ParallelGC)", heap.get("vellum")[0] / 1048576.0,
                heap.get("dss")[0] / 1048576.0, false, "measured rounds; mostly young-generation sizing"));
        metrics.add(Metric.of("validation", "heap after full GC, MiB", heap.get("vellum")[1] / 1048576.0,
                heap.get("dss")[1] / 1048576.0, false, "what stays: corpus bytes plus caches"));
        return metrics;
    }
}
