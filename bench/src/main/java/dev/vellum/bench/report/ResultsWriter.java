package dev.vellum.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code latest.md} (a table: metric, Vellum, DSS, ratio, target, met?) and {@code latest.json}. */
public final class ResultsWriter {
    private ResultsWriter() {
    }

    /**
     * @param sections free text per heading (verdict lists, profiles, what each section ran), in order
     */
    public static void write(Path dir, Machine start, Machine end, String command, List<Metric> metrics,
                             Map<String, List<String>> sections) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("latest.md"), markdown(start, end, command, metrics, sections));
            Files.writeString(dir.resolve("latest.json"), json(start, end, command, metrics, sections));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results into " + dir, e);
        }
    }

    static String markdown(Machine start, Machine end, String command, List<Metric> metrics,
                           Map<String, List<String>> sections) {
        StringBuilder md = new StringBuilder();
        md.append("# Vellum beside DSS 6.3: benchmark results\n\n");
        md.append("- date: ").append(start.date()).append(" to ").append(end.date()).append(" (UTC)\n");
        md.append("- machine: ").append(start.cores()).append(" cores (").append(start.cpu()).append("), ")
                .append(start.os()).append('\n');
        md.append("- JDK: ").append(start.jdk()).append('\n');
        md.append(String.format(Locale.ROOT, "- load average (1 min) at start %.2f, at end %.2f%n", start.loadAverage(),
                end.loadAverage()));
        md.append("- command: `").append(command).append("`\n\n");
        md.append("Ratio = Vellum's advantage (Vellum/DSS for rates, DSS/Vellum for times and memory).\n\n");
        md.append("| section | metric | Vellum | DSS | ratio | target | met? |\n|---|---|---:|---:|---:|---|---|\n");
        for (Metric m : metrics) {
            md.append("| ").append(m.section()).append(" | ").append(m.name())
                    .append(m.note().isEmpty() ? "" : " <br><small>" + m.note() + "</small>")
                    .append(" | ").append(number(m.vellum())).append(" | ").append(number(m.dss()))
                    .append(" | ").append(Double.isNaN(m.ratio()) ? "" : String.format(Locale.ROOT, "%.1f×", m.ratio()))
                    .append(" | ").append(m.target()).append(" | ")
                    .append(m.met() == null ? "" : m.met() ? "yes" : "**no**").append(" |\n");
        }
        sections.forEach((heading, lines) -> {
            md.append("\n## ").append(heading).append("\n\n");
            lines.forEach(l -> md.append(l).append('\n'));
        });
        return md.toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    static String json(Machine start, Machine end, String command, List<Metric> metrics,
                       Map<String, List<String>> sections) {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"start\": ").append(machine(start)).append(",\n");
        j.append("  \"end\": ").append(machine(end)).append(",\n");
        j.append("  \"command\": ").append(string(command)).append(",\n");
        j.append("  \"metrics\": [\n");
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.get(i);
            j.append("    {\"section\": ").append(string(m.section())).append(", \"name\": ").append(string(m.name()))
                    .append(", \"vellum\": ").append(num(m.vellum())).append(", \"dss\": ").append(num(m.dss()))
                    .append(", \"ratio\": ").append(num(m.ratio())).append(", \"higherIsBetter\": ").append(m.higherIsBetter())
                    .append(", \"target\": ").append(string(m.target())).append(", \"met\": ").append(m.met())
                    .append(", \"note\": ").append(string(m.note())).append('}').append(i + 1 < metrics.size() ? ",\n" : "\n");
        }
        j.append("  ],\n  \"sections\": {\n");
        int k = 0;
        for (Map.Entry<String, List<String>> s : sections.entrySet()) {
            j.append("    ").append(string(s.getKey())).append(": [");
            j.append(String.join(", ", s.getValue().stream().map(ResultsWriter::string).toList()));
            j.append(']').append(++k < sections.size() ? ",\n" : "\n");
        }
        j.append("  }\n}\n");
        return j.toString();
    }

    private static String machine(Machine m) {
        return String.format(Locale.ROOT, "{\"date\": \"%s\", \"cores\": %d, \"cpu\": %s, \"jdk\": %s, \"os\": %s, "
                + "\"loadAverage1m\": %.2f}", m.date(), m.cores(), string(m.cpu()), string(m.jdk()), string(m.os()),
                m.loadAverage());
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
