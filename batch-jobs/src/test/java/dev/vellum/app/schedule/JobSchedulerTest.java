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
}
