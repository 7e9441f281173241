package dev.vellum.reports.model;

import java.time.Instant;

/**
 * The mail headers a reader recognises a message by (RFC 5322 §3.6), decoded (RFC 2047 encoded
 * words resolved). Any field may be null when the item has no such header (e.g. a bare .p7m).
 *
 * @param subject the Subject
 * @param from the From mailbox(es) as written
 * @param to the To mailbox(es) as written
 * @param date the Date
 * @param messageId the Message-ID, with its angle brackets
 */
public record MessageInfo(String subject, String from, String to, Instant date, String messageId) {

    /** No headers at all. */
    public static MessageInfo none() {
        return new MessageInfo(null, null, null, null, null);
    }

    public boolean isEmpty() {
        return subject == null && from == null && to == null && date == null && messageId == null;
    }
}
