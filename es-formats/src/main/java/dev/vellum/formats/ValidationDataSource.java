package dev.vellum.formats;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Supplies the certificates, CRLs and OCSP responses a signature should embed to reach B-LT/B-LTA.
 * es-formats never fetches them itself; the validation module implements this with its fetcher,
 * cache and trust anchors, and tests or the CLI may use a fixed set.
 */
@FunctionalInterface
public interface ValidationDataSource {

    /**
     * Everything needed to validate {@code request.targets()} at {@code request.at()}: each target's
     * chain up to a trust anchor and revocation data (CRL or OCSP) for every non-anchor certificate
     * of those chains, including the OCSP responders' and the TSAs' own chains.
     *
     * @throws SignatureFormatException (or the implementing module's exception) when the data
     *     cannot be had; the message names the certificate and the reason
     */
    ValidationData validationData(Request request);

    /**
     * @param targets certificates that need chains and fresh revocation data: the signer, the TSAs of the
     *     time-stamps already present, ... The source fails when it cannot supply them.
     * @param available certificates the signature already carries, to help building chains
     * @param at the time the data should be fresh for (normally now)
     * @param alreadyProtected certificates whose validation material an earlier archive time-stamp already
     *     protects (EN 319 122-1 §5.5.3): the signer and TSAs of a signature that is being renewed. Their
     *     chains are completed and their revocation data refreshed only where that can be had while they
     *     are still valid; nothing is required for them, since the material embedded before the archive
     *     time-stamp is what proves their status (EN 319 102-1 §5.6.2). A source may ignore them.
     */
    record Request(List<X509Certificate> targets, List<X509Certificate> available, Instant at,
                   List<X509Certificate> alreadyProtected) {
        public Request {
            targets = List.copyOf(targets);
            available = List.copyOf(available);
            alreadyProtected = List.copyOf(alreadyProtected);
        }

        /** A request where every target needs fresh data (nothing is protected yet). */
        public Request(List<X509Certificate> targets, List<X509Certificate> available, Instant at) {
            this(targets, available, at, List.of());
        }
    }
}
