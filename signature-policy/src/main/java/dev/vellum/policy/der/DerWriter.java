package dev.vellum.policy.der;

import dev.vellum.policy.PolicyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;

/**
 * Assembles DER by concatenating TLVs. Bouncy Castle encodes the primitives; composites are built
 * here so that values we keep as raw DER (certificates, name constraints, algorithm parameters)
 * are embedded byte for byte instead of being parsed and re-encoded.
 */
final class DerWriter {
    private static final int SEQUENCE = 0x30;
    private static final int CONTEXT_CONSTRUCTED = 0xA0;

    private DerWriter() {
    }

    static byte[] sequence(List<byte[]> elements) {
        return tlv(SEQUENCE, elements);
    }

    static byte[] sequence(byte[]... elements) {
        return sequence(List.of(elements));
    }

    /** {@code [tagNo] EXPLICIT inner}: RFC 3125's module is DEFINITIONS EXPLICIT TAGS. */
    static byte[] explicit(int tagNo, byte[] inner) {
        return tlv(CONTEXT_CONSTRUCTED | tagNo, List.of(inner));
    }

    static byte[] primitive(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new PolicyException("cannot DER-encode " + value + ": " + e.getMessage(), e);
        }
    }

    private static byte[] tlv(int tag, List<byte[]> contents) {
        int length = 0;
        for (byte[] c : contents) {
            length += c.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        writeLength(out, length);
        for (byte[] c : contents) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = 0;
        for (int l = length; l > 0; l >>>= 8) {
            bytes++;
        }
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
