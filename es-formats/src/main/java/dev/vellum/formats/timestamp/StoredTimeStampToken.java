package dev.vellum.formats.timestamp;

import java.io.IOException;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * A time-stamp token whose {@link #getEncoded()} answers with the bytes it was read from instead of
 * re-encoding its whole SignedData (validation takes a token's id from that encoding). Made only
 * where those bytes are what Bouncy Castle's getEncoded gives
 * ({@link Tokens#parse(org.bouncycastle.asn1.ASN1Encodable, byte[])}), so the bytes are the same.
 */
final class StoredTimeStampToken extends TimeStampToken {
    private final byte[] encoded;

    StoredTimeStampToken(ContentInfo contentInfo, byte[] encoded) throws TSPException, IOException {
        super(contentInfo);
        this.encoded = encoded;
    }

    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }
}
