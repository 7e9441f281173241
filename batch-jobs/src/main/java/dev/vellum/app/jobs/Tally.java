package dev.vellum.app.jobs;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Per-run counters ("archived", "quarantined", ...) kept in each step's execution context, which
 * Spring Batch saves with every committed chunk, so a restarted run still reports its full totals.
 */
public final class Tally {
    private static final String PREFIX = "tally.";

    private Tally() {
    }

    public static void add(StepExecution step, String counter, long amount) {
        if (amount == 0) {
            return;
        }
        ExecutionContext context = step.getExecutionContext();
        synchronized (context) {
            context.putLong(PREFIX + counter, context.getLong(PREFIX + counter, 0L) + amount);
        }
    }

    /** The counters of every step of a job execution, summed (partition steps included). */
    public static Map<String, Long> of(JobExecution execution) {
        Map<String, Long> totals = new TreeMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            for (Map.Entry<String, Object> entry : step.getExecutionContext().entrySet()) {
                if (entry.getKey().startsWith(PREFIX) && entry.getValue() instanceof Number n) {
                    totals.merge(entry.getKey().substring(PREFIX.length()), n.longValue(), Long::sum);
                }
            }
        }
        return totals;
    }
}
