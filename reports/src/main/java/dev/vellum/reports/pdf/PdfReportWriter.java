package dev.vellum.reports.pdf;

import dev.vellum.reports.ReportException;
import dev.vellum.reports.model.BatchOverview;
import dev.vellum.reports.model.ItemReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.PageMode;

/**
 * PDF/A-2b evidence reports with Apache PDFBox: per item (verdict banner in plain words, document,
 * signer and chain, timeline, time-stamps, proofs of existence, constraints, evidence inventory,
 * validation history) and per batch (counts and charts, items needing attention, renewal due dates,
 * quarantine, all items). Fonts embedded (DejaVu, CJK fallback), page numbers, bookmarks,
 * document metadata in the info dictionary and XMP. Thread-safe: every call builds its own document.
 */
public final class PdfReportWriter {
    private final Clock clock;

    /** @param clock when reports say they were generated (the application clock: {@code --now} makes it reproducible) */
    public PdfReportWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One item's report. */
    public byte[] item(ItemReport item) {
        return items(List.of(item), item.label());
    }

    /** Several items in one file (e.g. {@code vellum validate a.eml b.eml --format pdf}). */
    public byte[] items(List<ItemReport> items, String title) {
        if (items.isEmpty()) {
            throw new ReportException("no items to report");
        }
        Instant now = clock.instant();
        return render(title, "Evidence report", keywords(items), now, (flow, root) -> {
            ItemSections sections = new ItemSections(flow);
            for (ItemReport item : items) {
                sections.write(item, root, items.size() > 1);
            }
        });
    }

    /** The archive-wide report. */
    public byte[] batch(BatchOverview overview) {
        return render(overview.title(), "Batch report", "batch report, " + overview.items().size() + " items",
                overview.generatedAt(), (flow, root) -> new BatchSections(flow).write(overview, root));
    }

    private interface Body {
        void write(PageFlow flow, PDOutlineItem root);
    }

    private byte[] render(String title, String kind, String keywords, Instant when, Body body) {
        try (PDDocument document = new PDDocument()) {
            ReportFonts fonts = new ReportFonts(document);
            PageFlow flow = new PageFlow(document, fonts);
            PDDocumentOutline outline = new PDDocumentOutline();
            document.getDocumentCatalog().setDocumentOutline(outline);
            PDOutlineItem root = new PDOutlineItem();
            root.setTitle(kind + ": " + title);
            outline.addLast(root);
            body.write(flow, root);
            root.setDestination(flow.pages().get(0));
            root.openNode();
            outline.openNode();
            document.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
            flow.finish("Vellum " + kind.toLowerCase() + " · " + title, "Generated " + Verdicts.second(when)
                    + " by Vellum · ETSI EN 319 102-1 validation");
            PdfArchival.apply(document, kind + ": " + title, "Vellum " + kind.toLowerCase()
                    + " (ETSI EN 319 102-1 validation)", keywords, when);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new ReportException("cannot write the PDF report " + title + ": " + e.getMessage(), e);
        }
    }

    private static String keywords(List<ItemReport> items) {
        StringBuilder k = new StringBuilder("evidence report");
        items.stream().flatMap(i -> i.validation().signatures().stream()).map(s -> s.indication().name()).distinct()
                .forEach(i -> k.append(", ").append(i));
        return k.toString();
    }
}
