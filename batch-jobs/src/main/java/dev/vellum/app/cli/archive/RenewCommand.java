package dev.vellum.app.cli.archive;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.renew.RenewJobConfiguration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "renew", mixinStandardHelpOptions = true,
        description = {"Finds every item whose evidence stops protecting it (TSA certificate expiry, hash algorithm "
                + "sunset) within the horizon and renews it: evidence records in batches of one TSA call, CAdES "
                + "signatures with one more archive time-stamp."})
public final class RenewCommand extends ArchiveCommand {
    @Option(names = "--horizon", paramLabel = "PERIOD",
            description = "Renew what falls due within this ISO-8601 period (default: vellum.renew.horizon, P1Y).")
    Period horizon;

    @Override
    protected int run(ArchiveContext archive, Console console) {
        Period chosen = horizon != null ? horizon : archive.properties().renew().horizon();
        JobRun run = runJob(archive, console, RenewJobConfiguration.JOB, Map.of(RenewJobConfiguration.HORIZON, chosen.toString()));
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", run);
            json.put("quarantined", IngestCommand.quarantinedBy(archive, run));
            json.put("horizon", chosen.toString());
            console.printJson(json);
        } else {
            console.table(tallyTable(run, "renewed", "withoutEvidence", "tsaCalls", "quarantined"));
            printQuarantine(archive, console, run);
        }
        if (!run.completed()) {
            return ExitCodes.FAILED;
        }
        return run.count("quarantined") > 0 ? ExitCodes.ATTENTION : ExitCodes.OK;
    }
}
