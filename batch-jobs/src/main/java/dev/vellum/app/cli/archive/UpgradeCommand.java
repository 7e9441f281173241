package dev.vellum.app.cli.archive;

import java.util.Locale;

import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.jobs.CapabilityUnavailableException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Upgrades every archived signature to the target: LTA (CAdES archive timestamps, one "
                + "new version per item) or ERS (one RFC 4998 evidence record per item, one TSA call per batch).",
                "Originals (version 0) are never touched. Safe to rerun; an interrupted run resumes."})
public final class UpgradeCommand extends ArchiveCommand {
    @Option(names = "--target", paramLabel = "LTA|ERS",
            description = "What to produce (default: vellum.upgrade.target, LTA).")
    String target;

    @Override
    protected Integer refuseEarly(Console console) {
        String chosen = target == null ? "LTA" : target.toUpperCase(Locale.ROOT);
        try {
            requiredFor(chosen);
            return null;
        } catch (CapabilityUnavailableException e) {
            return refuse(console, "upgrade", e);
        }
    }

    /** What an upgrade to this target needs from the libraries. */
    static void requiredFor(String target) {
        if (target.equals("ERS")) {
            Capability.EVIDENCE_RECORDS.require();
        } else {
            Capability.VALIDATION.require(); // the validation data that LT embeds
            Capability.CADES_EXTENSION.require();
        }
        Capability.EMBEDDED_TSA.require();
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        // Reached only once the capabilities above are wired (refuseEarly lets nothing else through).
        throw new CapabilityUnavailableException(Capability.CADES_EXTENSION);
    }
}
