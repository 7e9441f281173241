package dev.vellum.formats.timestamp;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.cms.RawSignerInfo;
import dev.vellum.formats.cms.SignedDataParts;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;

/** The message-imprint inputs of every CAdES time-stamp (STANDARDS.md §1.2 A–F). */
public final class Imprints {
    private Imprints() {
    }

    /** A: H(content octets), raw, no tag/length (EN 319 122-1 §5.2.8). Streams the content. */
    public static byte[] contentTimestamp(String hashOid, SignedContent content) {
        return content.digest(Digests.forOid(hashOid));
    }

    /** B: H(signature value octets without tag and length) (EN 319 122-1 §5.3). */
    public static byte[] signatureTimestamp(String hashOid, RawSignerInfo signer) {
        return Digests.digest(hashOid, signer.signatureOctets());
    }

    /** C: ES-X type 1 — signature ‖ signature-time-stamps ‖ cert refs ‖ revocation refs (EN 319 122-1 A.1.5.2). */
    public static byte[] escTimestamp(String hashOid, RawSignerInfo signer) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(signer.signatureOctets());
        appendAttributes(buf, signer.unsignedAttributes(), CadesOids.SIGNATURE_TIMESTAMP);
        appendAttributes(buf, signer.unsignedAttributes(), CadesOids.COMPLETE_CERTIFICATE_REFS);
        appendAttributes(buf, signer.unsignedAttributes(), CadesOids.COMPLETE_REVOCATION_REFS);
        return Digests.digest(hashOid, buf.toByteArray());
    }

    /** D: ES-X type 2 — cert refs ‖ revocation refs (EN 319 122-1 A.1.5.1). */
    public static byte[] certsCrlsTimestamp(String hashOid, RawSignerInfo signer) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        appendAttributes(buf, signer.unsignedAttributes(), CadesOids.COMPLETE_CERTIFICATE_REFS);
        appendAttributes(buf, signer.unsignedAttributes(), CadesOids.COMPLETE_REVOCATION_REFS);
        return Digests.digest(hashOid, buf.toByteArray());
    }

    // each attribute contributes attrType TLV ‖ attrValues SET TLV, without the Attribute SEQUENCE header
    private static void appendAttributes(ByteArrayOutputStream buf, List<Attribute> attributes, ASN1ObjectIdentifier type) {
        for (Attribute a : attributes) {
            if (a.getAttrType().equals(type)) {
                buf.writeBytes(Encodings.asStored(a.getAttrType()));
                buf.writeBytes(Encodings.asStored(a.getAttrValues()));
            }
        }
    }

    /**
     * E: ATSv2 (RFC 5126 §6.4.1): encapContentInfo ‖ [detached content] ‖ [0] certificates ‖ [1] crls ‖
     * SignerInfo elements ‖ [1] unsignedAttrs restricted to {@code coveredUnsigned}. {@code withTagLength}
     * chooses TS 101 733 v2.2.1 (true) or v1.8.3 (false) for the unsignedAttrs field (trap 4).
     */
    public static Optional<byte[]> archiveV2(String hashOid, SignedDataParts parts, RawSignerInfo signer,
                                             List<Attribute> coveredUnsigned, boolean withTagLength) {
        if (parts.streamed().isPresent()) {
            return Optional.empty(); // the encapContentInfo TLV of a streamed file is not held in memory
        }
        MessageDigest md = Digests.forOid(hashOid);
        ASN1Sequence sd = parts.rawSignedData();
        md.update(Encodings.asStored(sd.getObjectAt(2)));
        if (parts.detached()) {
            if (parts.content().isEmpty()) {
                return Optional.empty();
            }
            feed(md, parts.content().get());
        }
        for (int i = 3; i < sd.size(); i++) {
            if (sd.getObjectAt(i) instanceof ASN1TaggedObject t && (t.getTagNo() == 0 || t.getTagNo() == 1)) {
                md.update(Encodings.asStored(t));
            }
        }
        for (ASN1Encodable e : signer.signedFields()) {
            md.update(Encodings.asStored(e));
        }
        if (!coveredUnsigned.isEmpty()) {
            ASN1EncodableVector v = new ASN1EncodableVector();
            coveredUnsigned.forEach(v::add);
            byte[] set = Encodings.asStored(new DLSet(v));
            if (withTagLength) {
                set[0] = (byte) 0xA1; // [1] IMPLICIT SET
                md.update(set);
            } else {
                md.update(set, headerLength(set), set.length - headerLength(set));
            }
        }
        return Optional.of(md.digest());
    }

    /**
     * F: ATSv3 (EN 319 122-1 §5.5.3): eContentType TLV ‖ raw H(signed content) ‖ SignerInfo
     * version … signature TLVs ‖ ATSHashIndexV3 value TLV. Streams the content.
     */
    public static byte[] archiveV3(String hashOid, SignedDataParts parts, SignedContent content, RawSignerInfo signer,
                                   byte[] hashIndexValue) {
        MessageDigest md = Digests.forOid(hashOid);
        md.update(Encodings.asStored(parts.eContentType()));
        md.update(content.digest(Digests.forOid(hashOid)));
        md.update(signer.signedFieldsEncoded());
        md.update(hashIndexValue);
        return md.digest();
    }

    private static void feed(MessageDigest md, SignedContent content) {
        try (var in = content.open()) {
            byte[] b = new byte[64 * 1024];
            int n;
            while ((n = in.read(b)) > 0) {
                md.update(b, 0, n);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int headerLength(byte[] tlv) {
        int lenByte = tlv[1] & 0xFF;
        return lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7F);
    }
}
