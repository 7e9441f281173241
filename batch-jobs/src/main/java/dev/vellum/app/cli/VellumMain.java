package dev.vellum.app.cli;

import picocli.CommandLine;

/** Entry point of the {@code vellum} command. Stand-alone tools run without a Spring context. */
public final class VellumMain {
    private VellumMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new VellumCommand()).execute(args);
    }
}
