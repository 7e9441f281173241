package dev.vellum.app.cli.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.cli.console.SummaryTable;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.demo.DemoSamples;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.report.ReportJobConfiguration;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.QuarantineEntry;

import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole flow on the bundled sample mailbox: ingest with first validation, upgrade "
                + "with the embedded TSA, revalidate, reports. Uses ./vellum-demo unless --data is given; safe to run again."})
public final class DemoCommand extends ArchiveCommand {

    /** One line of the demo's summary. */
    public record Step(String name, String status, String detail) {
    }

    @Override
    protected boolean createsArchive() {
        return true;
    }

    @Override
    protected ArchiveSettings settings() {
        ArchiveSettings settings = global().archiveSettings();
        Path data = (settings.dataDir() != null ? settings.dataDir() : Path.of("vellum-demo")).toAbsolutePath().normalize();
        Path samples = DemoSamples.extractTo(data.resolve("samples"));
        // The demo PKI's root and the demo TSA are the trust anchors; certificates and CRLs are supplied validation data.
        return new ArchiveSettings(data, settings.configFile(), settings.now(), settings.properties())
                .with("vellum.validation.trust[0]", samples.resolve("pki/demo-trust-anchor.pem").toString())
                .with("vellum.validation.trust[1]", samples.resolve("pki/demo-tsa-chain.pem").toString())
                .with("vellum.validation.validation-data[0]", samples.resolve("pki").toString());
    }

    @Override
    protected Integer refuseEarly(Console console) {
        if (!DemoSamples.bundled()) {
            console.warn("vellum demo: this build has no bundled samples (samples/ is missing from the source tree)");
            return ExitCodes.FAILED;
        }
        return null;
    }

    @Override
    protected int run(ArchiveContext archive, Console console) {
        Path data = archive.properties().dataDir().toAbsolutePath().normalize();
        Path samples = data.resolve("samples");
        List<Step> steps = new ArrayList<>();

        console.say("Vellum demo — data in " + data);
        console.say("");
        console.say("1/4 ingest " + samples.resolve("mailbox"));
        JobRun ingest = runJob(archive, console, IngestJobConfiguration.JOB,
                Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(List.of(samples.resolve("mailbox")))));
        steps.add(new Step("ingest", ingest.status(), ingest.count("archived") + " new, "
                + (ingest.count("alreadyArchived") + ingest.count("duplicates")) + " already archived, "
                + (ingest.count("quarantined") + ingest.count("alreadyQuarantined")) + " quarantined"));
        steps.add(new Step("first validation", ingest.status(), verdicts(ingest)));

        console.say("2/4 upgrade to LTA with the embedded TSA");
        JobRun lta = runJob(archive, console, UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "LTA"));
        steps.add(new Step("upgrade (LTA)", lta.status(), lta.count("upgraded") + " upgraded, "
                + lta.count("alreadyUpgraded") + " already LTA, " + lta.count("unsigned") + " unsigned, "
                + (lta.count("quarantined") + lta.count("alreadyQuarantined")) + " refused (quarantined)"));
        console.say("3/4 revalidate");
        JobRun revalidate = runJob(archive, console, RevalidateJobConfiguration.JOB,
                Map.of(RevalidateJobConfiguration.AT, "now"));
        steps.add(new Step("revalidate", revalidate.status(), verdicts(revalidate)));

        console.say("4/4 reports");
        Path reports = data.resolve("reports");
        JobRun report = runJob(archive, console, ReportJobConfiguration.JOB, Map.of(ReportJobConfiguration.OUT, reports.toString()));
        steps.add(new Step("report (JSON)", report.status(), reports.resolve(ReportJobConfiguration.BATCH_FILE).toString()));
        JobRun pdf = runJob(archive, console, ReportJobConfiguration.JOB, Map.of(ReportJobConfiguration.OUT,
                reports.toString(), ReportJobConfiguration.FORMAT, "pdf"));
        Path batchPdf = reports.resolve(ReportJobConfiguration.BATCH_PDF);
        steps.add(new Step("report (PDF)", pdf.status(), batchPdf + " and " + pdf.count("itemReports")
                + " item PDFs in " + reports.resolve("items")));
        steps.removeIf(java.util.Objects::isNull);

        ArchiveIndex index = archive.bean(ArchiveIndex.class);
        Map<String, Long> byIndication = index.countByIndication();
        List<QuarantineEntry> quarantined = index.quarantined();
        // Steps waiting for a library are shown as UNAVAILABLE; they do not count as failures.
        boolean allRan = steps.stream().allMatch(s -> s.status().equals("COMPLETED") || s.status().equals("UNAVAILABLE"));
        if (console.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dataDir", data.toString());
            json.put("steps", steps);
            json.put("itemsByIndication", byIndication);
            json.put("quarantined", quarantined);
            json.put("batchReport", reports.resolve(ReportJobConfiguration.BATCH_FILE).toString());
            json.put("batchPdf", batchPdf.toString());
            console.printJson(json);
        } else {
            console.say("");
            SummaryTable stepTable = new SummaryTable("step", "status", "detail");
            steps.forEach(s -> stepTable.row(s.name(), s.status(), s.detail()));
            console.table(stepTable);
            console.say("");
            // Every archived item once, by its latest verdict; the quarantine (inputs never archived, and items a
            // job set aside, which keep their verdict above) is listed below with its reasons.
            SummaryTable counts = new SummaryTable("items by latest indication", "count");
            byIndication.forEach(counts::row);
            counts.row("all archived items", index.itemCount());
            console.table(counts);
            if (!quarantined.isEmpty()) {
                console.say("");
                console.table(QuarantineTable.of(index, quarantined));
            }
            console.say("");
            console.say("batch report: " + reports.resolve(ReportJobConfiguration.BATCH_FILE));
            console.say("batch PDF:    " + batchPdf);
        }
        return allRan ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String verdicts(JobRun run) {
        return run.count("TOTAL_PASSED") + " passed, " + run.count("TOTAL_FAILED") + " failed, "
                + run.count("INDETERMINATE") + " indeterminate";
    }
}
