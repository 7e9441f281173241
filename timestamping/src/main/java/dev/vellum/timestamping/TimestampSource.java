package dev.vellum.timestamping;

import org.bouncycastle.tsp.TimeStampToken;

/**
 * Something that time-stamps a digest: an RFC 3161 TSA over HTTP, a failover chain of them, or the
 * embedded TSA. Implementations return only tokens they have verified (status, nonce, imprint,
 * signature, TSA certificate); anything else is a {@link TimestampException}.
 */
public interface TimestampSource {

    /**
     * A verified time-stamp token over {@code digest}, which must already be the hash of the data
     * under {@code algorithm}.
     *
     * @throws TimestampException naming the TSA and the reason when no verified token can be had
     */
    TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest);
}
