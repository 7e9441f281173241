package dev.vellum.app.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.renew.RenewJobConfiguration;
import dev.vellum.app.report.ReportJobConfiguration;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;

import org.springframework.scheduling.support.CronExpression;

/** Builds the schedule of {@code vellum serve} from {@code vellum.schedule.*}. */
public final class Schedules {
    private Schedules() {
    }

    /**
     * The scheduled jobs. A schedule for a job whose library capability is missing fails here,
     * loudly, rather than firing a job that can only fail.
     */
    public static List<ScheduledJob> from(VellumProperties properties) {
        VellumProperties.Schedule schedule = properties.schedule();
        List<ScheduledJob> jobs = new ArrayList<>();
        if (!schedule.ingest().isBlank()) {
            if (schedule.ingestPaths().isEmpty()) {
                throw new IllegalArgumentException("vellum.schedule.ingest is set but vellum.schedule.ingest-paths is empty");
            }
            jobs.add(new ScheduledJob(IngestJobConfiguration.JOB, cron("ingest", schedule.ingest()),
                    Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(schedule.ingestPaths()))));
        }
        if (!schedule.upgrade().isBlank()) {
            String target = properties.upgrade().target().toUpperCase(java.util.Locale.ROOT);
            (target.equals("ERS") ? Capability.EVIDENCE_RECORDS : Capability.CADES_EXTENSION).require();
            jobs.add(new ScheduledJob(UpgradeJobConfiguration.JOB, cron("upgrade", schedule.upgrade()),
                    Map.of(UpgradeJobConfiguration.TARGET, target)));
        }
        if (!schedule.revalidate().isBlank()) {
            jobs.add(new ScheduledJob(RevalidateJobConfiguration.JOB, cron("revalidate", schedule.revalidate()),
                    Map.of(RevalidateJobConfiguration.AT, "now")));
        }
        if (!schedule.renew().isBlank()) {
            jobs.add(new ScheduledJob(RenewJobConfiguration.JOB, cron("renew", schedule.renew()),
                    Map.of(RenewJobConfiguration.HORIZON, properties.renew().horizon().toString())));
        }
        if (!schedule.report().isBlank()) {
            Path dir = schedule.reportDir().isBlank() ? properties.dataDir().resolve("reports") : Path.of(schedule.reportDir());
            jobs.add(new ScheduledJob(ReportJobConfiguration.JOB, cron("report", schedule.report()),
                    Map.of(ReportJobConfiguration.OUT, dir.toAbsolutePath().normalize().toString())));
        }
        return jobs;
    }

    private static CronExpression cron(String job, String expression) {
        try {
            return CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vellum.schedule." + job + " is not a cron expression ('" + expression
                    + "'; six fields: second minute hour day month weekday): " + e.getMessage(), e);
        }
    }
}
