package dev.vellum.app.revalidate;

import java.time.Clock;
import java.time.Instant;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The validation time of a job run, fixed once in the job's execution context when the run starts,
 * so that a resumed run validates its remaining items as of the same time as the first part.
 */
public final class ValidationTime {
    static final String KEY = "vellum.validationTime";

    private ValidationTime() {
    }

    /** Fixes the time for this execution unless an earlier execution of the same run already did. */
    public static void fix(JobExecution execution, String requested, Clock clock) {
        ExecutionContext context = execution.getExecutionContext();
        if (!context.containsKey(KEY)) {
            Instant at = requested == null || requested.equals("now") ? clock.instant() : Instant.parse(requested);
            context.putString(KEY, at.toString());
        }
    }

    /** The fixed time of the job running in this thread. */
    public static Instant current() {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            throw new IllegalStateException("no step is running in this thread");
        }
        return Instant.parse(context.getStepExecution().getJobExecution().getExecutionContext().getString(KEY));
    }
}
