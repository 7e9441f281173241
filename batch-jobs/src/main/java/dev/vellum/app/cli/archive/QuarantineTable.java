package dev.vellum.app.cli.archive;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import dev.vellum.app.cli.console.SummaryTable;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.QuarantineEntry;

/**
 * Quarantine entries as an operator reads them: which input (a file, or an archived item with the
 * file it came from), at which stage, and the whole reason.
 */
final class QuarantineTable {
    private QuarantineTable() {
    }

    static SummaryTable of(ArchiveIndex index, List<QuarantineEntry> entries) {
        SummaryTable table = new SummaryTable("quarantined", "stage", "input", "reason");
        for (QuarantineEntry q : entries) {
            table.row(q.id(), q.stage(), input(index, q), q.reason());
        }
        return table;
    }

    /** The input as recorded; for an item set aside by a later job, "item N (where it came from)". */
    static String input(ArchiveIndex index, QuarantineEntry q) {
        if (q.itemId() == null) {
            return shorter(q.source());
        }
        List<String> sources = index.sources(q.itemId());
        return "item " + q.itemId() + (sources.isEmpty() ? "" : " (" + shorter(sources.get(0)) + ")");
    }

    /** A source under the working directory, relative to it (as the user would type it); others unchanged. */
    private static String shorter(String source) {
        try {
            Path path = Path.of(source);
            Path here = Path.of("").toAbsolutePath();
            return path.isAbsolute() && path.startsWith(here) ? here.relativize(path).toString() : source;
        } catch (InvalidPathException e) {
            return source;
        }
    }
}
