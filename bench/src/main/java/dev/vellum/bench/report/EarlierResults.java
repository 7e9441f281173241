package dev.vellum.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The results of an earlier run ({@code latest.json}) for the sections this run does not repeat, so
 * that re-running one section (say validation, after a change) keeps the others' rows, marked as
 * coming from the earlier run.
 *
 * @param date when the earlier run started
 * @param metrics its rows of the sections not run now
 * @param sections its text sections whose heading this run does not write
 * @param ran its "What ran" lines of the sections not run now
 */
public record EarlierResults(String date, List<Metric> metrics, Map<String, List<String>> sections, List<String> ran) {

    public static EarlierResults load(Path latestJson, Set<String> runNow, Set<String> headingsNow) {
        if (!Files.exists(latestJson)) {
            return new EarlierResults("", List.of(), Map.of(), List.of());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(latestJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the earlier results " + latestJson, e);
        }
        String date = root.path("start").path("date").asString();
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode m : root.path("metrics")) {
            String section = m.path("section").asString();
            if (runNow.contains(section)) {
                continue;
            }
            String note = m.path("note").asString();
            metrics.add(new Metric(section, m.path("name").asString(), number(m.path("vellum")), number(m.path("dss")),
                    m.path("higherIsBetter").asBoolean(), m.path("target").asString(),
                    m.path("met").isNull() || m.path("met").isMissingNode() ? null : m.path("met").asBoolean(),
                    note.contains("earlier run") ? note : (note.isEmpty() ? "" : note + "; ") + "earlier run, " + date));
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> ran = new ArrayList<>();
        for (Map.Entry<String, JsonNode> s : root.path("sections").properties()) {
            List<String> lines = new ArrayList<>();
            s.getValue().forEach(l -> lines.add(l.asString()));
            if (s.getKey().equals("What ran")) {
                lines.stream().filter(l -> runNow.stream().noneMatch(r -> l.startsWith("- " + r + ":")))
                        .map(l -> l.contains("(earlier run") ? l : l + " (earlier run, " + date + ")").forEach(ran::add);
            } else if (!headingsNow.contains(s.getKey()) && !ownedBy(s.getKey(), runNow)) {
                sections.put(s.getKey(), lines);
            }
        }
        return new EarlierResults(date, metrics, sections, ran);
    }

    /** Text sections belong to the section that writes them. */
    private static boolean ownedBy(String heading, Set<String> runNow) {
        return (heading.startsWith("Verdicts") || heading.contains("validation time")) && runNow.contains("validation")
                || heading.contains("revalidate job") && runNow.contains("revalidation");
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
