package dev.vellum.app.upgrade;

import java.time.Clock;
import java.util.Optional;

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
import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.tsa.ArchiveTsa;
import dev.vellum.formats.create.CadesSigner;

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
 * each), after putting the archive seal on them when {@code vellum.upgrade.seal=true}. Unknown targets
 * fail the job. Parameter {@code embed} ({@code true|false}, default {@code vellum.upgrade.ers.embed}):
 * with ERS, also store every signed item with a record embedded in its first signature (ETSI TS 119
 * 122-3), made by the same time-stamp as the archive-level records. Time-stamps come from the configured {@link ArchiveTsa}; when no TSA answers the job
 * fails with each TSA's reason and the items wait for the next run.
 */
@Configuration(proxyBeanMethods = false)
public class UpgradeJobConfiguration {
    public static final String JOB = "upgrade";
    public static final String TARGET = "target";
    public static final String EMBED = "embed";

    @Bean
    Job upgradeJob(JobRepository jobRepository, Step upgradeStep, Step upgradeLtaStep, ArchiveIndex index,
                   ProgressBoard progress, VellumProperties properties) {
        JobExecutionDecider byTarget = (execution, step) ->
                new FlowExecutionStatus(execution.getJobParameters().getString(TARGET, "LTA").toUpperCase(java.util.Locale.ROOT));
        return new JobBuilder(JOB, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        if (properties.upgrade().seal() && !"LTA".equalsIgnoreCase(
                                execution.getJobParameters().getString(TARGET, "LTA"))) {
                            throw new ArchiveUnavailableException("vellum.upgrade.seal=true: the archive seal is put on "
                                    + "signatures extended to LTA; an ERS upgrade does not seal (set the target to LTA or "
                                    + "vellum.upgrade.seal=false)");
                        }
                        if (Boolean.parseBoolean(execution.getJobParameters().getString(EMBED, "false"))
                                && !"ERS".equalsIgnoreCase(execution.getJobParameters().getString(TARGET, "LTA"))) {
                            throw new ArchiveUnavailableException("embedding an evidence record in the signature is part of"
                                    + " the ERS upgrade; set the target to ERS or leave embedding off");
                        }
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
                        BlobStore blobs, EventLog events, LtaExtension ltaExtension, Clock clock,
                        ProgressBoard progress, VellumProperties properties) {
        Optional<CadesSigner> seal = properties.upgrade().seal()
                ? Optional.of(ArchiveSeal.signer(properties.seal(), clock)) : Optional.empty();
        Step worker = new StepBuilder("upgrade-lta-partition", jobRepository)
                .<Item, LtaCandidate>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(upgradeItemReader)
                .processor(new LtaUpgradeProcessor(index, blobs, ltaExtension, seal))
                .writer(new LtaUpgradeWriter(index, events, blobs, clock, progress))
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
                              EventLog events, ArchiveTsa tsa, Clock clock, ProgressBoard progress,
                              VellumProperties properties) {
        return new StepBuilder("upgrade-partition", jobRepository)
                .<Item, ErsCandidate>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(upgradeItemReader)
                .processor(new ErsCandidateProcessor(index, blobs, properties.upgrade().ers().embed()))
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
