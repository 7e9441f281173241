package dev.vellum.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class JobSchedulerTest {
    /** A clock the fake sleeper moves forward, so a day of schedules passes instantly. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void runsEachJobAtItsCronTimesInOrderWithoutOverlap() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:30:00Z"));
        List<ScheduledJob> jobs = List.of(
                new ScheduledJob("ingest", CronExpression.parse("0 0 * * * *"), Map.of()),
                new ScheduledJob("renew", CronExpression.parse("0 15 2 * * *"), Map.of()));
        List<String> runs = new ArrayList<>();
        JobScheduler scheduler = new JobScheduler(jobs, clock, (Duration d) -> clock.now = clock.now.plus(d));
        int count = scheduler.run(5, (job, at) -> runs.add(job.jobName() + "@" + at.toLocalTime()));
        assertThat(count).isEqualTo(5);
        assertThat(runs).containsExactly("ingest@01:00", "ingest@02:00", "renew@02:15", "ingest@03:00", "ingest@04:00");
        assertThat(scheduler.next(ZonedDateTime.parse("2030-01-01T02:10:00Z")).job().jobName()).isEqualTo("renew");
    }

    @Test
    void jobsDueAtTheSameTimeAllRunOneAfterTheOther() {
        // The documented set-up: ingest every 15 minutes, the report on Mondays at 06:00 — both due at 06:00.
        MovableClock clock = new MovableClock(Instant.parse("2030-01-07T05:50:00Z")); // a Monday
        List<ScheduledJob> jobs = List.of(
                new ScheduledJob("ingest", CronExpression.parse("0 */15 * * * *"), Map.of()),
                new ScheduledJob("report", CronExpression.parse("0 0 6 * * MON"), Map.of()));
        List<String> runs = new ArrayList<>();
        JobScheduler scheduler = new JobScheduler(jobs, clock, (Duration d) -> clock.now = clock.now.plus(d));
        scheduler.run(4, (job, at) -> {
            runs.add(job.jobName() + "@" + at.toLocalTime());
            clock.now = clock.now.plusSeconds(20); // every job takes a while
        });
        assertThat(runs).containsExactly("ingest@06:00", "report@06:00", "ingest@06:15",
                "ingest@06:30");
    }

    @Test
    void runsMissedDuringALongJobAreCaughtUpOnce() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:50:00Z"));
        List<ScheduledJob> jobs = List.of(
                new ScheduledJob("revalidate", CronExpression.parse("0 0 1 * * *"), Map.of()),
                new ScheduledJob("ingest", CronExpression.parse("0 */15 * * * *"), Map.of()));
        List<String> runs = new ArrayList<>();
        JobScheduler scheduler = new JobScheduler(jobs, clock, (Duration d) -> clock.now = clock.now.plus(d));
        scheduler.run(4, (job, at) -> {
            runs.add(job.jobName() + "@" + at.toLocalTime() + " started " + clock.now.toString().substring(11, 16));
            clock.now = clock.now.plus(job.jobName().equals("revalidate") ? Duration.ofHours(2) : Duration.ofMinutes(1));
        });
        // revalidate 01:00-03:00 hides seven ingest times: one catch-up run at 03:00, then the schedule again
        assertThat(runs).containsExactly("revalidate@01:00 started 01:00", "ingest@01:00 started 03:00",
                "ingest@03:15 started 03:15", "ingest@03:30 started 03:30");
    }
}
