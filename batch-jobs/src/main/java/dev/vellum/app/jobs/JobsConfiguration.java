package dev.vellum.app.jobs;

import dev.vellum.app.context.VellumProperties;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/** What every job shares: the launcher with restart logic, the progress board, the partition threads. */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    @Bean
    JobRuns jobRuns(JobOperator jobOperator, JobRepository jobRepository) {
        return new JobRuns(jobOperator, jobRepository);
    }

    @Bean
    JobHistory jobHistory(JobRepository jobRepository) {
        return new JobHistory(jobRepository);
    }

    @Bean
    ProgressBoard progressBoard() {
        return new ProgressBoard();
    }

    /** Runs partitions of one step in parallel, one thread per partition, bounded by the partition count. */
    @Bean
    PartitionExecutor partitionExecutor(VellumProperties properties) {
        return new PartitionExecutor(properties.jobs().effectivePartitions());
    }

    /** A named type so jobs ask for the partition executor, not just any {@code TaskExecutor}. */
    public static final class PartitionExecutor extends SimpleAsyncTaskExecutor {
        private static final long serialVersionUID = 1L;

        PartitionExecutor(int concurrency) {
            super("vellum-partition-");
            setConcurrencyLimit(concurrency);
        }
    }
}
