package dev.vellum.app.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Reads past job executions from the job repository, in the archive's own terms. */
public final class JobHistory {
    private final JobRepository repository;

    public JobHistory(JobRepository repository) {
        this.repository = repository;
    }

    /** The most recent executions of every job, newest first. */
    public List<JobRun> recent(int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String name : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(name, 0, limit)) {
                executions.addAll(repository.getJobExecutions(instance));
            }
        }
        return executions.stream()
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
                .limit(limit)
                .map(e -> JobRuns.describe(repository.getJobExecution(e.getId()), false))
                .toList();
    }

    /** Every execution id of a job instance (a resumed run has several). */
    public Set<Long> executionIds(long instanceId) {
        return repository.getJobExecutions(repository.getJobInstance(instanceId)).stream()
                .map(JobExecution::getId).collect(Collectors.toSet());
    }
}
