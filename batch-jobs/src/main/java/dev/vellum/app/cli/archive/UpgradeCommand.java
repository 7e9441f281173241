package dev.vellum.app.cli.archive;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.jobs.CapabilityUnavailableException;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Upgrades every archived item to the target: LTA (CAdES archive timestamps, one "
                + "new version per item) or ERS (one RFC 4998 evidence record per item, one TSA call per batch).",
                "Originals (version 0) are never touched. Safe to rerun; an interrupted run resumes."})
public final class UpgradeCommand extends ArchiveCommand {
    @Option(names = "--target", paramLabel = "LTA|ERS",
            description = "What to produce (default: vellum.upgrade.target, LTA).")
    String target;

    @Override
    protected Integer refuseEarly(Console console) {
        if (target == null) {
            return null; // the configuration decides; checked once the archive is open
        }
        try {
            requiredFor(target.toUpperCase(Locale.ROOT));
            return null;
        } catch (CapabilityUnavailableException e) {
            return refuse(console, "upgrade", e);
        } catch (IllegalArgumentException e) {
            console.warn("vellum upgrade: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** What an upgrade to this target needs from the libraries. */
    static void requiredFor(String target) {
        switch (target) {
            case "ERS" -> Capability.EVIDENCE_RECORDS.require();
            case "LTA" -> {
                Capability.VALIDATION.require(); // the validation data that LT embeds
                Capability.CADES_EXTENSION.require();
            }
            default -> throw new IllegalArgumentException("unknown target " + target + " (LTA or ERS)");
        }
        Capability.EMBEDDED_TSA.require();
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        String chosen = (target != null ? target : archive.properties().upgrade().target()).toUpperCase(Locale.ROOT);
        try {
            requiredFor(chosen);
        } catch (CapabilityUnavailableException e) {
            return refuse(console, "upgrade", e);
        }
        JobRun run = runJob(archive, console, UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, chosen));
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", run);
            json.put("quarantined", IngestCommand.quarantinedBy(archive, run));
            json.put("target", chosen);
            console.printJson(json);
        } else {
            console.table(tallyTable(run, "upgraded", "alreadyUpgraded", "unsigned", "tsaCalls", "quarantined", "alreadyQuarantined"));
            printQuarantine(archive, console, run);
        }
        if (!run.completed()) {
            return ExitCodes.FAILED;
        }
        return run.count("quarantined") > 0 ? ExitCodes.ATTENTION : ExitCodes.OK;
    }
}
