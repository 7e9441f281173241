package dev.vellum.app.store;

import java.time.Instant;

/** One stored validation of one item version, with the verdict it replaced. */
public record ValidationRun(long id, long itemId, int version, Instant validatedAt, Instant validationTime,
                            String indication, String subIndication, String level, ContentHash report,
                            String previousIndication, String previousSubIndication, boolean changed,
                            Long jobExecutionId) {
}
