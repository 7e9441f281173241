package dev.vellum.reports.pdf;

import dev.vellum.reports.model.BatchOverview;
import dev.vellum.reports.pdf.ReportFonts.Face;
import java.awt.Color;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** Lays out the batch report: counts and charts, items needing attention first, renewals, quarantine, all items. */
final class BatchSections {
    private final PageFlow flow;

    BatchSections(PageFlow flow) {
        this.flow = flow;
    }

    void write(BatchOverview b, PDOutlineItem root) {
        flow.newPage();
        bookmark(root, "Summary", flow.here());
        flow.text(PageFlow.LEFT, flow.y() - 16, "Batch report", Face.BOLD, 19, Palette.INK);
        flow.down(34);
        flow.paragraph(b.title(), Face.REGULAR, 12, Palette.INK, 0);
        flow.paragraph("Generated " + Verdicts.second(b.generatedAt()) + "  ·  " + b.items().size() + " items  ·  "
                + b.quarantined().size() + " inputs quarantined", Face.REGULAR, 8.5f, Palette.MUTED, 0);
        flow.down(8);
        long attention = b.items().stream().filter(BatchOverview.Entry::needsAttention).count();
        long dueSoon = b.renewals().stream().filter(e -> e.evidenceUntil().isBefore(b.generatedAt().plus(Duration.ofDays(365))))
                .count();
        summaryTiles(b.items().size(), attention, dueSoon, b.quarantined().size());

        flow.heading("Items by indication");
        bars(b.countsByIndication(), true);
        Map<String, Long> bySub = b.countsBySubIndication();
        if (!bySub.isEmpty()) {
            flow.heading("Items by indication and sub-indication");
            bars(bySub, false);
        }

        List<BatchOverview.Entry> needing = b.needingAttention();
        bookmark(root, "Needing attention (" + needing.size() + ")", flow.heading("Items needing attention (" + needing.size() + ")"));
        if (needing.isEmpty()) {
            flow.paragraph("Every item is TOTAL_PASSED.", Face.REGULAR, 9, Palette.PASSED, 0);
        } else {
            Table.Builder t = Table.builder().column("Item", 0.8f).column("Subject", 3f).column("From", 2.4f)
                    .column("Verdict", 2.8f).column("Last validated", 1.6f);
            for (BatchOverview.Entry e : needing) {
                t.row(3, Palette.of(e.indication()), e.id(), nz(e.subject()), nz(e.from()),
                        e.verdict() + (e.subIndication() == null ? "" : "\n" + e.subIndication()),
                        Verdicts.day(e.lastValidated()));
            }
            flow.table(t.build());
        }

        List<BatchOverview.Entry> renewals = b.renewals();
        bookmark(root, "Renewal due dates", flow.heading("Renewal due dates (soonest first)"));
        if (renewals.isEmpty()) {
            flow.paragraph("No item carries archive evidence yet (nothing upgraded to LTA or covered by an evidence record).",
                    Face.REGULAR, 9, Palette.MUTED, 0);
        } else {
            Table.Builder t = Table.builder().column("Item", 0.8f).column("Subject", 3.6f).column("Level", 2f)
                    .column("Evidence until", 1.5f).column("Due", 1.5f);
            for (BatchOverview.Entry e : renewals) {
                long days = Duration.between(b.generatedAt(), e.evidenceUntil()).toDays();
                Color c = days < 0 ? Palette.FAILED : days <= 365 ? Palette.INDETERMINATE : Palette.PASSED;
                t.row(4, c, e.id(), nz(e.subject()), nz(e.level()), Verdicts.day(e.evidenceUntil()),
                        days < 0 ? "overdue" : days <= 365 ? "in " + days + " days" : "in " + days / 365 + " years");
            }
            flow.table(t.build());
        }

        if (!b.quarantined().isEmpty()) {
            bookmark(root, "Quarantined inputs", flow.heading("Quarantined inputs (" + b.quarantined().size() + ")"));
            Table.Builder t = Table.builder().column("Input", 3f).column("Stage", 1f).column("Reason", 4.2f).column("When", 1.5f);
            for (BatchOverview.Quarantined q : b.quarantined()) {
                t.row(q.source(), nz(q.stage()), q.reason(), Verdicts.day(q.at()));
            }
            flow.table(t.build());
        }

        bookmark(root, "All items", flow.heading("All items (" + b.items().size() + ")"));
        Table.Builder all = Table.builder().column("Item", 0.8f).column("Subject", 3.2f).column("From", 2.4f)
                .column("Sent", 1.4f).column("Verdict", 2.6f).size(7.8f);
        for (BatchOverview.Entry e : b.items()) {
            all.row(4, Palette.of(e.indication()), e.id(), nz(e.subject()), nz(e.from()), Verdicts.day(e.sentAt()),
                    e.verdict() + (e.subIndication() == null ? "" : " / " + e.subIndication()));
        }
        flow.table(all.build());
    }

    private void summaryTiles(long items, long attention, long dueSoon, long quarantined) {
        float gap = 10;
        float w = (PageFlow.RIGHT - PageFlow.LEFT - 3 * gap) / 4;
        float h = 52;
        flow.ensure(h + 10);
        float top = flow.y();
        String[][] tiles = {{Long.toString(items), "items archived"}, {Long.toString(attention), "need attention"},
                {Long.toString(dueSoon), "renewals due within a year"}, {Long.toString(quarantined), "inputs quarantined"}};
        Color[] colors = {Palette.ACCENT, attention > 0 ? Palette.FAILED : Palette.PASSED,
                dueSoon > 0 ? Palette.INDETERMINATE : Palette.PASSED, quarantined > 0 ? Palette.INDETERMINATE : Palette.PASSED};
        for (int i = 0; i < 4; i++) {
            float x = PageFlow.LEFT + i * (w + gap);
            flow.fill(x, top - h, w, h, Palette.HEADER_FILL);
            flow.fill(x, top - h, 3, h, colors[i]);
            flow.text(x + 12, top - 26, tiles[i][0], Face.BOLD, 18, colors[i]);
            flow.text(x + 12, top - 42, tiles[i][1], Face.REGULAR, 8, Palette.MUTED);
        }
        flow.moveTo(top - h - 6);
    }

    /** Horizontal bar chart of counts; the longest bar takes the full width. */
    private void bars(Map<String, Long> counts, boolean byIndication) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        float labelWidth = 190;
        float x0 = PageFlow.LEFT + labelWidth;
        float barMax = PageFlow.RIGHT - x0 - 40;
        int shown = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (shown++ == 14) {
                flow.paragraph("… and " + (counts.size() - 14) + " more combinations in the table below",
                        Face.REGULAR, 8, Palette.MUTED, 0);
                break;
            }
            flow.ensure(18);
            flow.down(17);
            float y = flow.y();
            String indication = e.getKey().contains("/") ? e.getKey().substring(0, e.getKey().indexOf('/')) : e.getKey();
            String label = byIndication ? e.getKey() : e.getKey().replace("/", " / ");
            flow.text(PageFlow.LEFT, y + 3, label, Face.REGULAR, 8, Palette.INK);
            float w = max == 0 ? 0 : barMax * e.getValue() / max;
            flow.fill(x0, y, Math.max(w, e.getValue() > 0 ? 2 : 0), 11, Palette.of(indication));
            flow.text(x0 + w + 5, y + 2.5f, Long.toString(e.getValue()), Face.BOLD, 8.5f, Palette.INK);
        }
        flow.down(6);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void bookmark(PDOutlineItem parent, String title,
                                 org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination d) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(d);
        parent.addLast(item);
    }

}
