package dev.vellum.app.cli;

import java.nio.file.Path;
import java.time.Instant;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code vellum} command and its global options. Its subcommands are listed in
 * {@link Subcommands}, which gives picocli only the one being run.
 */
@Command(name = "vellum",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Keeps signed mail provable for decades: ingest, upgrade, validate, renew, report.",
        footer = {"", "Exit codes: 0 nothing failed; 1 items need attention; 2 usage error; "
                + "3 a job failed or a capability is missing; 4 the store is damaged."})
public final class VellumCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Archive data directory (default: ./vellum-data, or vellum.data-dir in --config; demo: ./vellum-demo).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Spring configuration file (application.yml or .properties) for the archive and jobs.")
    Path configFile;

    @Option(names = "--now", paramLabel = "ISO-8601", scope = ScopeType.INHERIT, converter = InstantConverter.class,
            description = "Run as if it were this time: a fixed clock for everything, the embedded TSA included.")
    Instant now;

    // Not inherited: stand-alone tools define their own output options (e.g. --json, --format).
    // The archive commands accept --json after the command name too (ArchiveCommand).
    @Option(names = "--json", description = "Print results as JSON for machines.")
    boolean json;

    public GlobalOptions globalOptions() {
        return new GlobalOptions(dataDir, configFile, now, json);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
