package dev.vellum.app.cli.console;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a command speaks: human text (tables, progress on a terminal) or, with {@code --json},
 * exactly one JSON document on standard output. Problems always go to standard error.
 */
public final class Console {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean terminal;

    public Console(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.terminal = !json && onTerminal();
    }

    /**
     * Whether standard output is an interactive terminal. Up to Java 21 {@code System.console()} is null
     * otherwise; from Java 22 it may exist for pipes and cron too, and {@code Console.isTerminal()} tells.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }

    public boolean json() {
        return json;
    }

    public PrintWriter out() {
        return out;
    }

    /** A line of human output (suppressed with --json). */
    public void say(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    public void warn(String line) {
        err.println(line);
        err.flush();
    }

    public void table(SummaryTable table) {
        if (!json) {
            table.print(out);
        }
    }

    public void printJson(Object value) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        out.println(mapper.writeValueAsString(value));
        out.flush();
    }

    /** A progress bar on a terminal; a no-op elsewhere. */
    public AutoCloseable progress(Supplier<String> label, LongSupplier done, LongSupplier total) {
        if (!terminal) {
            return () -> { };
        }
        return new ProgressBar(out, label, done, total);
    }
}
