package dev.vellum.app.cli.archive;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.InstantConverter;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;

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
    protected int run(ArchiveContext archive, Console console) {
        JobRun run = runJob(archive, console, RevalidateJobConfiguration.JOB,
                Map.of(RevalidateJobConfiguration.AT, at == null ? "now" : at.toString()));
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", run);
            json.put("quarantined", IngestCommand.quarantinedBy(archive, run));
            console.printJson(json);
        } else {
            console.table(tallyTable(run, "TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE", "changed", "quarantined"));
            printQuarantine(archive, console, run);
        }
        if (!run.completed()) {
            return ExitCodes.FAILED;
        }
        return run.count("TOTAL_FAILED") + run.count("INDETERMINATE") + run.count("quarantined") > 0
                ? ExitCodes.ATTENTION : ExitCodes.OK;
    }
}
