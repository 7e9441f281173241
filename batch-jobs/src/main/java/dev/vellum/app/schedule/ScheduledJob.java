package dev.vellum.app.schedule;

import java.time.ZonedDateTime;
import java.util.Map;

import org.springframework.scheduling.support.CronExpression;

/** One job on a cron schedule, with the parameters it runs with. */
public record ScheduledJob(String jobName, CronExpression cron, Map<String, String> parameters) {
    public ZonedDateTime nextAfter(ZonedDateTime time) {
        return cron.next(time);
    }
}
