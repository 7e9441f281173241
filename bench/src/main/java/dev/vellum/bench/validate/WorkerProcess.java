package dev.vellum.bench.validate;

import dev.vellum.bench.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The benchmark's side of a {@link ValidationWorker}: sends one command, waits for its {@code @@} answer. */
final class WorkerProcess implements AutoCloseable {
    private final String library;
    private final Process process;
    private final BufferedReader answers;
    private final PrintWriter commands;

    WorkerProcess(String library, Path corpus, List<String> jvmOptions, Path log) {
        this.library = library;
        try {
            process = ChildJvm.builder(jvmOptions, ValidationWorker.class, List.of(library, corpus.toString()))
                    .redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + library + " worker", e);
        }
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answer("ready");
    }

    String library() {
        return library;
    }

    /** Sends {@code command} and returns the answer's words after its keyword. */
    String[] send(String command, String expected) {
        commands.println(command);
        return answer(expected);
    }

    private String[] answer(String expected) {
        try {
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                if (line.startsWith("@@")) {
                    String[] words = line.substring(2).split(" ");
                    if (!words[0].equals(expected)) {
                        throw new IllegalStateException(library + " worker answered " + line + " instead of " + expected);
                    }
                    return java.util.Arrays.copyOfRange(words, 1, words.length);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the " + library + " worker ended without answering (see its log)");
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                send("quit", "bye");
            }
            process.waitFor();
        } catch (RuntimeException | InterruptedException e) {
            process.destroy();
        }
    }
}
