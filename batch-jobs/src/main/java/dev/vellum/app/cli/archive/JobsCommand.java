package dev.vellum.app.cli.archive;

import java.util.List;
import java.util.stream.Collectors;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.cli.console.SummaryTable;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.jobs.JobHistory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Lists recent job executions from the job repository, newest first.")
public final class JobsCommand extends ArchiveCommand {
    @Option(names = "--limit", defaultValue = "20", description = "At most this many executions (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run(ArchiveContext archive, Console console) {
        List<JobRun> runs = archive.bean(JobHistory.class).recent(limit);
        if (console.json()) {
            console.printJson(runs);
            return ExitCodes.OK;
        }
        SummaryTable table = new SummaryTable("execution", "job", "instance", "status", "seconds", "counts", "failure");
        for (JobRun run : runs) {
            table.row(run.executionId(), run.jobName(), run.instanceId(), run.status(), seconds(run.duration()),
                    counts(run),
                    run.failures().isEmpty() ? "" : run.failures().get(0));
        }
        console.table(table);
        return ExitCodes.OK;
    }

    private static String counts(JobRun run) {
        return new java.util.TreeMap<>(run.tally()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
