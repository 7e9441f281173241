package dev.vellum.app.store;

import java.util.List;

/**
 * What {@code vellum verify-store} found. {@code problems} fail the check (missing or corrupt blobs,
 * a broken event chain); {@code notices} do not (blobs no index row needs yet, left-over temp files:
 * both are what an interrupted run leaves and the next run reuses or ignores).
 */
public record StoreVerification(long blobsChecked, long referencesChecked, long eventsChecked,
                                List<String> problems, List<String> notices) {
    public StoreVerification {
        problems = List.copyOf(problems);
        notices = List.copyOf(notices);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
