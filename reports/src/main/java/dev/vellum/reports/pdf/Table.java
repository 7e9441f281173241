package dev.vellum.reports.pdf;

import dev.vellum.reports.pdf.ReportFonts.Face;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** A table to lay out: columns with relative widths, rows of wrapped text, optional colours per cell. */
record Table(List<Column> columns, List<Row> rows, float fontSize) {

    record Column(String title, float weight, Face face) {
    }

    /** @param colors per cell (null = ink), @param bold per cell, @param fill the row background (null = zebra) */
    record Row(List<String> cells, List<Color> colors, List<Boolean> bold, Color fill) {
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private float size = 8.2f;

        Builder column(String title, float weight) {
            columns.add(new Column(title, weight, Face.REGULAR));
            return this;
        }

        Builder mono(String title, float weight) {
            columns.add(new Column(title, weight, Face.MONO));
            return this;
        }

        Builder size(float fontSize) {
            this.size = fontSize;
            return this;
        }

        Builder row(String... cells) {
            rows.add(new Row(java.util.Arrays.stream(cells).map(c -> c == null ? "" : c).toList(), null, null, null));
            return this;
        }

        /** A row with one cell coloured and bold (the outcome). */
        Builder row(int colouredCell, Color color, String... cells) {
            List<Color> colors = new ArrayList<>();
            List<Boolean> bold = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                colors.add(i == colouredCell ? color : null);
                bold.add(i == colouredCell);
            }
            rows.add(new Row(java.util.Arrays.stream(cells).map(c -> c == null ? "" : c).toList(), colors, bold, null));
            return this;
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        Table build() {
            return new Table(List.copyOf(columns), List.copyOf(rows), size);
        }
    }
}
