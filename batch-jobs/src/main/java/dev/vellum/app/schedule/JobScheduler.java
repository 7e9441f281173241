package dev.vellum.app.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs scheduled jobs one after the other, each at its next cron time, until stopped or until
 * {@code maxRuns} runs are done. Jobs never overlap: a job due while another runs starts after it.
 * A job's failure is reported and the schedule goes on (the next run resumes the failed one).
 */
public final class JobScheduler {
    /** How the scheduler waits; tests replace it to skip the wait. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final List<ScheduledJob> jobs;
    private final Clock clock;
    private final Sleeper sleeper;
    private volatile boolean stopped;

    public JobScheduler(List<ScheduledJob> jobs, Clock clock, Sleeper sleeper) {
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("no job is scheduled");
        }
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The next job due after {@code time}, with its time. */
    public Due next(ZonedDateTime time) {
        Map<ScheduledJob, ZonedDateTime> cursors = new LinkedHashMap<>();
        jobs.forEach(job -> cursors.put(job, time));
        return next(cursors);
    }

    /** The job due first, each job counted from its own cursor; on a tie, the one configured first. */
    private static Due next(Map<ScheduledJob, ZonedDateTime> cursors) {
        return cursors.entrySet().stream()
                .map(e -> new Due(e.getKey(), e.getKey().nextAfter(e.getValue())))
                .filter(due -> due.at() != null)
                .min(Comparator.comparing(Due::at))
                .orElseThrow(() -> new IllegalStateException("no schedule ever fires again"));
    }

    /**
     * Runs until {@link #stop()} or until {@code maxRuns} jobs have run (0 = no limit). Each job keeps its
     * own cursor, so jobs due at the same time all run, one after the other; the times a job missed while
     * it or another job ran are caught up by one run, not by one run each.
     */
    public int run(int maxRuns, BiConsumer<ScheduledJob, ZonedDateTime> runner) {
        int runs = 0;
        ZonedDateTime start = ZonedDateTime.now(clock);
        Map<ScheduledJob, ZonedDateTime> cursors = new LinkedHashMap<>();
        jobs.forEach(job -> cursors.put(job, start));
        while (!stopped && (maxRuns <= 0 || runs < maxRuns)) {
            Due due = next(cursors);
            Duration wait = Duration.between(ZonedDateTime.now(clock), due.at());
            try {
                if (!wait.isNegative()) {
                    sleeper.sleep(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (stopped) {
                break;
            }
            runner.accept(due.job(), due.at());
            runs++;
            ZonedDateTime finished = ZonedDateTime.now(clock);
            cursors.put(due.job(), finished.isAfter(due.at()) ? finished : due.at());
        }
        return runs;
    }

    public void stop() {
        stopped = true;
    }

    public record Due(ScheduledJob job, ZonedDateTime at) {
    }
}
