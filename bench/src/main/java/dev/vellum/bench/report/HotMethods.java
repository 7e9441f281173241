package dev.vellum.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples ({@code jdk.ExecutionSample}) fall: the methods on top of the
 * stack (self time), the packages of those methods, and the Vellum methods on the stack (inclusive).
 */
public final class HotMethods {
    private HotMethods() {
    }

    /** The samples of the thread named {@code main} (a validation worker). */
    public static List<String> summarise(Path recording, int top) {
        return summarise(recording, top, "main");
    }

    /**
     * @param threadPrefix only samples of threads whose name starts with it ({@code ""}: every thread)
     */
    public static List<String> summarise(Path recording, int top, String threadPrefix) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!onThread(event, threadPrefix)) {
                    continue;
                }
                samples++;
                RecordedMethod leaf = frames.get(0).getMethod();
                self.merge(name(leaf), 1, Integer::sum);
                packages.merge(packageOf(leaf), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f.getMethod());
                    if ((n.startsWith("dev.vellum.") || n.startsWith("org.springframework.batch.")) && !n.startsWith("dev.vellum.bench.")
                            && seen.add(n)) {
                        inclusive.merge(n, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JFR recording " + recording, e);
        }
        List<String> lines = new ArrayList<>();
        lines.add(samples + " CPU samples (JFR, settings=profile) of " + (threadPrefix.isEmpty() ? "every thread"
                : "thread " + threadPrefix));
        lines.add("");
        lines.add("Self time, top methods:");
        lines.addAll(ranked(self, samples, top));
        lines.add("");
        lines.add("Self time by package:");
        lines.addAll(ranked(packages, samples, 10));
        lines.add("");
        lines.add("Vellum methods on the stack (inclusive):");
        lines.addAll(ranked(inclusive, samples, top));
        return lines;
    }

    private static boolean onThread(RecordedEvent event, String prefix) {
        jdk.jfr.consumer.RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null ? null : thread.getJavaName();
        return name != null && (prefix.isEmpty() ? true : prefix.equals("main") ? name.equals("main") : name.startsWith(prefix));
    }

    private static List<String> ranked(Map<String, Integer> counts, int samples, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())).toList();
    }

    private static String name(RecordedMethod m) {
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    private static String packageOf(RecordedMethod m) {
        if (m == null) {
            return "?";
        }
        String type = m.getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
