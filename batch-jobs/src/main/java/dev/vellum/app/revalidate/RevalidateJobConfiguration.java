package dev.vellum.app.revalidate;

import java.time.Clock;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.jobs.ItemFailureSkipPolicy;
import dev.vellum.app.jobs.ItemPartitionReader;
import dev.vellum.app.jobs.ItemSkipQuarantine;
import dev.vellum.app.jobs.JobsConfiguration.PartitionExecutor;
import dev.vellum.app.jobs.ModuloPartitioner;
import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.Item;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code revalidate} job: every item validated offline from the archive as of {@code at}
 * (ISO-8601, or {@code now}), each run stored with the change from the previous one. Also the
 * first-validation step the ingest job runs after storing ({@link #firstValidationStep}).
 */
@Configuration(proxyBeanMethods = false)
public class RevalidateJobConfiguration {
    public static final String JOB = "revalidate";
    public static final String AT = "at";

    @Bean
    Job revalidateJob(JobRepository jobRepository, Step revalidateStep, ArchiveIndex index, ProgressBoard progress,
                      Clock clock) {
        return new JobBuilder(JOB, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        ValidationTime.fix(execution, execution.getJobParameters().getString(AT, "now"), clock);
                        progress.start("revalidate", index.itemCount());
                    }
                })
                .start(revalidateStep)
                .build();
    }

    @Bean
    Step revalidateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        PartitionExecutor executor, ItemStreamReader<Item> revalidateItemReader,
                        ItemValidation validation, ArchiveIndex index, EventLog events, BlobStore blobs, Clock clock,
                        ProgressBoard progress, VellumProperties properties) {
        return partitioned("revalidate", jobRepository, transactionManager, executor, revalidateItemReader,
                validation, false, index, events, blobs, clock, progress, properties);
    }

    /** The ingest job's second step: validates, with fresh revocation data where configured, what is not validated yet. */
    @Bean
    Step firstValidationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             PartitionExecutor executor, ItemStreamReader<Item> firstValidationItemReader,
                             ItemValidation validation, ArchiveIndex index, EventLog events, BlobStore blobs,
                             Clock clock, ProgressBoard progress, VellumProperties properties) {
        return partitioned("first-validation", jobRepository, transactionManager, executor, firstValidationItemReader,
                validation, true, index, events, blobs, clock, progress, properties);
    }

    private static Step partitioned(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    PartitionExecutor executor, ItemStreamReader<Item> reader, ItemValidation validation,
                                    boolean first, ArchiveIndex index, EventLog events, BlobStore blobs, Clock clock,
                                    ProgressBoard progress, VellumProperties properties) {
        Step worker = new StepBuilder(name + "-partition", jobRepository)
                .<Item, ItemVerdict>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(item -> validation.validate(item, ValidationTime.current(), first))
                .writer(new ValidationWriter(index, events, blobs, clock, progress, ValidationTime::current))
                .faultTolerant()
                .skipPolicy(new ItemFailureSkipPolicy(properties.jobs().effectiveSkipLimit()))
                .skipListener(new ItemSkipQuarantine<ItemVerdict>(name.toUpperCase(java.util.Locale.ROOT), index, events,
                        clock, new TransactionTemplate(transactionManager), ItemVerdict::item))
                .build();
        int partitions = properties.jobs().effectivePartitions();
        return new StepBuilder(name, jobRepository)
                .partitioner(name + "-partition", new ModuloPartitioner(partitions))
                .step(worker)
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemStreamReader<Item> revalidateItemReader(ArchiveIndex index,
                                                @Value("#{stepExecutionContext['partition']}") Integer partition,
                                                @Value("#{stepExecutionContext['partitions']}") Integer partitions,
                                                VellumProperties properties) {
        return new ItemPartitionReader(index, partition, partitions, properties.jobs().chunkSize());
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemStreamReader<Item> firstValidationItemReader(ArchiveIndex index,
                                                     @Value("#{stepExecutionContext['partition']}") Integer partition,
                                                     @Value("#{stepExecutionContext['partitions']}") Integer partitions,
                                                     VellumProperties properties) {
        return new ItemPartitionReader(index, partition, partitions, properties.jobs().chunkSize(), true);
    }
}
