package dev.vellum.app.tsa;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;

import org.bouncycastle.tsp.TimeStampToken;

/**
 * The time-stamping the archive jobs use (upgrade, renew): the embedded TSA, or external TSAs tried
 * in order with failover (see {@link TsaConfiguration}). Besides tokens it says which certificates
 * validation must trust for them and, when it can be known before asking, when its certificate expires.
 */
public final class ArchiveTsa implements TimestampSource {
    private final String description;
    private final TimestampSource source;
    private final Supplier<Optional<Instant>> certificateExpiry;
    private final Supplier<List<X509Certificate>> trustAnchors;

    ArchiveTsa(String description, TimestampSource source, Supplier<Optional<Instant>> certificateExpiry,
               Supplier<List<X509Certificate>> trustAnchors) {
        this.description = description;
        this.source = source;
        this.certificateExpiry = certificateExpiry;
        this.trustAnchors = trustAnchors;
    }

    /** A verified token, or a {@code TimestampException} that names every TSA tried and why it failed. */
    @Override
    public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        return source.timestamp(algorithm, digest);
    }

    /** The TSA certificate's expiry when it is known before a token is asked for (the embedded TSA's). */
    public Optional<Instant> certificateExpiry() {
        return certificateExpiry.get();
    }

    /** Certificates validation trusts for this archive's time-stamps (the embedded chain, external TSA roots). */
    public List<X509Certificate> trustAnchors() {
        return trustAnchors.get();
    }

    /** e.g. "embedded" or "external: tsa-a, tsa-b, then embedded". */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "ArchiveTsa[" + description + "]";
    }
}
