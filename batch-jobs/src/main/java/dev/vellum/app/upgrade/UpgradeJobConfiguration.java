package dev.vellum.app.upgrade;

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
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.embedded.EmbeddedTsa;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
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
 * The {@code upgrade} job. Parameter {@code target}: {@code ERS} covers every item not yet covered
 * with an RFC 4998 evidence record, one TSA call per chunk, stored as the item's next version;
 * {@code LTA} extends every signed item's signatures to CAdES B-LTA through es-formats (one version
 * each). Unknown targets fail the job.
 */
@Configuration(proxyBeanMethods = false)
public class UpgradeJobConfiguration {
    public static final String JOB = "upgrade";
    public static final String TARGET = "target";

    @Bean
    Job upgradeJob(JobRepository jobRepository, Step upgradeStep, Step upgradeLtaStep, ArchiveIndex index,
                   ProgressBoard progress) {
        JobExecutionDecider byTarget = (execution, step) ->
                new FlowExecutionStatus(execution.getJobParameters().getString(TARGET, "LTA").toUpperCase(java.util.Locale.ROOT));
        return new JobBuilder(JOB, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        progress.start("upgrade", index.itemCount());
                    }
                })
                .start(byTarget)
                .on("ERS").to(upgradeStep)
                .from(byTarget).on("LTA").to(upgradeLtaStep)
                .from(byTarget).on("*").fail()
                .end()
                .build();
    }

    @Bean
    Step upgradeStep(JobRepository jobRepository, Step upgradePartitionStep, PartitionExecutor executor,
                     VellumProperties properties) {
        return partitioned("upgrade", upgradePartitionStep, jobRepository, executor, properties);
    }

    @Bean
    Step upgradeLtaStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        PartitionExecutor executor, ItemStreamReader<Item> upgradeItemReader, ArchiveIndex index,
                        BlobStore blobs, EventLog events, LtaExtension ltaExtension,
                        ObjectProvider<EmbeddedTsa> embeddedTsa, Clock clock, ProgressBoard progress,
                        VellumProperties properties) {
        Step worker = new StepBuilder("upgrade-lta-partition", jobRepository)
                .<Item, LtaCandidate>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(upgradeItemReader)
                .processor(new LtaUpgradeProcessor(index, blobs, ltaExtension))
                .writer(new LtaUpgradeWriter(index, events, blobs, clock, progress, () -> Evidence.earlierOfSunset(
                        embeddedTsa.getObject().certificateChain().get(0).getNotAfter().toInstant(), "SHA-256")))
                .faultTolerant()
                .skipPolicy(new ItemFailureSkipPolicy(properties.jobs().effectiveSkipLimit()))
                .skipListener(new ItemSkipQuarantine<LtaCandidate>("UPGRADE", index, events, clock,
                        new TransactionTemplate(transactionManager), LtaCandidate::item))
                .build();
        return partitioned("upgrade-lta", worker, jobRepository, executor, properties);
    }

    private static Step partitioned(String name, Step worker, JobRepository jobRepository, PartitionExecutor executor,
                                    VellumProperties properties) {
        int partitions = properties.jobs().effectivePartitions();
        return new StepBuilder(name, jobRepository)
                .partitioner(name + "-partition", new ModuloPartitioner(partitions))
                .step(worker)
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step upgradePartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              ItemStreamReader<Item> upgradeItemReader, ArchiveIndex index, BlobStore blobs,
                              EventLog events, ObjectProvider<EmbeddedTsa> embeddedTsa, Clock clock, ProgressBoard progress,
                              VellumProperties properties) {
        // The TSA is opened on first use only (it takes its own directory lock and may generate a key).
        TimestampSource tsa = (algorithm, digest) -> embeddedTsa.getObject().timestamp(algorithm, digest);
        return new StepBuilder("upgrade-partition", jobRepository)
                .<Item, ErsCandidate>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(upgradeItemReader)
                .processor(new ErsCandidateProcessor(index, blobs))
                .writer(new ErsUpgradeWriter(index, events, blobs, tsa, clock, progress))
                .faultTolerant()
                .skipPolicy(new ItemFailureSkipPolicy(properties.jobs().effectiveSkipLimit()))
                .skipListener(new ItemSkipQuarantine<ErsCandidate>("UPGRADE", index, events, clock,
                        new TransactionTemplate(transactionManager), ErsCandidate::item))
                .build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemStreamReader<Item> upgradeItemReader(ArchiveIndex index,
                                             @Value("#{stepExecutionContext['partition']}") Integer partition,
                                             @Value("#{stepExecutionContext['partitions']}") Integer partitions,
                                             VellumProperties properties) {
        return new ItemPartitionReader(index, partition, partitions, properties.jobs().chunkSize());
    }
}
