package dev.vellum.timestamping.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code openssl} binary for interop tests; tests skip when it is missing. */
public final class OpenSsl {
    private static final Boolean AVAILABLE = probe();

    private OpenSsl() {
    }

    public record Result(int exitCode, String output) {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        try {
            return run(Path.of("."), "version").exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code openssl args...} in {@code dir}; stdout and stderr together. */
    public static Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
