package dev.vellum.app.cli.archive;

import java.time.Instant;

import dev.vellum.app.cli.InstantConverter;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.jobs.CapabilityUnavailableException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "revalidate", mixinStandardHelpOptions = true,
        description = {"Validates every archived item offline, from the archive alone, as of now or --at, and "
                + "stores each run with the change from the previous one."})
public final class RevalidateCommand extends ArchiveCommand {
    @Option(names = "--at", paramLabel = "ISO-8601", converter = InstantConverter.class,
            description = "Validation time (default: now, i.e. --now or the system clock).")
    Instant at;

    @Override
    protected Integer refuseEarly(Console console) {
        try {
            Capability.VALIDATION.require();
            return null;
        } catch (CapabilityUnavailableException e) {
            return refuse(console, "revalidate", e);
        }
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        throw new CapabilityUnavailableException(Capability.VALIDATION);
    }
}
