package dev.vellum.app.ingest.inspect;

import java.time.Instant;

/** What ingest indexes about a message; header fields are null when absent. */
public record InspectedMessage(String messageId, String from, String subject, Instant sentAt, int signerCount,
                               String note) {
}
