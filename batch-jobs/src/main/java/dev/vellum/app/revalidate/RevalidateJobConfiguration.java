package dev.vellum.app.revalidate;

import java.time.Clock;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.jobs.ItemFailureSkipPolicy;
import dev.vellum.app.jobs.ItemPartitionReader;
import dev.vellum.app.jobs.ItemSkipQuarantine;
import dev.vellum.app.jobs.JobsConfiguration.PartitionExecutor;
import dev.vellum.app.jobs.ModuloPartitioner;
import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.remote.ManagerConfiguration;
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
import org.springframework.beans.factory.ObjectProvider;
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
    /** The name of the step that validates one partition of the items (a bean in remote workers). */
    public static final String WORKER_STEP = "revalidate-partition";

    @Bean
    Job revalidateJob(JobRepository jobRepository, Step revalidateStep, ArchiveIndex index, ProgressBoard progress,
                      Clock clock) {
        return new JobBuilder(JOB, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        ValidationTime.fix(execution, execution.getJobParameters().getString(AT, "now"), clock);
                        // Saved now, so that remote workers read the fixed time before any step runs.
                        jobRepository.updateExecutionContext(execution);
                        progress.start("revalidate", index.itemCount());
                    }
                })
                .start(revalidateStep)
                .build();
    }

    /**
     * The partitioned step: partitions run on this machine's threads, or — with
     * {@code vellum.remote.role=manager} — on remote workers that receive them over JMS.
     */
    @Bean
    Step revalidateStep(JobRepository jobRepository, PartitionExecutor executor, WorkerStepParts revalidateWorkerParts,
                        ObjectProvider<ManagerConfiguration.RemotePartitionSteps> remote, VellumProperties properties) {
        int partitions = properties.jobs().effectivePartitions();
        if (properties.remote().isManager()) {
            return remote.getObject().managerStep("revalidate", WORKER_STEP, partitions);
        }
        return new StepBuilder("revalidate", jobRepository)
                .partitioner(WORKER_STEP, new ModuloPartitioner(partitions))
                .step(revalidateWorkerParts.build(new StepBuilder(WORKER_STEP, jobRepository)))
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    WorkerStepParts revalidateWorkerParts(PlatformTransactionManager transactionManager,
                                          ItemStreamReader<Item> revalidateItemReader, ItemValidation validation,
                                          ArchiveIndex index, EventLog events, BlobStore blobs, Clock clock,
                                          ProgressBoard progress, VellumProperties properties) {
        return new WorkerStepParts("revalidate", transactionManager, revalidateItemReader, validation, false, index,
                events, blobs, clock, progress, properties);
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
        Step worker = new WorkerStepParts(name, transactionManager, reader, validation, first, index, events, blobs, clock,
                progress, properties).build(new StepBuilder(name + "-partition", jobRepository));
        int partitions = properties.jobs().effectivePartitions();
        return new StepBuilder(name, jobRepository)
                .partitioner(name + "-partition", new ModuloPartitioner(partitions))
                .step(worker)
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    /**
     * What validates one partition: reader, validation, writer, skip-and-quarantine. Built into a local
     * step or, in a remote worker, into the step its {@code RemotePartitioningWorkerStepBuilder} makes.
     */
    public static final class WorkerStepParts {
        private final String name;
        private final PlatformTransactionManager transactionManager;
        private final ItemStreamReader<Item> reader;
        private final ItemValidation validation;
        private final boolean first;
        private final ArchiveIndex index;
        private final EventLog events;
        private final BlobStore blobs;
        private final Clock clock;
        private final ProgressBoard progress;
        private final VellumProperties properties;

        WorkerStepParts(String name, PlatformTransactionManager transactionManager, ItemStreamReader<Item> reader,
                        ItemValidation validation, boolean first, ArchiveIndex index, EventLog events, BlobStore blobs,
                        Clock clock, ProgressBoard progress, VellumProperties properties) {
            this.name = name;
            this.transactionManager = transactionManager;
            this.reader = reader;
            this.validation = validation;
            this.first = first;
            this.index = index;
            this.events = events;
            this.blobs = blobs;
            this.clock = clock;
            this.progress = progress;
            this.properties = properties;
        }

        public Step build(StepBuilder builder) {
            return builder
                    .<Item, ItemVerdict>chunk(properties.jobs().chunkSize())
                    .transactionManager(transactionManager)
                    .reader(reader)
                    .processor(item -> validation.validate(item, ValidationTime.current(), first))
                    .writer(new ValidationWriter(index, events, blobs, clock, progress, ValidationTime::current))
                    .faultTolerant()
                    .skipPolicy(new ItemFailureSkipPolicy(properties.jobs().effectiveSkipLimit()))
                    .skipListener(new ItemSkipQuarantine<ItemVerdict>(name.toUpperCase(java.util.Locale.ROOT), index,
                            events, clock, new TransactionTemplate(transactionManager), ItemVerdict::item))
                    .build();
        }
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
