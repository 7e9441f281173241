package dev.vellum.reports.pdf;

import dev.vellum.reports.ReportException;
import dev.vellum.reports.pdf.ReportFonts.Face;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;

/**
 * Top-to-bottom layout on A4 pages: a cursor that moves down, starts a new page when the next
 * block does not fit, and draws text (with font fallback), rules, boxes and tables. Page headers
 * and footers are drawn at the end ({@link #finish}), when the page count is known.
 */
final class PageFlow {
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float LEFT = 48;
    static final float RIGHT = WIDTH - 48;
    static final float TOP = HEIGHT - 60;
    static final float BOTTOM = 56;

    final PDDocument document;
    final ReportFonts fonts;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    PageFlow(PDDocument document, ReportFonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void down(float amount) {
        y -= amount;
    }

    PDPage page() {
        return page;
    }

    PDPageContentStream content() {
        return cs;
    }

    List<PDPage> pages() {
        return pages;
    }

    void newPage() {
        closeStream();
        page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        pages.add(page);
        try {
            cs = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw failed(e);
        }
        y = TOP;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void ensure(float height) {
        if (page == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** A destination at the cursor, for bookmarks. */
    PDPageXYZDestination here() {
        PDPageXYZDestination d = new PDPageXYZDestination();
        d.setPage(page);
        d.setTop((int) Math.min(HEIGHT, y + 24));
        d.setLeft(0);
        return d;
    }

    // ------------------------------------------------------------------ drawing primitives

    void text(float x, float baseline, String s, Face face, float size, Color color) {
        text(cs, x, baseline, s, face, size, color);
    }

    void text(PDPageContentStream stream, float x, float baseline, String s, Face face, float size, Color color) {
        if (s == null || s.isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            stream.setNonStrokingColor(color);
            stream.newLineAtOffset(x, baseline);
            for (ReportFonts.Run run : fonts.runs(s, face)) {
                stream.setFont(run.font(), size);
                stream.showText(run.text());
            }
            stream.endText();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void textRight(float right, float baseline, String s, Face face, float size, Color color) {
        text(right - fonts.width(s, face, size), baseline, s, face, size, color);
    }

    void fill(float x, float bottom, float w, float h, Color color) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, bottom, w, h);
            cs.fill();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void line(float x1, float y1, float x2, float y2, Color color, float width) {
        line(x1, y1, x2, y2, color, width, null);
    }

    void line(float x1, float y1, float x2, float y2, Color color, float width, float[] dash) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.setLineDashPattern(dash == null ? new float[0] : dash, 0);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
            cs.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void strokeRect(float x, float bottom, float w, float h, Color color, float width) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.addRect(x, bottom, w, h);
            cs.stroke();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** A filled polygon (markers of the timeline). */
    void polygon(float[] xs, float[] ys, Color color) {
        try {
            cs.setNonStrokingColor(color);
            cs.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                cs.lineTo(xs[i], ys[i]);
            }
            cs.closePath();
            cs.fill();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void circle(float cx, float cy, float r, Color color) {
        final float k = 0.552284749831f * r;
        try {
            cs.setNonStrokingColor(color);
            cs.moveTo(cx + r, cy);
            cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            cs.fill();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    // ------------------------------------------------------------------ text flow

    /** Words wrapped to {@code width}; a word longer than the line (a hash, CJK) is broken by characters. */
    List<String> wrap(String text, Face face, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (fonts.width(candidate, face, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // the word alone is too wide: break it
                StringBuilder piece = new StringBuilder();
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    i += Character.charCount(cp);
                    String next = piece.toString() + new String(Character.toChars(cp));
                    if (fonts.width(next, face, size) > width && piece.length() > 0) {
                        // break after the last '_', '-' or '/' of the piece when there is one (identifiers, URNs)
                        int cut = Math.max(piece.lastIndexOf("_"), Math.max(piece.lastIndexOf("-"), piece.lastIndexOf("/")));
                        if (cut > 0 && cut < piece.length() - 1) {
                            lines.add(piece.substring(0, cut + 1));
                            piece.delete(0, cut + 1);
                        } else {
                            lines.add(piece.toString());
                            piece.setLength(0);
                        }
                    }
                    piece.appendCodePoint(cp);
                }
                line.append(piece);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A wrapped paragraph at the cursor; moves the cursor below it. */
    void paragraph(String text, Face face, float size, Color color, float indent) {
        float leading = size * 1.35f;
        for (String line : wrap(text, face, size, RIGHT - LEFT - indent)) {
            ensure(leading);
            y -= leading;
            text(LEFT + indent, y + size * 0.25f, line, face, size, color);
        }
    }

    /** A section heading with a rule; returns where it is, for a bookmark. */
    PDPageXYZDestination heading(String title) {
        return heading(title, 40);
    }

    /** A heading kept on the same page as the first {@code keepWith} points of what follows it. */
    PDPageXYZDestination heading(String title, float keepWith) {
        ensure(30 + keepWith);
        y -= 20;
        PDPageXYZDestination here = here();
        text(LEFT, y, title, Face.BOLD, 12.5f, Palette.ACCENT);
        y -= 6;
        line(LEFT, y, RIGHT, y, Palette.RULE, 0.8f);
        y -= 4;
        return here;
    }

    /** Label/value pairs in two columns; values wrap. */
    void keyValues(List<String[]> pairs) {
        float keyWidth = 128;
        float size = 9f;
        float leading = size * 1.4f;
        for (String[] kv : pairs) {
            if (kv[1] == null || kv[1].isBlank()) {
                continue;
            }
            Face face = kv.length > 2 && "mono".equals(kv[2]) ? Face.MONO : Face.REGULAR;
            float valueSize = face == Face.MONO ? 8.2f : size;
            List<String> lines = wrap(kv[1], face, valueSize, RIGHT - LEFT - keyWidth);
            ensure(leading * Math.min(lines.size(), 3) + 2);
            y -= leading;
            text(LEFT, y + 2, kv[0], Face.REGULAR, size, Palette.MUTED);
            boolean first = true;
            for (String l : lines) {
                if (!first) {
                    ensure(leading);
                    y -= leading;
                }
                text(LEFT + keyWidth, y + 2, l, face, valueSize, Palette.INK);
                first = false;
            }
        }
        y -= 4;
    }

    /** A table with a header row repeated on every page it spans. */
    void table(Table table) {
        float size = table.fontSize();
        float leading = size * 1.3f;
        float pad = 3.5f;
        float total = RIGHT - LEFT;
        float weights = 0;
        for (Table.Column c : table.columns()) {
            weights += c.weight();
        }
        float[] widths = new float[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = total * table.columns().get(i).weight() / weights;
        }
        ensure(leading * 3 + 2 * pad);
        header(table, widths, size, pad, leading);
        int n = 0;
        for (Table.Row row : table.rows()) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < widths.length; i++) {
                String v = i < row.cells().size() && row.cells().get(i) != null ? row.cells().get(i) : "";
                Face face = row.bold() != null && i < row.bold().size() && row.bold().get(i) ? Face.BOLD
                        : table.columns().get(i).face();
                List<String> lines = wrap(v, face, face == Face.MONO ? size - 0.6f : size, widths[i] - 2 * pad);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            float h = height * leading + 2 * pad;
            if (y - h < BOTTOM) {
                newPage();
                header(table, widths, size, pad, leading);
            }
            if (row.fill() != null) {
                fill(LEFT, y - h, total, h, row.fill());
            } else if (n % 2 == 1) {
                fill(LEFT, y - h, total, h, Palette.ZEBRA);
            }
            float x = LEFT;
            for (int i = 0; i < widths.length; i++) {
                Table.Column c = table.columns().get(i);
                Color color = row.colors() != null && i < row.colors().size() && row.colors().get(i) != null
                        ? row.colors().get(i) : Palette.INK;
                Face face = row.bold() != null && i < row.bold().size() && row.bold().get(i) ? Face.BOLD : c.face();
                float ly = y - pad - size;
                for (String l : cells.get(i)) {
                    text(x + pad, ly + 1, l, face, face == Face.MONO ? size - 0.6f : size, color);
                    ly -= leading;
                }
                x += widths[i];
            }
            y -= h;
            line(LEFT, y, RIGHT, y, Palette.RULE, 0.4f);
            n++;
        }
        y -= 6;
    }

    private void header(Table table, float[] widths, float size, float pad, float leading) {
        float h = leading + 2 * pad;
        fill(LEFT, y - h, RIGHT - LEFT, h, Palette.HEADER_FILL);
        float x = LEFT;
        for (int i = 0; i < widths.length; i++) {
            text(x + pad, y - pad - size + 1, table.columns().get(i).title(), Face.BOLD, size, Palette.MUTED);
            x += widths[i];
        }
        y -= h;
    }

    // ------------------------------------------------------------------ end

    /** Header and footer on every page: the title, the item, page i of n, when it was made. */
    void finish(String headerLeft, String footerLeft) {
        closeStream();
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            PDPage p = pages.get(i);
            try (PDPageContentStream s = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true,
                    true)) {
                text(s, LEFT, HEIGHT - 34, headerLeft, Face.BOLD, 8.5f, Palette.ACCENT);
                String pageNo = "Page " + (i + 1) + " of " + total;
                text(s, RIGHT - fonts.width(pageNo, Face.REGULAR, 8), 30, pageNo, Face.REGULAR, 8, Palette.MUTED);
                text(s, LEFT, 30, footerLeft, Face.REGULAR, 8, Palette.MUTED);
                s.setStrokingColor(Palette.RULE);
                s.setLineWidth(0.6f);
                s.moveTo(LEFT, HEIGHT - 42);
                s.lineTo(RIGHT, HEIGHT - 42);
                s.moveTo(LEFT, 42);
                s.lineTo(RIGHT, 42);
                s.stroke();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    private void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw failed(e);
            }
            cs = null;
        }
    }

    static ReportException failed(IOException e) {
        return new ReportException("cannot draw the PDF report: " + e.getMessage(), e);
    }
}
