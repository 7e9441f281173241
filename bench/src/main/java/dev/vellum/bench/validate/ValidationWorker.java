package dev.vellum.bench.validate;

import dev.vellum.bench.corpus.CorpusEntry;
import dev.vellum.bench.corpus.Manifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker JVM that validates the corpus with one library, on command, so that the two libraries run
 * alternately in processes of their own (own heap, own JIT, own peak-heap figure).
 *
 * <p>{@code java ValidationWorker vellum|vellum-cms|dss CORPUS_DIR} ({@code vellum-cms}: Vellum given
 * DSS's input, the CMS and its detached content, instead of the archived file); commands on stdin, one per line:
 * {@code round FILE} (validate every entry once, single-threaded, writing {@code id TAB nanos TAB verdict}
 * lines to FILE), {@code reset-peak}, {@code heap}, {@code quit}. Every answer is one stdout line
 * starting with {@code @@}.
 */
public final class ValidationWorker {
    private ValidationWorker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("vellum", "vellum-cms", "dss").contains(args[0])) {
            System.err.println("usage: ValidationWorker vellum|vellum-cms|dss CORPUS_DIR");
            System.exit(2);
        }
        Path corpus = Path.of(args[1]);
        List<CorpusEntry> entries = Manifest.read(corpus);
        Map<String, SetMaterial> sets = new LinkedHashMap<>();
        entries.forEach(e -> sets.computeIfAbsent(e.set(), s -> SetMaterial.load(corpus.resolve(s).resolve("pki"))));
        List<LoadedEntry> loaded = new ArrayList<>();
        entries.forEach(e -> loaded.add(LoadedEntry.load(corpus, e)));
        CorpusValidator validator = args[0].equals("dss") ? new DssCorpusValidator(sets)
                : new VellumCorpusValidator(sets, args[0].equals("vellum-cms"));
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // anything a library prints must not be taken for an answer
        out.println("@@ready " + loaded.size());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.trim().split(" ", 2);
            switch (cmd[0]) {
                case "round" -> out.println("@@done " + round(validator, loaded, Path.of(cmd[1])));
                case "reset-peak" -> {
                    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
                    out.println("@@ok");
                }
                case "heap" -> {
                    long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                    System.gc();
                    System.gc();
                    long live = heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
                    out.println("@@heap " + peak + " " + live);
                }
                case "quit" -> {
                    out.println("@@bye");
                    return;
                }
                default -> out.println("@@error unknown command " + cmd[0]);
            }
        }
    }

    private static long round(CorpusValidator validator, List<LoadedEntry> loaded, Path results) throws IOException {
        List<String> lines = new ArrayList<>(loaded.size());
        long start = System.nanoTime();
        for (LoadedEntry e : loaded) {
            long t0 = System.nanoTime();
            String verdict;
            try {
                verdict = validator.verdict(e);
            } catch (RuntimeException | Error failure) {
                verdict = "ERROR:" + failure.getClass().getSimpleName() + ":" + String.valueOf(failure.getMessage())
                        .replaceAll("\\s+", " ");
            }
            long t1 = System.nanoTime();
            lines.add(e.entry().id() + "\t" + (t1 - t0) + "\t" + verdict);
        }
        long wall = System.nanoTime() - start;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(results))) {
            lines.forEach(w::println);
        }
        return wall;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
