package dev.vellum.validation.process;

import dev.vellum.validation.crypto.Suitability;
import dev.vellum.validation.report.TimestampReport;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The time-stamp validation building block's result (EN 319 102-1 §5.4), with what past validation
 * needs to revisit an INDETERMINATE one: the TSA certificate, its chain result and the suitability
 * of the token's algorithms.
 *
 * @param id SHA-256 of the token, hex
 * @param conclusion PASSED, FAILED or INDETERMINATE
 * @param imprintValid whether the message imprint matched the covered data
 */
public record TimestampOutcome(String id, TimeStampToken token, Instant genTime, boolean imprintValid,
                               Conclusion conclusion, X509Certificate tsaCertificate, ChainValidation chain,
                               Suitability suitability, TimestampReport report) {

    public boolean passed() {
        return conclusion.passed();
    }
}
