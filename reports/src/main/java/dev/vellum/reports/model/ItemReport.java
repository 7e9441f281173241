package dev.vellum.reports.model;

import dev.vellum.validation.report.ValidationReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a per-item report shows: the validation, the message it was made of, and — when the
 * report comes from the archive — the item's label, its validation history and when its newest
 * evidence stops protecting it.
 *
 * @param label how to call the item in the report (file name or "Item 42")
 * @param message the mail headers (never null; {@link MessageInfo#none()} when there are none)
 * @param validation the validation to report
 * @param history every earlier validation run, oldest first (empty outside the archive)
 * @param evidenceUntil when the newest evidence stops protecting the item, or null when unknown
 */
public record ItemReport(String label, MessageInfo message, ValidationReport validation, List<HistoryEntry> history,
                         Instant evidenceUntil) {

    public ItemReport {
        Objects.requireNonNull(validation, "validation");
        label = label == null || label.isBlank() ? validation.document().name() : label;
        message = message == null ? MessageInfo.none() : message;
        history = List.copyOf(history);
    }

    /** A report of a single validation, outside the archive. */
    public static ItemReport of(ValidationReport validation, MessageInfo message) {
        return new ItemReport(null, message, validation, List.of(), null);
    }

    public ItemReport withHistory(List<HistoryEntry> runs) {
        return new ItemReport(label, message, validation, runs, evidenceUntil);
    }

    public ItemReport withLabel(String newLabel) {
        return new ItemReport(newLabel, message, validation, history, evidenceUntil);
    }

    public ItemReport withEvidenceUntil(Instant until) {
        return new ItemReport(label, message, validation, history, until);
    }
}
