package dev.vellum.app.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts jobs so that a command can simply be run again: when the latest execution of the same job
 * with the same parameters failed, stopped or was left running by a crash (this process holds the
 * data-directory lock, so nothing else can be running it), that execution is restarted from its
 * last committed chunk; otherwise a new instance starts with the next run number.
 */
public final class JobRuns {
    static final String RUN = "run";

    private final JobOperator operator;
    private final JobRepository repository;

    public JobRuns(JobOperator operator, JobRepository repository) {
        this.operator = operator;
        this.repository = repository;
    }

    public JobRun run(Job job, Map<String, String> parameters) {
        JobInstance last = repository.getLastJobInstance(job.getName());
        try {
            if (last != null) {
                JobExecution previous = repository.getLastJobExecution(last);
                if (previous != null && sameParameters(previous.getJobParameters(), parameters)) {
                    if (previous.getStatus().isRunning()) {
                        previous = operator.recover(previous);
                    }
                    if (previous.getStatus() == BatchStatus.FAILED || previous.getStatus() == BatchStatus.STOPPED) {
                        JobExecution restarted = operator.start(job, previous.getJobParameters());
                        return describe(stored(restarted), true);
                    }
                }
            }
            long run = last == null ? 1 : Objects.requireNonNullElse(lastRunNumber(last), 0L) + 1;
            JobParameters fresh = withRun(parameters, run);
            return describe(stored(operator.start(job, fresh)), false);
        } catch (CapabilityUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new JobLaunchException("cannot start job " + job.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The execution as the repository has it: partitions run by remote workers are known to this process
     * only through the repository (their counters included).
     */
    private JobExecution stored(JobExecution execution) {
        JobExecution stored = repository.getJobExecution(execution.getId());
        if (stored == null) {
            return execution;
        }
        // Failure exceptions are not stored; keep this process's, which name the reason.
        execution.getAllFailureExceptions().stream().filter(t -> !stored.getAllFailureExceptions().contains(t))
                .forEach(stored::addFailureException);
        return stored;
    }

    private Long lastRunNumber(JobInstance instance) {
        JobExecution execution = repository.getLastJobExecution(instance);
        return execution == null ? null : execution.getJobParameters().getLong(RUN);
    }

    private static JobParameters withRun(Map<String, String> parameters, long run) {
        Set<JobParameter<?>> set = new LinkedHashSet<>();
        parameters.forEach((name, value) -> set.add(new JobParameter<>(name, value, String.class, true)));
        set.add(new JobParameter<>(RUN, run, Long.class, true));
        return new JobParameters(set);
    }

    private static boolean sameParameters(JobParameters previous, Map<String, String> requested) {
        int count = 0;
        for (JobParameter<?> parameter : previous.getIdentifyingParameters()) {
            if (parameter.name().equals(RUN)) {
                continue;
            }
            count++;
            if (!Objects.equals(String.valueOf(parameter.value()), requested.get(parameter.name()))) {
                return false;
            }
        }
        return count == requested.size();
    }

    public static JobRun describe(JobExecution execution, boolean restarted) {
        List<String> failures = new ArrayList<>();
        for (Throwable t : execution.getAllFailureExceptions()) {
            String message = rootMessage(t);
            // A partitioned step's own failure only says that a partition failed; the partition says why.
            if (!message.startsWith("Partition handler returned an unsuccessful step")) {
                failures.add(message);
            }
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED && failures.isEmpty()) {
                failures.add("step " + step.getStepName() + " failed: " + step.getExitStatus().getExitDescription());
            }
        }
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime();
        Duration duration = start == null || end == null ? Duration.ZERO : Duration.between(start, end);
        return new JobRun(execution.getJobInstance().getJobName(), execution.getId(), execution.getJobInstanceId(),
                execution.getStatus().name(), execution.getExitStatus().getExitCode(), restarted, duration,
                Tally.of(execution), failures.stream().distinct().toList());
    }

    /** Our own exceptions' messages name the item and the reason; otherwise the root cause says most. */
    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (true) {
            if (cause.getClass().getName().startsWith("dev.vellum.") && cause.getMessage() != null) {
                return cause.getMessage();
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            }
            cause = cause.getCause();
        }
    }
}
