package dev.vellum.reports.support;

import dev.vellum.reports.model.BatchOverview;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Batch overviews of any size, with the mix of verdicts, renewals and quarantine an archive has. */
public final class Batches {
    private Batches() {
    }

    public static BatchOverview of(int size, Instant now) {
        List<BatchOverview.Entry> items = new ArrayList<>();
        String[] names = {"Zoë Öztürk-Čapek", "Алексей Жуков", "王小明", "Carol Ng", "Bogdan Čermák"};
        for (int i = 1; i <= size; i++) {
            String indication;
            String sub = null;
            if (i % 17 == 0) {
                indication = "TOTAL_FAILED";
                sub = i % 2 == 0 ? "HASH_FAILURE" : "SIG_CRYPTO_FAILURE";
            } else if (i % 11 == 0) {
                indication = "INDETERMINATE";
                sub = i % 3 == 0 ? "REVOKED_NO_POE" : "TRY_LATER";
            } else if (i % 97 == 0) {
                indication = null;
            } else {
                indication = "TOTAL_PASSED";
            }
            Instant sent = now.minus(Duration.ofDays(900 - (i % 800)));
            Instant until = i % 5 == 0 ? null : now.plus(Duration.ofDays((i * 37L) % 2000 - 60));
            items.add(new BatchOverview.Entry(Integer.toString(i), "Договор " + i + " / 合同 — invoice " + (1000 + i),
                    names[i % names.length] + " <user" + i + "@records.example>", sent, indication, sub,
                    indication == null ? null : "CAdES-BASELINE-LTA", until, indication == null ? null : now.minusSeconds(i)));
        }
        List<BatchOverview.Quarantined> quarantined = List.of(
                new BatchOverview.Quarantined("/srv/mail/garbage.eml", "ingest", "not a message: no header block", now),
                new BatchOverview.Quarantined("/srv/mail/bomb.eml", "ingest", "MIME nested deeper than 32 levels", now));
        return new BatchOverview("Vellum archive /srv/vellum", now, items, quarantined);
    }
}
