package dev.vellum.formats.cms;

import dev.vellum.formats.SignatureFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.SignerInfo;

/**
 * A SignerInfo kept as the stored ASN.1 sequence, so that hash inputs and rewritten signatures use
 * the exact stored bytes of version … signature (STANDARDS.md §1.2 E/F) — Bouncy Castle's own
 * SignerInfo re-encodes as DER, which could reorder a non-DER signedAttrs SET.
 */
public final class RawSignerInfo {
    private final ASN1Sequence sequence;
    private final SignerInfo parsed;
    /** The sid's issuer when the sid is issuerAndSerialNumber, parsed once here; null for a subjectKeyIdentifier sid. */
    private final javax.security.auth.x500.X500Principal sidIssuer;

    /** Stored bytes of this SignerInfo's elements where they equal their re-encoding (see StoredElements). */
    private final StoredElements stored;
    private final int index;

    public RawSignerInfo(ASN1Encodable element) {
        this(element, StoredElements.NONE, -1);
    }

    /** @param stored the slices of the SignedData this is the index-th SignerInfo of */
    public RawSignerInfo(ASN1Encodable element, StoredElements stored, int index) {
        this.stored = stored;
        this.index = index;
        try {
            this.sequence = ASN1Sequence.getInstance(element);
            this.parsed = SignerInfo.getInstance(sequence);
            parsed.getEncryptedDigest().getOctets();
            parsed.getDigestAlgorithm().getAlgorithm();
            parsed.getDigestEncryptionAlgorithm().getAlgorithm();
            if (parsed.getSID().isTagged()) {
                org.bouncycastle.asn1.ASN1OctetString.getInstance(parsed.getSID().getId());
                this.sidIssuer = null;
            } else {
                var ias = org.bouncycastle.asn1.cms.IssuerAndSerialNumber.getInstance(parsed.getSID().getId());
                this.sidIssuer = new javax.security.auth.x500.X500Principal(Encodings.der(ias.getName()));
                ias.getSerialNumber().getValue();
            }
        } catch (RuntimeException e) {
            throw new SignatureFormatException("malformed SignerInfo: " + e.getMessage(), e);
        }
    }

    /**
     * The values of the k-th element of unsignedAttrs, each as {@link Encodings#asStored} gives it (a null
     * entry must be encoded), or null when not known (see {@link StoredElements}).
     */
    public List<byte[]> unsignedValuesAsStored(int k) {
        return index < 0 ? null : stored.unsignedValuesAsStored(index, k);
    }

    public ASN1Sequence sequence() {
        return sequence;
    }

    public SignerInfo parsed() {
        return parsed;
    }

    /** The sid's issuer (RFC 5652 §5.3 issuerAndSerialNumber), or null when the sid is a subjectKeyIdentifier. */
    public javax.security.auth.x500.X500Principal sidIssuer() {
        return sidIssuer;
    }

    public byte[] signatureOctets() {
        return parsed.getEncryptedDigest().getOctets();
    }

    public ASN1Set signedAttributeSet() {
        return parsed.getAuthenticatedAttributes();
    }

    /**
     * The unsigned attributes in stored order (empty when the field is absent). Elements that are not
     * Attributes are skipped here; {@code UnsignedAttributes.all()} lists them with the reason.
     */
    public List<Attribute> unsignedAttributes() {
        return attributes(parsed.getUnauthenticatedAttributes());
    }

    /** The signed attributes that decode as Attributes, in stored order. */
    public List<Attribute> signedAttributes() {
        return attributes(parsed.getAuthenticatedAttributes());
    }

    private static List<Attribute> attributes(ASN1Set set) {
        List<Attribute> out = new ArrayList<>();
        if (set != null) {
            for (ASN1Encodable e : set) {
                try {
                    Attribute a = Attribute.getInstance(e);
                    a.getAttrValues().size();
                    out.add(a);
                } catch (RuntimeException notAnAttribute) {
                    // reported by the attribute views
                }
            }
        }
        return out;
    }

    /** The stored elements version … signature, i.e. all but a trailing [1] unsignedAttrs. */
    public List<ASN1Encodable> signedFields() {
        List<ASN1Encodable> out = new ArrayList<>();
        for (ASN1Encodable e : sequence) {
            if (e instanceof ASN1TaggedObject t && t.getTagNo() == 1) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** The [1] unsignedAttrs element as stored, or null. */
    public ASN1TaggedObject unsignedField() {
        for (ASN1Encodable e : sequence) {
            if (e instanceof ASN1TaggedObject t && t.getTagNo() == 1) {
                return t;
            }
        }
        return null;
    }

    /** Concatenated TLVs of version … signature, as stored (ATSv3 imprint part 3, EN 319 122-1 §5.5.3). */
    public byte[] signedFieldsEncoded() {
        byte[] sliced = index < 0 ? null : stored.signedFieldsAsStored(index);
        if (sliced != null) {
            return sliced;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ASN1Encodable e : signedFields()) {
            out.writeBytes(Encodings.asStored(e));
        }
        return out.toByteArray();
    }

    /** DER SET OF signed attributes: the input of the signature when signed attributes are present (RFC 5652 §5.4). */
    public byte[] signedAttributesForVerification() {
        byte[] sliced = index < 0 ? null : stored.signedAttributesDer(index);
        if (sliced != null) {
            return sliced;
        }
        return Encodings.der(parsed.getAuthenticatedAttributes());
    }
}
