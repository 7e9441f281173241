package dev.vellum.app.cli.archive;

import java.time.Period;

import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.jobs.CapabilityUnavailableException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "renew", mixinStandardHelpOptions = true,
        description = {"Finds, for every item, the date its newest evidence stops protecting it (TSA certificate "
                + "expiry, algorithm sunset) and renews everything due within the horizon, in batches."})
public final class RenewCommand extends ArchiveCommand {
    @Option(names = "--horizon", paramLabel = "PERIOD", defaultValue = "P1Y",
            description = "Renew what falls due within this ISO-8601 period (default ${DEFAULT-VALUE}).")
    Period horizon;

    @Override
    protected Integer refuseEarly(Console console) {
        try {
            Capability.VALIDATION.require(); // evidence expiry comes from validating the newest timestamp
            Capability.CADES_EXTENSION.require();
            Capability.EVIDENCE_RECORDS.require();
            Capability.EMBEDDED_TSA.require();
            return null;
        } catch (CapabilityUnavailableException e) {
            return refuse(console, "renew", e);
        }
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        throw new CapabilityUnavailableException(Capability.CADES_EXTENSION);
    }
}
