package dev.vellum.app.cli.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.jobs.JobHistory;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.QuarantineEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Archives every message found under the paths: directories of .eml/.p7m/.p7s, "
                + "mbox files and Maildir folders. Bad input is quarantined with its reason; the run goes on.",
                "Running it again is safe: what is already archived is recognised; an interrupted run resumes."})
public final class IngestCommand extends ArchiveCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to ingest.")
    List<Path> paths;

    @Override
    protected boolean createsArchive() {
        return true;
    }

    @Override
    protected Integer refuseEarly(Console console) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                console.warn("vellum ingest: no such file or directory: " + path);
                return ExitCodes.USAGE;
            }
        }
        return null;
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        JobRun run = runJob(archive, console, IngestJobConfiguration.JOB,
                Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(paths)));
        List<QuarantineEntry> quarantined = quarantinedBy(archive, run);
        String validation = Capability.VALIDATION.available()
                ? run.count("TOTAL_PASSED") + " passed, " + run.count("TOTAL_FAILED") + " failed, "
                        + run.count("INDETERMINATE") + " indeterminate (details: vellum items, vellum report)"
                : "not done: " + Capability.VALIDATION.unavailableMessage();
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", run);
            json.put("quarantined", quarantined);
            json.put("firstValidation", validation);
            console.printJson(json);
        } else {
            console.table(tallyTable(run, "archived", "duplicates", "alreadyArchived", "quarantined", "alreadyQuarantined"));
            printQuarantine(archive, console, run);
            console.say("");
            console.say("first validation: " + validation);
        }
        if (!run.completed()) {
            return ExitCodes.FAILED;
        }
        long attention = run.count("quarantined") + run.count("TOTAL_FAILED") + run.count("INDETERMINATE");
        return attention > 0 ? ExitCodes.ATTENTION : ExitCodes.OK;
    }

    /** The quarantine entries written by any execution of this run's job instance (a resumed run has several). */
    static List<QuarantineEntry> quarantinedBy(ArchiveContext archive, JobRun run) {
        Set<Long> executions = archive.bean(JobHistory.class).executionIds(run.instanceId());
        return archive.bean(ArchiveIndex.class).quarantined().stream()
                .filter(q -> q.jobExecutionId() != null && executions.contains(q.jobExecutionId()))
                .toList();
    }
}
