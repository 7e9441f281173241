package dev.vellum.app.renew;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

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
import dev.vellum.app.tsa.ArchiveTsa;
import dev.vellum.app.upgrade.LtaExtension;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code renew} job: every item whose evidence stops protecting it before now + {@code horizon}
 * (ISO-8601 period) gets its newest evidence renewed: an evidence record by time-stamp renewal (one
 * TSA call per chunk), a CAdES LTA by one more archive time-stamp. The due date
 * is fixed when the run starts, so a resumed run renews the same set.
 */
@Configuration(proxyBeanMethods = false)
public class RenewJobConfiguration {
    public static final String JOB = "renew";
    public static final String HORIZON = "horizon";
    private static final String DUE_BEFORE = "vellum.renew.dueBefore";

    @Bean
    Job renewJob(JobRepository jobRepository, Step renewStep, ProgressBoard progress, Clock clock) {
        return new JobBuilder(JOB, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        var context = execution.getExecutionContext();
                        if (!context.containsKey(DUE_BEFORE)) {
                            Period horizon = Period.parse(execution.getJobParameters().getString(HORIZON, "P1Y"));
                            context.putString(DUE_BEFORE,
                                    clock.instant().atOffset(ZoneOffset.UTC).plus(horizon).toInstant().toString());
                        }
                        progress.start("renew", -1);
                    }
                })
                .start(renewStep)
                .build();
    }

    @Bean
    Step renewStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PartitionExecutor executor,
                   ItemStreamReader<Item> renewItemReader, ArchiveIndex index, BlobStore blobs, EventLog events,
                   ArchiveTsa tsa, LtaExtension ltaExtension, Clock clock, ProgressBoard progress,
                   VellumProperties properties) {
        ItemProcessor<Item, RenewalCandidate> candidates = new RenewalProcessor(index, blobs, ltaExtension, tsa);
        Step worker = new StepBuilder("renew-partition", jobRepository)
                .<Item, RenewalCandidate>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(renewItemReader)
                .processor(candidates)
                .writer(new RenewalWriter(index, events, blobs, tsa, clock, progress))
                .faultTolerant()
                .skipPolicy(new ItemFailureSkipPolicy(properties.jobs().effectiveSkipLimit()))
                .skipListener(new ItemSkipQuarantine<RenewalCandidate>("RENEW", index, events, clock,
                        new TransactionTemplate(transactionManager), RenewalCandidate::item))
                .build();
        int partitions = properties.jobs().effectivePartitions();
        return new StepBuilder("renew", jobRepository)
                .partitioner("renew-partition", new ModuloPartitioner(partitions))
                .step(worker)
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemStreamReader<Item> renewItemReader(ArchiveIndex index,
                                           @Value("#{jobExecutionContext['" + DUE_BEFORE + "']}") String dueBefore,
                                           @Value("#{stepExecutionContext['partition']}") Integer partition,
                                           @Value("#{stepExecutionContext['partitions']}") Integer partitions,
                                           VellumProperties properties) {
        Instant until = Instant.parse(dueBefore);
        return new ItemPartitionReader((after, p, n, limit) -> index.itemsDueInPartition(until, after, p, n, limit),
                partition, partitions, properties.jobs().chunkSize());
    }
}
