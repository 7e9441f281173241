package dev.vellum.app.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one job command.
 *
 * @param restarted true when this run resumed a failed or crashed execution of the same job and parameters
 * @param failures  what went wrong, from the job's exceptions (empty when it completed)
 */
public record JobRun(String jobName, long executionId, long instanceId, String status, String exitCode,
                     boolean restarted, Duration duration, Map<String, Long> tally, List<String> failures) {
    public JobRun {
        tally = Map.copyOf(tally);
        failures = List.copyOf(failures);
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    public long count(String counter) {
        return tally.getOrDefault(counter, 0L);
    }
}
