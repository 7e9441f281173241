package dev.vellum.app.cli.policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vellum policy}: stand-alone signature-policy tools (no Spring context, no archive). */
@Command(name = "policy",
        mixinStandardHelpOptions = true,
        description = "Author, hash and inspect RFC 3125 signature policies.",
        subcommands = {PolicyCompileCommand.class, PolicyHashCommand.class, PolicyShowCommand.class})
public final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
