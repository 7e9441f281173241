package dev.vellum.app.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.ingest.input.InputScanner;
import dev.vellum.app.ingest.input.PartitionInputReader;
import dev.vellum.app.ingest.input.RawMessage;
import dev.vellum.app.ingest.inspect.InspectionLimits;
import dev.vellum.app.ingest.inspect.MessageInspector;
import dev.vellum.app.jobs.ItemFailureSkipPolicy;
import dev.vellum.app.jobs.JobsConfiguration.PartitionExecutor;
import dev.vellum.app.jobs.ModuloPartitioner;
import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.EventLog;

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
 * The {@code ingest} job: input files are split across partitions that run in parallel; each
 * partition reads messages, inspects and stores them (processor), and indexes them with their
 * events (writer) chunk by chunk; then every item not validated yet gets its first validation
 * ({@code RevalidateJobConfiguration#firstValidationStep}). Parameter {@code sources}: the input
 * paths, one per line.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {
    public static final String JOB = "ingest";
    public static final String SOURCES = "sources";
    private static final String PARTITION = ModuloPartitioner.PARTITION;
    private static final String PARTITIONS = ModuloPartitioner.PARTITIONS;

    @Bean
    Job ingestJob(JobRepository jobRepository, Step ingestStep, Step firstValidationStep, ProgressBoard progress,
                  Clock clock) {
        return new JobBuilder(JOB, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        int units = new InputScanner().scan(sources(execution.getJobParameters().getString(SOURCES)))
                                .units().size();
                        progress.start("ingest", units);
                        dev.vellum.app.revalidate.ValidationTime.fix(execution, "now", clock);
                    }
                })
                .start(ingestStep)
                .next(firstValidationStep)
                .build();
    }

    @Bean
    Step ingestStep(JobRepository jobRepository, Step ingestPartitionStep, PartitionExecutor partitionExecutor,
                    VellumProperties properties) {
        int partitions = properties.jobs().effectivePartitions();
        return new StepBuilder("ingest", jobRepository)
                .partitioner("ingest-partition", new ModuloPartitioner(partitions))
                .step(ingestPartitionStep)
                .gridSize(partitions)
                .taskExecutor(partitionExecutor)
                .build();
    }

    @Bean
    Step ingestPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             ItemStreamReader<RawMessage> ingestReader, IngestProcessor ingestProcessor,
                             IngestWriter ingestWriter, IngestSkipListener ingestSkipListener,
                             VellumProperties properties) {
        return new StepBuilder("ingest-partition", jobRepository)
                .<RawMessage, IngestOutcome>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(ingestReader)
                .processor(ingestProcessor)
                .writer(ingestWriter)
                .faultTolerant()
                .skipPolicy(new ItemFailureSkipPolicy(properties.jobs().effectiveSkipLimit()))
                .skipListener(ingestSkipListener)
                .build();
    }

    /** One reader per partition step execution; it finds its share of the inputs from the partition keys. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemStreamReader<RawMessage> ingestReader(@Value("#{jobParameters['" + SOURCES + "']}") String sources,
                                              @Value("#{stepExecutionContext['" + PARTITION + "']}") Integer partition,
                                              @Value("#{stepExecutionContext['" + PARTITIONS + "']}") Integer partitions,
                                              VellumProperties properties) {
        return new PartitionInputReader(sources(sources), partition, partitions, properties.ingest().maxItemBytes());
    }

    @Bean
    IngestProcessor ingestProcessor(BlobStore blobs, VellumProperties properties) {
        VellumProperties.Ingest ingest = properties.ingest();
        InspectionLimits limits = new InspectionLimits(ingest.maxMimeDepth(), ingest.maxMimeParts(), ingest.maxHeaderBytes());
        return new IngestProcessor(new MessageInspector(limits), blobs, ingest.maxItemBytes());
    }

    @Bean
    IngestWriter ingestWriter(ArchiveIndex index, EventLog events, Clock clock, ProgressBoard progress) {
        return new IngestWriter(index, events, clock, progress);
    }

    @Bean
    IngestSkipListener ingestSkipListener(ArchiveIndex index, EventLog events, BlobStore blobs, Clock clock,
                                          PlatformTransactionManager transactionManager) {
        return new IngestSkipListener(index, events, blobs, clock, new TransactionTemplate(transactionManager));
    }

    /** The job parameter holding the input paths. */
    public static String sourcesParameter(List<Path> paths) {
        return String.join("\n", paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
    }

    static List<Path> sources(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(parameter.split("\n")).map(Path::of).toList();
    }
}
