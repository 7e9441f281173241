package dev.vellum.app.cli.archive;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.jobs.Capability;
import dev.vellum.app.jobs.CapabilityUnavailableException;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.report.DossierFiles;
import dev.vellum.app.report.ItemDossier;
import dev.vellum.app.report.ReportJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.Item;

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

    @Override
    protected Integer refuseEarly(Console console) {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("json") && !chosen.equals("pdf") && !chosen.equals("xml")) {
            console.warn("vellum report: unknown format " + format + " (pdf, json or xml)");
            return ExitCodes.USAGE;
        }
        if (!chosen.equals("json")) {
            try {
                Capability.EVIDENCE_REPORTS.require();
            } catch (CapabilityUnavailableException e) {
                return refuse(console, "report", e);
            }
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
            ItemDossier dossier = new ItemDossier(1, found, index.sources(item), index.versions(item),
                    index.validationRuns(item), archive.bean(EventLog.class).forItem(item));
            Path file = DossierFiles.writeJson(dir.resolve("items").resolve("item-" + item + ".json"), dossier);
            console.say("item report: " + file);
            if (console.json()) {
                console.printJson(Map.of("itemReport", file.toString()));
            }
            return ExitCodes.OK;
        }
        JobRun run = runJob(archive, console, ReportJobConfiguration.JOB, Map.of(ReportJobConfiguration.OUT, dir.toString()));
        Path batch = dir.resolve(ReportJobConfiguration.BATCH_FILE);
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("job", run);
            json.put("batchReport", batch.toString());
            console.printJson(json);
        } else {
            console.table(tallyTable(run, "itemReports", "batchReports"));
            console.say("batch report: " + batch);
        }
        return run.completed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
