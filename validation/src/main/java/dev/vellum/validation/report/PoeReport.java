package dev.vellum.validation.report;

import java.time.Instant;

/**
 * A proof of existence used by the validation (EN 319 102-1 §5.6.2.3).
 *
 * @param objectId id of the object proven to exist (a certificate, CRL, OCSP response, time-stamp
 *     or the signature value: {@code signature:<id>})
 * @param time the object existed at this time
 * @param type TS 119 102-2 POE type: {@code validation} (derived by this validation from a
 *     time-stamp or evidence record) or {@code provided} (supplied by the caller)
 * @param provenBy the id of the time-stamp that proves it, or the caller's description
 */
public record PoeReport(String objectId, Instant time, String type, String provenBy) {
}
