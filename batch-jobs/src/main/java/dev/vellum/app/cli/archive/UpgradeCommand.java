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
                + "new version per item) or ERS (one RFC 4998 evidence record per item, one TSA call per batch; "
                + "with --embed also a version whose signature carries its own record, TS 119 122-3).",
                "Originals (version 0) are never touched. Safe to rerun; an interrupted run resumes."})
public final class UpgradeCommand extends ArchiveCommand {
    @Option(names = "--target", paramLabel = "LTA|ERS",
            description = "What to produce (default: vellum.upgrade.target, LTA).")
    String target;

    @Option(names = "--embed", negatable = true,
            description = {"With ERS: also store every signed item with an evidence record embedded in its first "
                    + "signature (ETSI TS 119 122-3), from the same TSA call; an .eml keeps its signed part byte-identical.",
                    "The embedded record is a snapshot: renew renews the archive-level record only "
                    + "(default: vellum.upgrade.ers.embed, false)."})
    Boolean embed;

    @Override
    protected Integer refuseEarly(Console console) {
        if (Boolean.TRUE.equals(embed) && target != null && !"ERS".equalsIgnoreCase(target)) {
            console.warn("vellum upgrade: --embed puts an evidence record in the signature; it needs --target ERS");
            return ExitCodes.USAGE;
        }
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
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(UpgradeJobConfiguration.TARGET, chosen);
        if (embed != null) {
            parameters.put(UpgradeJobConfiguration.EMBED, embed.toString());
        }
        JobRun run = runJob(archive, console, UpgradeJobConfiguration.JOB, parameters);
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", run);
            json.put("quarantined", IngestCommand.quarantinedBy(archive, run));
            json.put("target", chosen);
            console.printJson(json);
        } else {
            console.table(run.count("embedded") + run.count("notEmbedded") > 0
                    ? tallyTable(run, "upgraded", "alreadyUpgraded", "unsigned", "embedded", "notEmbedded", "tsaCalls",
                            "quarantined", "alreadyQuarantined")
                    : tallyTable(run, "upgraded", "alreadyUpgraded", "unsigned", "tsaCalls", "quarantined", "alreadyQuarantined"));
            printQuarantine(archive, console, run);
        }
        if (!run.completed()) {
            return ExitCodes.FAILED;
        }
        return run.count("quarantined") > 0 ? ExitCodes.ATTENTION : ExitCodes.OK;
    }
}
