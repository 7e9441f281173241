package dev.vellum.app.cli.archive;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.GlobalOptions;
import dev.vellum.app.cli.VellumCommand;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.cli.console.SummaryTable;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.jobs.CapabilityUnavailableException;
import dev.vellum.app.jobs.JobLaunchException;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.store.StoreException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that works on the archive: it opens the Spring context (and the data-directory lock) for its run. */
abstract class ArchiveCommand implements Callable<Integer> {
    @ParentCommand
    VellumCommand vellum;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--json", description = "Print results as JSON for machines.")
    boolean json;

    @Override
    public final Integer call() {
        Console console = console();
        try {
            Integer refusal = refuseEarly(console);
            if (refusal != null) {
                return refusal;
            }
            dev.vellum.app.context.ArchiveSettings settings = settings();
            java.nio.file.Path absent = createsArchive() ? null : absentArchive(settings);
            if (absent != null) {
                // a mistyped --data (or the wrong working directory) must not look like an empty, healthy archive
                console.warn("vellum " + spec.name() + ": no archive in " + absent + " (missing or empty): check --data "
                        + "(default ./vellum-data in the working directory); 'vellum ingest PATH...' starts a new archive");
                return ExitCodes.FAILED;
            }
            try (ArchiveContext archive = ArchiveContext.open(settings)) {
                return run(archive, console);
            }
        } catch (ArchiveUnavailableException | CapabilityUnavailableException | JobLaunchException | StoreException e) {
            console.warn("vellum " + spec.name() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** Whether this command may start a new archive in an empty data directory (ingest, demo, serve). */
    protected boolean createsArchive() {
        return false;
    }

    /**
     * The data directory when it is known before start-up (from --data, or the default when no --config
     * could name another) and does not exist or is empty; null otherwise.
     */
    private static java.nio.file.Path absentArchive(dev.vellum.app.context.ArchiveSettings settings) {
        java.nio.file.Path dir = settings.dataDir() != null ? settings.dataDir()
                : settings.configFile() == null ? java.nio.file.Path.of("vellum-data") : null;
        if (dir == null) {
            return null;
        }
        if (java.nio.file.Files.isDirectory(dir)) {
            try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return null;
                }
            } catch (java.io.IOException e) {
                return null; // let opening the archive report what is wrong with the directory
            }
        }
        return dir.toAbsolutePath().normalize();
    }

    /** A reason not to open the archive at all (e.g. a capability missing from this build), as an exit code. */
    protected Integer refuseEarly(Console console) {
        return null;
    }

    protected abstract int run(ArchiveContext archive, Console console);

    /** How to open the archive; by default exactly as the global options say. */
    protected dev.vellum.app.context.ArchiveSettings settings() {
        return global().archiveSettings();
    }

    protected GlobalOptions global() {
        GlobalOptions global = vellum.globalOptions();
        return json && !global.json() ? new GlobalOptions(global.dataDir(), global.configFile(), global.now(), true) : global;
    }

    protected Console console() {
        return new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), global().json());
    }

    /** Runs a job with a progress bar (on a terminal) and prints its summary line. */
    protected static JobRun runJob(ArchiveContext archive, Console console, String job, Map<String, String> parameters) {
        ProgressBoard board = archive.bean(ProgressBoard.class);
        JobRun run;
        try (AutoCloseable bar = console.progress(() -> board.phase(), board::done, board::total)) {
            run = archive.run(job, parameters);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        console.say(job + ": " + run.status().toLowerCase(java.util.Locale.ROOT)
                + (run.restarted() ? " (resumed an interrupted run)" : "")
                + " in " + seconds(run.duration()) + " s, execution " + run.executionId());
        for (String failure : run.failures()) {
            console.warn("  " + job + " failed: " + failure);
        }
        return run;
    }

    /** Prints what this run quarantined (any execution of its job instance), each with its whole reason. */
    protected static java.util.List<dev.vellum.app.store.QuarantineEntry> printQuarantine(ArchiveContext archive,
                                                                                          Console console, JobRun run) {
        java.util.List<dev.vellum.app.store.QuarantineEntry> entries = IngestCommand.quarantinedBy(archive, run);
        if (!entries.isEmpty()) {
            console.say("");
            console.table(QuarantineTable.of(archive.bean(dev.vellum.app.store.ArchiveIndex.class), entries));
        }
        return entries;
    }

    protected static SummaryTable tallyTable(JobRun run, String... counters) {
        SummaryTable table = new SummaryTable("outcome", "count");
        for (String counter : counters) {
            table.row(counter, run.count(counter));
        }
        return table;
    }

    static String seconds(java.time.Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    /** Refuses with the capability's message and the "failed" exit code. */
    protected static int refuse(Console console, String command, CapabilityUnavailableException e) {
        console.warn("vellum " + command + ": " + e.getMessage());
        if (console.json()) {
            console.printJson(Map.of("command", command, "status", "UNAVAILABLE", "reason", e.getMessage()));
        }
        return ExitCodes.FAILED;
    }
}
