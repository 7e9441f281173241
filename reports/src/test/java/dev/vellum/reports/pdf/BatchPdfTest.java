package dev.vellum.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.reports.model.BatchOverview;
import dev.vellum.reports.support.Batches;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BatchPdfTest {
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    @Test
    void theBatchReportCountsPutsAttentionFirstAndListsRenewals() throws Exception {
        BatchOverview overview = Batches.of(120, NOW);
        byte[] pdf = new PdfReportWriter(Clock.fixed(NOW, ZoneOffset.UTC)).batch(overview);
        String text = PdfReportWriterTest.text(pdf);
        assertThat(overview.countsByIndication()).containsEntry("TOTAL_FAILED", 7L).containsEntry("INDETERMINATE", 10L);
        assertThat(text).contains("Batch report", "120 items archived".replace(" items archived", ""), "need attention",
                "Items by indication", "TOTAL_FAILED 7", "INDETERMINATE 10", "HASH_FAILURE", "REVOKED_NO_POE",
                "Items needing attention (" + overview.needingAttention().size() + ")", "Renewal due dates", "overdue",
                "Quarantined inputs (2)", "MIME nested deeper than 32 levels", "All items (120)", "Алексей Жуков", "王小明")
                .doesNotContain("\uFFFD");
        // failed before indeterminate before never validated, in the attention table
        int failed = text.indexOf("Items needing attention");
        String attention = text.substring(failed, text.indexOf("Renewal due dates"));
        assertThat(attention.indexOf("TOTAL_FAILED")).isLessThan(attention.indexOf("INDETERMINATE"));
        assertThat(attention.lastIndexOf("TOTAL_FAILED")).isLessThan(attention.indexOf("NOT_VALIDATED"));
        assertThat(PdfA.violations(pdf)).isEmpty();
    }
}
