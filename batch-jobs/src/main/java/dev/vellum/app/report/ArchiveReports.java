package dev.vellum.app.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.QuarantineEntry;
import dev.vellum.app.store.ValidationRun;
import dev.vellum.reports.ReportException;
import dev.vellum.reports.json.ReportJson;
import dev.vellum.reports.model.BatchOverview;
import dev.vellum.reports.model.HistoryEntry;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.model.MessageInfo;
import dev.vellum.validation.report.ValidationReport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what the archive recorded into the reports module's inputs: an item's latest stored
 * validation (the report blob of its newest run, in {@link ReportJson}'s format) with its mail
 * headers, its run history and its evidence end; and the batch overview of every item and every
 * quarantined input. Nothing is re-validated here: a report shows the recorded runs.
 */
public final class ArchiveReports {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ArchiveIndex index;
    private final BlobStore blobs;

    public ArchiveReports(ArchiveIndex index, BlobStore blobs) {
        this.index = index;
        this.blobs = blobs;
    }

    /** The item's report from its latest validation run; empty when it was never validated. */
    public Optional<ItemReport> item(Item item) {
        List<ValidationRun> runs = index.validationRuns(item.id());
        if (runs.isEmpty() || runs.get(runs.size() - 1).report() == null) {
            return Optional.empty();
        }
        ValidationRun latest = runs.get(runs.size() - 1);
        ValidationReport report = storedReport(blobs.read(latest.report()), item.id());
        List<HistoryEntry> history = new ArrayList<>();
        for (ValidationRun r : runs) {
            history.add(new HistoryEntry(r.validatedAt(), r.validationTime(), r.indication(), r.subIndication(), r.level(),
                    r.changed()));
        }
        MessageInfo message = new MessageInfo(item.subject(), item.from(), null, item.sentAt(), item.messageId());
        String label = "Item " + item.id() + (item.subject() == null ? "" : " — " + item.subject());
        return Optional.of(new ItemReport(label, message, report, history, item.evidenceUntil()));
    }

    /**
     * The report inside a stored validation-run blob ({@code {"schemaVersion":2,"report":{...}}}, see
     * {@code ItemValidation}). Runs stored before schema version 2 kept Jackson's default form of the
     * record, which has no stable shape: they are refused with a message that says to revalidate.
     */
    static ValidationReport storedReport(byte[] blob, long itemId) {
        JsonNode root = JSON.readTree(blob);
        JsonNode report = root.path("report");
        if (!report.has("version")) {
            throw new ReportException("item " + itemId + ": its latest validation run was stored by an older Vellum "
                    + "in a form reports cannot read; run `vellum revalidate` first");
        }
        return ReportJson.read(report);
    }

    /** Every item's latest state and everything quarantined. */
    public BatchOverview overview(String title, Clock clock) {
        List<BatchOverview.Entry> entries = new ArrayList<>();
        for (Item i : index.items(null, 0, Integer.MAX_VALUE)) {
            Optional<ValidationRun> latest = index.latestValidation(i.id());
            entries.add(new BatchOverview.Entry(Long.toString(i.id()), i.subject(), i.from(), i.sentAt(), i.indication(),
                    i.subIndication(), latest.map(ValidationRun::level).orElse(null), i.evidenceUntil(),
                    latest.map(ValidationRun::validatedAt).orElse(null)));
        }
        List<BatchOverview.Quarantined> quarantined = new ArrayList<>();
        for (QuarantineEntry q : index.quarantined()) {
            // an item set aside by a later job is named with the file it came from, so an auditor can find it
            List<String> sources = q.itemId() == null ? List.of() : index.sources(q.itemId());
            String source = sources.isEmpty() ? q.source() : "item " + q.itemId() + " (" + sources.get(0) + ")";
            quarantined.add(new BatchOverview.Quarantined(source, q.stage(), q.reason(), q.quarantinedAt()));
        }
        return new BatchOverview(title, clock.instant(), entries, quarantined);
    }
}
