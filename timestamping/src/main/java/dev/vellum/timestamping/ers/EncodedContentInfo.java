package dev.vellum.timestamping.ers;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;

/**
 * A time-stamp token's ContentInfo that remembers its DER bytes. Thousands of records share one
 * token; Bouncy Castle would re-encode it (sorting its SETs) for every record and for every hash
 * of it, which made encoding a record cost over 100 µs. {@link DerSplice} copies these bytes.
 */
final class EncodedContentInfo extends ContentInfo {
    private final byte[] der;

    private EncodedContentInfo(ContentInfo parsed, byte[] der) {
        super(parsed.getContentType(), parsed.getContent());
        this.der = der;
    }

    /** Parses DER bytes once and keeps them. */
    static EncodedContentInfo of(byte[] der) throws IOException {
        return new EncodedContentInfo(ContentInfo.getInstance(ASN1Primitive.fromByteArray(der)), der.clone());
    }

    /** The DER bytes, not copied: callers only read them. */
    byte[] der() {
        return der;
    }

    /** The bytes of a token as stored: remembered DER, or a definite-length encoding of a parsed one. */
    static byte[] bytesOf(ContentInfo contentInfo) throws IOException {
        if (contentInfo instanceof EncodedContentInfo e) {
            return e.der;
        }
        // For a DER-encoded token (what TSAs send and what we store), DL re-encoding gives the same
        // bytes as DER, without DER's costly re-sorting of SETs.
        return contentInfo.getEncoded(ASN1Encoding.DL);
    }
}
