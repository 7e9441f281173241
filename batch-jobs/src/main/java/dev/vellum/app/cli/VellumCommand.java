package dev.vellum.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code vellum} command; subcommands are added as capabilities land. */
@Command(name = "vellum",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {dev.vellum.app.cli.policy.PolicyCommand.class},
        description = "Keeps signed mail provable for decades: ingest, upgrade, validate, renew, report.")
public final class VellumCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
