package dev.vellum.app.cli.tsa;

import dev.vellum.app.cli.GlobalOptions;
import dev.vellum.app.cli.VellumCommand;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vellum tsa}: the embedded RFC 3161 TSA as a stand-alone tool (no Spring context, no archive). */
@Command(name = "tsa",
        mixinStandardHelpOptions = true,
        description = {"The embedded RFC 3161 time-stamping authority, for tests and air-gapped installations.",
                "Its key and certificates live in <data>/tsa (generated on first use, labelled NOT FOR PRODUCTION)."},
        subcommands = {TsaServeCommand.class, TsaChainCommand.class})
public final class TsaCommand implements Runnable {
    @ParentCommand
    VellumCommand vellum;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code <data>/tsa}. */
    Path dataDirectory() {
        return global().dataDirOrDefault().resolve("tsa");
    }

    /** The clock {@code --now} fixes, else the system clock. */
    Clock clock() {
        GlobalOptions global = global();
        return global.now() == null ? Clock.systemUTC() : Clock.fixed(global.now(), ZoneOffset.UTC);
    }

    EmbeddedTsaConfig.Builder config() {
        return EmbeddedTsaConfig.builder(dataDirectory()).clock(clock());
    }

    private GlobalOptions global() {
        return vellum.globalOptions();
    }
}
