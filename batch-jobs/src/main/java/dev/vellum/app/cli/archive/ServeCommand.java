package dev.vellum.app.cli.archive;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.vellum.app.api.ApiServer;
import dev.vellum.app.api.ArchiveApi;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.jobs.CapabilityUnavailableException;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.schedule.JobScheduler;
import dev.vellum.app.schedule.ScheduledJob;
import dev.vellum.app.schedule.Schedules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the jobs on the cron schedules of the configuration (vellum.schedule.*) and, with "
                + "vellum.api.enabled=true, the HTTP API, until stopped.",
                "Every job is also a command of its own, for cron or systemd timers instead."})
public final class ServeCommand extends ArchiveCommand {
    @Option(names = "--max-runs", defaultValue = "0",
            description = "Stop after this many job runs (0 = run until stopped).")
    int maxRuns;

    @Option(names = "--worker",
            description = "Run as a remote-partitioning worker (vellum.remote.*): take partitions of the manager's "
                    + "jobs from the broker until stopped, instead of running schedules.")
    boolean worker;

    @Override
    protected boolean createsArchive() {
        return true;
    }

    @Override
    protected dev.vellum.app.context.ArchiveSettings settings() {
        dev.vellum.app.context.ArchiveSettings settings = super.settings();
        return worker ? settings.with("vellum.remote.role", "worker") : settings;
    }

    @Override
    protected Integer refuseEarly(Console console) {
        if (global().now() != null) {
            console.warn("vellum serve: --now fixes the clock, so no schedule would ever fire; run the job commands instead");
            return ExitCodes.USAGE;
        }
        return null;
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        VellumProperties properties = archive.properties();
        if (worker) {
            return serveAsWorker(archive, console, properties);
        }
        List<ScheduledJob> jobs;
        try {
            jobs = Schedules.from(properties);
        } catch (CapabilityUnavailableException e) {
            return refuse(console, "serve", e);
        } catch (IllegalArgumentException e) {
            console.warn("vellum serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (jobs.isEmpty() && !properties.api().enabled()) {
            console.warn("vellum serve: nothing is scheduled and the API is off; set vellum.schedule.<job> cron "
                    + "expressions or vellum.api.enabled=true in --config");
            return ExitCodes.USAGE;
        }
        // Scheduled jobs and API uploads take turns: one job at a time on the archive.
        ReentrantLock jobLock = new ReentrantLock(true);
        ApiServer api = properties.api().enabled() ? ApiServer.start(properties.api(), ArchiveApi.of(archive, jobLock)) : null;
        try {
            if (api != null) {
                console.say("API listening on " + api.uri());
            }
            if (jobs.isEmpty()) {
                awaitStop();
                return ExitCodes.OK;
            }
            return runSchedules(archive, console, jobs, jobLock);
        } finally {
            if (api != null) {
                api.close();
            }
        }
    }

    private int runSchedules(ArchiveContext archive, Console console, List<ScheduledJob> jobs, ReentrantLock jobLock) {
        JobScheduler scheduler = new JobScheduler(jobs, Clock.systemDefaultZone(), d -> Thread.sleep(d.toMillis()));
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            scheduler.stop();
            main.interrupt();
        }, "vellum-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        jobs.forEach(job -> console.say("scheduled " + job.jobName() + " at '" + job.cron() + "'"));
        int[] failures = {0};
        scheduler.run(maxRuns, (job, at) -> {
            console.say(at + ": running " + job.jobName());
            jobLock.lock();
            try {
                JobRun run = runJob(archive, console, job.jobName(), job.parameters());
                if (!run.completed()) {
                    failures[0]++;
                }
            } finally {
                jobLock.unlock();
            }
        });
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook has run
        }
        return failures[0] == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Until the process is stopped (SIGTERM, Ctrl-C). */
    private static void awaitStop() {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "vellum-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the worker's context (its JMS listener) running until the process is stopped. */
    private static int serveAsWorker(ArchiveContext archive, Console console, VellumProperties properties) {
        // The worker step and its JMS listener were started with the context.
        console.say("worker listening for partitions on " + properties.remote().brokerUrl() + " (queue "
                + properties.remote().queue() + "); stop with Ctrl-C or SIGTERM");
        awaitStop();
        return ExitCodes.OK;
    }
}
