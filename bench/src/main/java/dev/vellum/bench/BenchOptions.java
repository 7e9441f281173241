package dev.vellum.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line of {@link BenchMain} (see {@link #USAGE}). */
public record BenchOptions(int messages, int rounds, int warmupSeconds, Set<String> sections, int extendSignatures, int ersMessages,
                           int ersBatch, long largeBytes, int archiveItems, Path work, Path out, boolean keepOthers) {

    public static final List<String> ALL_SECTIONS = List.of("validation", "extension", "ers", "memory", "revalidation");

    public static final String USAGE = """
            usage: bench.sh [options]
              --messages N          generated mail-like messages (a quarter each at B, T, LT, LTA)   [200]
              --rounds R            measured validation rounds per library, after the warm-up       [3]
              --warmup-seconds S    validation warm-up: rounds until S seconds passed (at least one) [10]
              --extend N            signatures extended B -> LTA by each library                     [100]
              --ers-messages N      messages put into evidence records                              [20000]
              --ers-batch N         messages per evidence-record batch (one TSA call each)          [10000]
              --large-bytes N       size of the detached content of the -Xmx128m run                [1073741824]
              --archive-items N     items in the archive the revalidate job runs over               [5000]
              --sections a,b,...    any of validation,extension,ers,memory,revalidation             [all]
              --keep-others         keep the rows of the sections not run from the earlier latest.json
              --quick               small sizes for a smoke run (40 messages, 64 MiB, 200 items...)
              --work DIR            corpus, worker logs and recordings                              [bench/target/work]
              --out DIR             where latest.md and latest.json go                              [bench/results]
            Exit status 1 when a verdict differs from DSS (other than a documented divergence), 2 on bad usage.""";

    public static BenchOptions parse(String[] args) {
        int messages = 200;
        int rounds = 3;
        int warmupSeconds = 10;
        int extend = 100;
        int ersMessages = 20_000;
        int ersBatch = 10_000;
        long largeBytes = 1L << 30;
        int archiveItems = 5_000;
        Set<String> sections = new LinkedHashSet<>(ALL_SECTIONS);
        Path work = Path.of("bench/target/work");
        Path out = Path.of("bench/results");
        boolean keepOthers = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> {
                    messages = 40;
                    rounds = 2;
                    warmupSeconds = 2;
                    extend = 20;
                    ersMessages = 2_000;
                    ersBatch = 1_000;
                    largeBytes = 64L << 20;
                    archiveItems = 200;
                }
                case "--keep-others" -> keepOthers = true;
                case "--messages" -> messages = positive(a, value(args, ++i));
                case "--rounds" -> rounds = positive(a, value(args, ++i));
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value(args, ++i));
                case "--extend" -> extend = positive(a, value(args, ++i));
                case "--ers-messages" -> ersMessages = positive(a, value(args, ++i));
                case "--ers-batch" -> ersBatch = positive(a, value(args, ++i));
                case "--large-bytes" -> largeBytes = Long.parseLong(value(args, ++i));
                case "--archive-items" -> archiveItems = positive(a, value(args, ++i));
                case "--work" -> work = Path.of(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--sections" -> {
                    sections = new LinkedHashSet<>(List.of(value(args, ++i).split(",")));
                    for (String s : sections) {
                        if (!ALL_SECTIONS.contains(s)) {
                            throw new IllegalArgumentException("unknown section " + s + "; known: " + ALL_SECTIONS);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new BenchOptions(messages, rounds, warmupSeconds, sections, extend, ersMessages, ersBatch, largeBytes, archiveItems, work, out, keepOthers);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException(option + " must be positive, not " + value);
        }
        return n;
    }
}
