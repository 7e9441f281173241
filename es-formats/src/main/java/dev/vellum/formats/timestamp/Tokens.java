package dev.vellum.formats.timestamp;

import dev.vellum.formats.ValidationData;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Material;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** Decoding of time-stamp tokens held in attributes, and of the material they carry. */
public final class Tokens {
    private Tokens() {
    }

    /** Decodes an attribute value holding a TimeStampToken; throws IllegalArgumentException when it is none. */
    public static TimeStampToken parse(ASN1Encodable value) {
        try {
            return new TimeStampToken(ContentInfo.getInstance(value));
        } catch (TSPException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a time-stamp token: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #parse(ASN1Encodable)}, for a value whose encoding as stored ({@code Encodings.asStored})
     * is {@code stored}: the token then answers {@code getEncoded()} from those bytes (see
     * {@link StoredTimeStampToken}), byte for byte what Bouncy Castle would encode.
     */
    public static TimeStampToken parse(ASN1Encodable value, byte[] stored) {
        byte[] encoded = stored == null ? null : bouncyCastleEncoding(stored);
        if (encoded == null) {
            return parse(value);
        }
        try {
            return new StoredTimeStampToken(ContentInfo.getInstance(value), encoded);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a time-stamp token: " + e.getMessage(), e);
        }
    }

    /**
     * What {@code TimeStampToken.getEncoded()} gives for a ContentInfo whose re-encoding as stored is
     * {@code stored}, when that is SEQUENCE { OID, [0] EXPLICIT SEQUENCE } with minimal definite
     * lengths: Bouncy Castle keeps a ContentInfo it parsed with definite lengths definite (DLSequence,
     * DLTaggedObject) around the SignedData as parsed, which are these very bytes. Null for any other
     * shape (BER ContentInfos are re-encoded by Bouncy Castle as before).
     */
    static byte[] bouncyCastleEncoding(byte[] stored) {
        int[] outer = header(stored, 0, stored.length);
        if (outer == null || stored[0] != 0x30 || outer[1] != stored.length) {
            return null;
        }
        int[] oid = header(stored, outer[0], outer[1]);
        if (oid == null || stored[outer[0]] != 0x06) {
            return null;
        }
        int[] tagged = header(stored, oid[1], outer[1]);
        if (tagged == null || stored[oid[1]] != (byte) 0xA0 || tagged[1] != outer[1]) {
            return null;
        }
        int[] signedData = header(stored, tagged[0], tagged[1]);
        if (signedData == null || stored[tagged[0]] != 0x30 || signedData[1] != tagged[1]) {
            return null;
        }
        return stored;
    }

    /** Content start and end of a low-tag TLV with a minimal definite length at {@code off}, or null. */
    private static int[] header(byte[] b, int off, int limit) {
        if (off + 2 > limit || (b[off] & 0x1F) == 0x1F) {
            return null;
        }
        int p = off + 1;
        int l = b[p++] & 0xFF;
        long length;
        if (l < 0x80) {
            length = l;
        } else {
            int n = l & 0x7F;
            if (n == 0 || n > 4 || p + n > limit || b[p] == 0) {
                return null;
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (b[p++] & 0xFF);
            }
            if (length < 0x80) {
                return null;
            }
        }
        if (p + length > limit) {
            return null;
        }
        return new int[] {p, (int) (p + length)};
    }

    /** The token's SignedData content (for its certificates/crls as stored). */
    public static SignedData signedData(TimeStampToken token) {
        return SignedData.getInstance(token.toCMSSignedData().toASN1Structure().getContent());
    }

    /** Certificates, CRLs and OCSP responses inside a token: its SignedData and its SignerInfo's unsigned attributes. */
    public static ValidationData material(TimeStampToken token) {
        return material(token, dev.vellum.formats.cms.StoredElements.NONE);
    }

    /**
     * As {@link #material(TimeStampToken)}, with the token's certificates and revocation choices taken
     * from {@code stored} (sliced from the token's bytes as stored) where it holds their DER.
     */
    public static ValidationData material(TimeStampToken token, dev.vellum.formats.cms.StoredElements stored) {
        SignedData sd = signedData(token);
        ValidationData data = Material.fromSignedData(list(sd.getCertificates()), list(sd.getCRLs()), stored);
        if (token.getUnsignedAttributes() != null) {
            for (Attribute a : token.getUnsignedAttributes().toASN1Structure().getAttributes()) {
                try {
                    if (a.getAttrType().equals(CadesOids.CERTIFICATE_VALUES)) {
                        for (ASN1Encodable v : a.getAttrValues()) {
                            data = data.plus(new ValidationData(Material.certificateValues(v), List.of(), List.of()));
                        }
                    } else if (a.getAttrType().equals(CadesOids.REVOCATION_VALUES)) {
                        for (ASN1Encodable v : a.getAttrValues()) {
                            data = data.plus(Material.revocationValues(v));
                        }
                    }
                } catch (RuntimeException ignored) {
                    // unreadable material inside a token is simply not offered
                }
            }
        }
        return data;
    }

    public static List<ASN1Encodable> list(ASN1Set set) {
        List<ASN1Encodable> out = new ArrayList<>();
        if (set != null) {
            for (ASN1Encodable e : set) {
                out.add(e);
            }
        }
        return out;
    }
}
