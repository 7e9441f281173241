package dev.vellum.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsWriterTest {
    static final Machine MACHINE = new Machine(2, "cpu", "jdk", "os", 1.5, Instant.parse("2026-12-06T05:00:00Z"));

    @Test
    void theTableShowsRatiosAsVellumsAdvantageAndMissedTargets() {
        List<Metric> metrics = List.of(
                Metric.of("validation", "files/s", 300, 20, true, "").withTarget("≥ 30× DSS", false),
                Metric.of("memory", "peak heap, MiB", 50, 100, false, ""),
                Metric.of("ers", "messages/s", 6000, Double.NaN, true, "DSS makes none"));
        String md = ResultsWriter.markdown(MACHINE, MACHINE, "./bench.sh", metrics, Map.of());
        assertThat(md).contains("| validation | files/s | 300 | 20.0 | 15.0× | ≥ 30× DSS | **no** |")
                .contains("| memory | peak heap, MiB | 50.0 | 100 | 2.0× |")
                .contains("| 6,000 | n/a |  |")
                .contains("2 cores (cpu)");
    }

    @Test
    void jsonHasNullForWhatWasNotMeasuredAndEscapesText() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("Verdicts", List.of("a \"quoted\"\tline"));
        String json = ResultsWriter.json(MACHINE, MACHINE, "./bench.sh", List.of(Metric.of("ers", "x", 1, Double.NaN, true,
                "")), sections);
        assertThat(json).contains("\"dss\": null").contains("\"ratio\": null").contains("a \\\"quoted\\\"\\tline")
                .contains("\"cores\": 2");
    }
}
