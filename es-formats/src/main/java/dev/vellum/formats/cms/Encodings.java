package dev.vellum.formats.cms;

import dev.vellum.formats.SignatureFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/** Encoding helpers that keep an element's stored encoding (BER/DL/DER) unless DER is asked for. */
public final class Encodings {
    /** Nesting/size guard for untrusted input: ASN1InputStream refuses lengths beyond this. */
    public static final int MAX_IN_MEMORY = 256 * 1024 * 1024;

    private Encodings() {
    }

    /** The element as stored (ASN1Object.getEncoded keeps BER/DL forms as parsed). */
    public static byte[] asStored(ASN1Encodable element) {
        try {
            return element.toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] der(ASN1Encodable element) {
        try {
            return element.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one ASN.1 object, refusing trailing garbage and lengths beyond the input. */
    public static ASN1Primitive parse(byte[] bytes, String what) {
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            ASN1Primitive p = in.readObject();
            if (p == null) {
                throw new SignatureFormatException(what + ": empty input");
            }
            return p;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SignatureFormatException sfe) {
                throw sfe;
            }
            throw new SignatureFormatException(what + ": not valid ASN.1 (" + e.getMessage() + ")", e);
        }
    }
}
