package dev.vellum.app.cli.console;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, printed at the end of a command. */
public final class SummaryTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public SummaryTable(String... headers) {
        this.headers = List.of(headers);
    }

    public SummaryTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "-" : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                if (i < row.size()) {
                    widths[i] = Math.min(Math.max(widths[i], row.get(i).length()), 80);
                }
            }
        }
        printRow(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    /**
     * Cells wider than their column are cut with an ellipsis, except in the last column, whose text is
     * wrapped onto continuation lines: it is where reasons and paths go, and they must be read whole.
     */
    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        int last = widths.length - 1;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < last; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            if (cell.length() > widths[i]) {
                cell = cell.substring(0, widths[i] - 1) + "…";
            }
            line.append(cell).append(" ".repeat(widths[i] - cell.length())).append("  ");
        }
        String indent = " ".repeat(line.length());
        List<String> pieces = wrap(last < cells.size() ? cells.get(last) : "", widths[last]);
        out.println((line + pieces.get(0)).stripTrailing());
        for (String piece : pieces.subList(1, pieces.size())) {
            out.println(indent + piece);
        }
    }

    /** Splits at spaces where possible, else hard at the width. */
    static List<String> wrap(String text, int width) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                pieces.add(rest.substring(0, width));
                rest = rest.substring(width);
            } else {
                pieces.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
        }
        pieces.add(rest);
        return pieces;
    }
}
