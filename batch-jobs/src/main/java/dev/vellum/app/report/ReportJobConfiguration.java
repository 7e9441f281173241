package dev.vellum.app.report;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.jobs.ItemPartitionReader;
import dev.vellum.app.jobs.JobsConfiguration.PartitionExecutor;
import dev.vellum.app.jobs.ModuloPartitioner;
import dev.vellum.app.jobs.ProgressBoard;
import dev.vellum.app.jobs.Tally;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.Item;
import dev.vellum.reports.etsi.EtsiValidationReportWriter;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.pdf.PdfReportWriter;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code report} job: per item, written by partitions in parallel, then the batch report. Files
 * are replaced atomically, so rerunning it simply refreshes them. Parameters: {@code out} (the
 * report directory) and {@code format}: {@code json} (the item dossier: index row, versions, runs,
 * events; batch JSON), {@code pdf} (the item's evidence report from its latest run; batch PDF and
 * batch JSON) or {@code xml} (the item's ETSI TS 119 102-2 validation report; batch JSON).
 */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {
    public static final String JOB = "report";
    public static final String OUT = "out";
    public static final String FORMAT = "format";
    public static final String BATCH_FILE = "batch-report.json";
    public static final String BATCH_PDF = "batch-report.pdf";

    @Bean
    Job reportJob(JobRepository jobRepository, Step reportItemsStep, Step reportBatchStep) {
        return new JobBuilder(JOB, jobRepository).start(reportItemsStep).next(reportBatchStep).build();
    }

    @Bean
    Step reportItemsStep(JobRepository jobRepository, Step reportItemsPartitionStep, PartitionExecutor executor,
                         VellumProperties properties) {
        int partitions = properties.jobs().effectivePartitions();
        return new StepBuilder("report-items", jobRepository)
                .partitioner("report-items-partition", new ModuloPartitioner(partitions))
                .step(reportItemsPartitionStep)
                .gridSize(partitions)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step reportItemsPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  ItemStreamReader<Item> reportItemReader, ArchiveIndex index, EventLog events,
                                  ItemWriter<ItemDossier> reportItemWriter, VellumProperties properties,
                                  ProgressBoard progress) {
        ItemProcessor<Item, ItemDossier> assemble = item -> new ItemDossier(1, item, index.sources(item.id()),
                index.versions(item.id()), index.validationRuns(item.id()), events.forItem(item.id()));
        return new StepBuilder("report-items-partition", jobRepository)
                .<Item, ItemDossier>chunk(properties.jobs().chunkSize())
                .transactionManager(transactionManager)
                .reader(reportItemReader)
                .processor(assemble)
                .writer(reportItemWriter)
                .build();
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemStreamReader<Item> reportItemReader(ArchiveIndex index,
                                            @Value("#{stepExecutionContext['partition']}") Integer partition,
                                            @Value("#{stepExecutionContext['partitions']}") Integer partitions,
                                            VellumProperties properties) {
        return new ItemPartitionReader(index, partition, partitions, properties.jobs().chunkSize());
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.INTERFACES)
    ItemWriter<ItemDossier> reportItemWriter(@Value("#{jobParameters['" + OUT + "']}") String out,
                                             @Value("#{jobParameters['" + FORMAT + "']}") String format,
                                             ArchiveIndex index, BlobStore blobs, Clock clock, ProgressBoard progress) {
        Path items = Path.of(out).resolve("items");
        String chosen = format == null ? "json" : format;
        ArchiveReports reports = new ArchiveReports(index, blobs);
        return chunk -> {
            int written = 0;
            int notValidated = 0;
            for (ItemDossier dossier : chunk) {
                Item item = dossier.item();
                if (chosen.equals("json")) {
                    DossierFiles.writeJson(items.resolve("item-" + item.id() + ".json"), dossier);
                    written++;
                    continue;
                }
                Optional<ItemReport> report = reports.item(item);
                if (report.isEmpty()) {
                    notValidated++;
                    continue;
                }
                byte[] bytes = chosen.equals("pdf") ? new PdfReportWriter(clock).item(report.get())
                        : new EtsiValidationReportWriter().write(report.get().validation());
                DossierFiles.write(items.resolve("item-" + item.id() + "." + chosen), bytes);
                written++;
            }
            var step = StepSynchronizationManager.getContext().getStepExecution();
            Tally.add(step, "itemReports", written);
            if (notValidated > 0) {
                Tally.add(step, "notValidated", notValidated);
            }
            progress.advance(chunk.size());
        };
    }

    @Bean
    Step reportBatchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         ArchiveIndex index, BlobStore blobs, VellumProperties properties, Clock clock) {
        return new StepBuilder("report-batch", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
                    String out = parameters.getString(OUT);
                    DossierFiles.writeJson(Path.of(out).resolve(BATCH_FILE), batchReport(index, clock));
                    Tally.add(contribution.getStepExecution(), "batchReports", 1);
                    if ("pdf".equals(parameters.getString(FORMAT))) {
                        var overview = new ArchiveReports(index, blobs).overview("Vellum archive " + properties.dataDir()
                                .toAbsolutePath().normalize(), clock);
                        DossierFiles.write(Path.of(out).resolve(BATCH_PDF), new PdfReportWriter(clock).batch(overview));
                        Tally.add(contribution.getStepExecution(), "batchReports", 1);
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    static BatchReport batchReport(ArchiveIndex index, Clock clock) {
        List<Item> all = index.items(null, 0, Integer.MAX_VALUE);
        List<Item> attention = all.stream()
                .filter(i -> !"TOTAL_PASSED".equals(i.indication()))
                .sorted(Comparator.comparing((Item i) -> attentionRank(i.indication())).thenComparing(Item::id))
                .toList();
        List<BatchReport.RenewalDue> renewals = all.stream()
                .filter(i -> i.evidenceUntil() != null)
                .sorted(Comparator.comparing(Item::evidenceUntil))
                .map(i -> new BatchReport.RenewalDue(i.id(), i.evidenceUntil()))
                .toList();
        List<String> unavailable = new ArrayList<>();
        for (Capability capability : List.of(Capability.VALIDATION, Capability.CADES_EXTENSION, Capability.EVIDENCE_RECORDS)) {
            if (!capability.available()) {
                unavailable.add(capability.unavailableMessage());
            }
        }
        return new BatchReport(1, clock.instant(), all.size(), index.countByIndication(), attention,
                index.quarantined(), renewals, unavailable);
    }

    private static int attentionRank(String indication) {
        if ("TOTAL_FAILED".equals(indication)) {
            return 0;
        }
        return "INDETERMINATE".equals(indication) ? 1 : 2;
    }
}
