package dev.vellum.app.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static List<String> print(SummaryTable table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return Arrays.asList(text.toString().split("\n"));
    }

    @Test
    void aLongReasonInTheLastColumnIsWrappedWholeUnderItsColumn() {
        String reason = "item 28 cannot be extended to LTA: refusing to extend signature S1 (O=Vellum Demo,CN=Vellum Demo "
                + "Issuing CA (TEST ONLY) #9d71ea2487403e21): it does not verify: message-digest "
                + "9b5580de56382b0378ec398ca1ce28b846725a40d6f2a57209e75ad94f10c7a6456789abcdef0123 does not match";
        List<String> lines = print(new SummaryTable("id", "reason").row(2, reason));

        assertThat(lines.get(2)).startsWith("2   item 28 cannot be extended");
        assertThat(lines.subList(2, lines.size())).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(4 + 80))
                .allSatisfy(l -> assertThat(l).doesNotContain("…"));
        assertThat(lines.subList(3, lines.size())).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("    "));
        String joined = String.join(" ", lines.subList(2, lines.size()).stream().map(String::strip).toList());
        assertThat(joined.replace(" ", "")).isEqualTo(("2" + reason).replace(" ", ""));
    }

    @Test
    void otherColumnsAreCutWithAnEllipsis() {
        List<String> lines = print(new SummaryTable("source", "count").row("x".repeat(100), 3));
        assertThat(lines.get(2)).isEqualTo("x".repeat(79) + "…  3");
    }
}
