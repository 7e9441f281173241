package dev.vellum.app.cli.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.report.ArchiveReports;
import dev.vellum.app.report.DossierFiles;
import dev.vellum.app.report.ItemDossier;
import dev.vellum.app.report.ReportJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.Item;

import dev.vellum.formats.create.SigningKey;
import dev.vellum.reports.etsi.EtsiValidationReportWriter;
import dev.vellum.reports.seal.PdfSealer;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.pdf.PdfReportWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes reports per item and for the whole archive into a directory.")
public final class ReportCommand extends ArchiveCommand {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Option(names = "--format", defaultValue = "json", paramLabel = "pdf|json|xml",
            description = "Report format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--item", paramLabel = "ID", description = "Only this item's report.")
    Long item;

    @Option(names = "--seal-key", paramLabel = "P12", description = "Seal the PDF (the batch PDF, or the --item PDF) as "
            + "PAdES B-T with this PKCS#12 key, time-stamped by the archive's embedded TSA.")
    Path sealKey;

    @Option(names = "--seal-password-file", paramLabel = "FILE", description = "First line: the PKCS#12 password.")
    Path sealPasswordFile;

    @Override
    protected Integer refuseEarly(Console console) {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("json") && !chosen.equals("pdf") && !chosen.equals("xml")) {
            console.warn("vellum report: unknown format " + format + " (pdf, json or xml)");
            return ExitCodes.USAGE;
        }
        format = chosen;
        if (sealKey != null && !chosen.equals("pdf")) {
            console.warn("vellum report: --seal-key needs --format pdf");
            return ExitCodes.USAGE;
        }
        if (sealKey != null && !Files.isRegularFile(sealKey)) {
            console.warn("vellum report: no seal key " + sealKey);
            return ExitCodes.USAGE;
        }
        return null;
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        Path dir = out.toAbsolutePath().normalize();
        if (item != null) {
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            Item found = index.find(item).orElse(null);
            if (found == null) {
                console.warn("vellum report: no item " + item);
                return ExitCodes.USAGE;
            }
            Path file;
            if (format.equals("json")) {
                ItemDossier dossier = new ItemDossier(1, found, index.sources(item), index.versions(item),
                        index.validationRuns(item), archive.bean(EventLog.class).forItem(item));
                file = DossierFiles.writeJson(dir.resolve("items").resolve("item-" + item + ".json"), dossier);
            } else {
                Optional<ItemReport> report = new ArchiveReports(index, archive.bean(BlobStore.class)).item(found);
                if (report.isEmpty()) {
                    console.warn("vellum report: item " + item + " has not been validated yet (run `vellum revalidate`)");
                    return ExitCodes.ATTENTION;
                }
                byte[] bytes = format.equals("pdf") ? new PdfReportWriter(archive.bean(Clock.class)).item(report.get())
                        : new EtsiValidationReportWriter().write(report.get().validation());
                file = DossierFiles.write(dir.resolve("items").resolve("item-" + item + "." + format), bytes);
                if (!seal(archive, console, file)) {
                    return ExitCodes.FAILED;
                }
            }
            console.say("item report: " + file);
            if (console.json()) {
                console.printJson(Map.of("itemReport", file.toString()));
            }
            return ExitCodes.OK;
        }
        JobRun run = runJob(archive, console, ReportJobConfiguration.JOB, Map.of(ReportJobConfiguration.OUT, dir.toString(),
                ReportJobConfiguration.FORMAT, format));
        Path batch = dir.resolve(ReportJobConfiguration.BATCH_FILE);
        Path batchPdf = dir.resolve(ReportJobConfiguration.BATCH_PDF);
        if (run.completed() && format.equals("pdf") && !seal(archive, console, batchPdf)) {
            return ExitCodes.FAILED;
        }
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", run);
            json.put("batchReport", batch.toString());
            if (format.equals("pdf")) {
                json.put("batchPdf", batchPdf.toString());
            }
            console.printJson(json);
        } else {
            console.table(tallyTable(run, "itemReports", "notValidated", "batchReports"));
            console.say("batch report: " + (format.equals("pdf") ? batchPdf : batch));
        }
        return run.completed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** PAdES B-T seal of a written report PDF, when --seal-key is given; false (and a message) when it failed. */
    private boolean seal(ArchiveContext archive, Console console, Path pdf) {
        if (sealKey == null) {
            return true;
        }
        try {
            char[] password = sealPasswordFile == null ? new char[0]
                    : Files.readAllLines(sealPasswordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
            SigningKey key = SigningKey.fromPkcs12(Files.readAllBytes(sealKey), password);
            PdfSealer sealer = PdfSealer.of(key, archive.bean(EmbeddedTsa.class), archive.bean(Clock.class));
            DossierFiles.write(pdf, sealer.seal(Files.readAllBytes(pdf)));
            console.say("sealed (PAdES B-T): " + pdf);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            console.warn("vellum report: cannot seal " + pdf + " with " + sealKey + ": " + e.getMessage());
            return false;
        }
    }
}
