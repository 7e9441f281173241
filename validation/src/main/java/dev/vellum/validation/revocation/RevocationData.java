package dev.vellum.validation.revocation;

import dev.vellum.validation.data.Origin;
import dev.vellum.validation.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one CRL or OCSP response says about one certificate, after its signature and issuer were
 * checked. Immutable.
 *
 * @param kind CRL or OCSP
 * @param status GOOD, REVOKED or UNKNOWN
 * @param revocationTime when revoked, else null
 * @param reason the CRL reason name (e.g. keyCompromise), else null
 * @param thisUpdate thisUpdate of the CRL or of the OCSP SingleResponse
 * @param nextUpdate nextUpdate if present, else null
 * @param producedAt OCSP producedAt, or the CRL's thisUpdate
 * @param signer the certificate that signed the CRL/response
 * @param origin where the data came from
 * @param url the URL it was fetched from, when fetched
 * @param encoded the DER of the CRL or the OCSPResponse
 */
public record RevocationData(Kind kind, RevocationStatus status, Instant revocationTime, String reason,
                             Instant thisUpdate, Instant nextUpdate, Instant producedAt,
                             X509Certificate signer, Origin origin, String url, byte[] encoded) {

    /** CRL or OCSP. */
    public enum Kind { CRL, OCSP }

    public RevocationData {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The issuance time EN 319 102-1 §5.2.5 compares: OCSP producedAt, CRL thisUpdate. */
    public Instant issuanceTime() {
        return producedAt != null ? producedAt : thisUpdate;
    }

    public Optional<Instant> nextUpdateTime() {
        return Optional.ofNullable(nextUpdate);
    }

    /** SHA-256 of the encoding: the object's identity in reports. */
    public String id() {
        return Fingerprints.sha256Hex(encoded);
    }

    /**
     * EN 319 102-1 §5.2.5 freshness with the default maximum age (nextUpdate − thisUpdate): data
     * issued at or after {@code time}, or whose validity window still covers {@code time}.
     */
    public boolean isFreshAt(Instant time) {
        if (!issuanceTime().isBefore(time)) {
            return true;
        }
        return nextUpdate != null && time.isBefore(nextUpdate);
    }
}
