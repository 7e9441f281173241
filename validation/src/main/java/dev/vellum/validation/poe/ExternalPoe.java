package dev.vellum.validation.poe;

import dev.vellum.validation.x509.Fingerprints;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A proof of existence supplied by the caller (TS 119 102-2 POE type "provided"): the archive's own
 * evidence record, say, proves that an object with this SHA-256 existed at {@code time}. The object
 * may be the signed file, the CMS, the signature value, or a certificate, CRL or OCSP response.
 *
 * @param sha256 hex SHA-256 of the object's bytes
 * @param time the object existed at this time
 * @param description who proves it, for the report (e.g. "archive evidence record 42")
 */
public record ExternalPoe(String sha256, Instant time, String description) {

    public ExternalPoe {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(time, "time");
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        HexFormat.of().parseHex(sha256);
        description = description == null ? "provided" : description;
    }

    /** A POE for these bytes. */
    public static ExternalPoe of(byte[] object, Instant time, String description) {
        return new ExternalPoe(Fingerprints.sha256Hex(object), time, description);
    }
}
