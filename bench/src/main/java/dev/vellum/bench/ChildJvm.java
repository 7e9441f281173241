package dev.vellum.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a child JVM on this JVM's class path (the benchmark's workers, the 128 MB memory runs). */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static ProcessBuilder builder(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /** Runs a child to its end with stdout and stderr into {@code log}; returns its exit code. */
    public static int run(List<String> jvmOptions, Class<?> main, List<String> args, Path log) {
        try {
            Process p = builder(jvmOptions, main, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM for " + main.getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + main.getSimpleName() + " ran", e);
        }
    }
}
