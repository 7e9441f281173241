package dev.vellum.app.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Entry point of the {@code vellum} command. Stand-alone tools run without a Spring context. */
public final class VellumMain {
    private VellumMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** Runs with the given output streams (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new VellumCommand());
        Subcommands.register(commandLine, args);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("vellum: " + (exception.getMessage() == null
                    ? exception.getClass().getSimpleName() : exception.getMessage()));
            return ExitCodes.FAILED;
        });
        return commandLine;
    }
}
