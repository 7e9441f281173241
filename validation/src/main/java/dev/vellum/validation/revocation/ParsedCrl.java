package dev.vellum.validation.revocation;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * A decoded CRL with its revoked serials indexed, kept in {@link CrlCache} so that a batch of
 * certificates from one CA decodes and indexes the CRL once.
 *
 * @param crl the JDK object (for signature checks)
 * @param encoded the DER
 * @param sha256 hex SHA-256 of the DER
 * @param crlNumber the cRLNumber extension, or null
 * @param baseCrlNumber the deltaCRLIndicator's base CRL number for a delta CRL, else null
 * @param revoked serial → revocation entry
 */
public record ParsedCrl(X509CRL crl, byte[] encoded, String sha256, X500Principal issuer, Instant thisUpdate,
                        Instant nextUpdate, BigInteger crlNumber, BigInteger baseCrlNumber,
                        Map<BigInteger, Revoked> revoked) {

    /** One revoked-certificate entry. */
    public record Revoked(Instant time, String reason) {
    }

    public boolean isDelta() {
        return baseCrlNumber != null;
    }
}
