package dev.vellum.validation.report;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import java.time.Instant;
import java.util.List;

/**
 * One time-stamp token as validated (EN 319 102-1 §5.4).
 *
 * @param id SHA-256 of the token's DER, hex
 * @param type SIGNATURE (signature-time-stamp), ARCHIVE (archive-time-stamp v2/v3), CONTENT, or
 *     EVIDENCE_RECORD for a time-stamp inside an evidence record
 * @param genTime the TSTInfo genTime
 * @param tsa the TSA certificate's subject (or TSTInfo tsa name)
 * @param imprintAlgorithm the message-imprint hash algorithm
 * @param imprintValid whether the message imprint matches the data it must cover
 * @param indication PASSED, FAILED or INDETERMINATE (building-block indication)
 * @param subIndication why, or null
 * @param chain the TSA's certificate chain
 * @param messages what was found
 * @param algorithmSunset when the crypto table stops accepting the token's signature and imprint
 *     algorithms (null: no known end) — with the TSA chain's notAfter, when this evidence weakens
 */
public record TimestampReport(String id, String type, Instant genTime, String tsa, String imprintAlgorithm,
                              boolean imprintValid, Indication indication, SubIndication subIndication,
                              List<CertificateReport> chain, List<String> messages, Instant algorithmSunset) {

    public TimestampReport {
        chain = List.copyOf(chain);
        messages = List.copyOf(messages);
    }

    /** The end of this time-stamp's protection: the earliest of its TSA chain's notAfter and its algorithms' sunset. */
    public java.util.Optional<Instant> protectsUntil() {
        Instant end = algorithmSunset;
        for (CertificateReport c : chain) {
            if (!c.trustAnchor() && (end == null || c.notAfter().isBefore(end))) {
                end = c.notAfter();
            }
        }
        return java.util.Optional.ofNullable(end);
    }

    /** The same report with one more message. */
    public TimestampReport withMessage(String message) {
        List<String> more = new java.util.ArrayList<>(messages);
        more.add(message);
        return new TimestampReport(id, type, genTime, tsa, imprintAlgorithm, imprintValid, indication, subIndication,
                chain, more, algorithmSunset);
    }
}
