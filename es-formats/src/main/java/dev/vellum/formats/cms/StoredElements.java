package dev.vellum.formats.cms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The stored bytes of the SignedData elements that are hash inputs or decoded again — each
 * CertificateChoices and RevocationInfoChoice (with an OtherRevocationInfoFormat's info), and each
 * value of each SignerInfo's unsigned attributes — sliced from the ContentInfo bytes Bouncy Castle
 * parsed. A slice is offered only where it equals Bouncy Castle's own re-encoding of the parsed
 * element ({@link CanonicalTlv}), so a caller using it hashes or decodes exactly the bytes it did
 * when it re-encoded (EN 319 122-1 §5.5.2: the ats-hash-index inputs are the elements as stored);
 * anything else is null and the caller encodes. Immutable; slices are handed out as copies.
 */
public final class StoredElements {
    /** Nothing sliced: every caller encodes. */
    public static final StoredElements NONE = new StoredElements(null, null, null);

    private final byte[] bytes;
    private final List<Element> certificates;
    private final List<Element> revocations;
    /** Per SignerInfo, per unsigned Attribute element, per value; null lists where the shape was unexpected. */
    private final List<List<List<Element>>> unsignedValues;
    /** Per SignerInfo: version … signature as one slice (they are contiguous), or null. */
    private final List<Element> signedFields;
    /** Per SignerInfo: the [0] signedAttrs, when re-tagged as SET it is their DER SET OF (sorted, DER elements), or null. */
    private final List<Element> signedAttributes;

    /** One element: where it lies, how canonical it is, and (for an OtherRevocationInfoFormat) where its info lies. */
    private record Element(CanonicalTlv tlv, int level, CanonicalTlv inner) {
    }

    private StoredElements(byte[] bytes, List<Element> certificates, List<Element> revocations) {
        this(bytes, certificates, revocations, null, null, null);
    }

    private StoredElements(byte[] bytes, List<Element> certificates, List<Element> revocations,
                           List<List<List<Element>>> unsignedValues, List<Element> signedFields,
                           List<Element> signedAttributes) {
        this.bytes = bytes;
        this.signedAttributes = signedAttributes;
        this.certificates = certificates;
        this.revocations = revocations;
        this.unsignedValues = unsignedValues;
        this.signedFields = signedFields;
    }

    /** Slices a ContentInfo holding SignedData (a CMS signature or a time-stamp token), as Bouncy Castle parsed it. */
    public static StoredElements of(byte[] contentInfo) {
        CanonicalTlv ci = CanonicalTlv.read(contentInfo, 0, contentInfo.length);
        if (ci == null || ci.first() != 0x30) {
            return NONE;
        }
        List<CanonicalTlv> ciParts = children(contentInfo, ci);
        if (ciParts == null || ciParts.size() != 2 || ciParts.get(1).first() != 0xA0) {
            return NONE;
        }
        List<CanonicalTlv> explicit = children(contentInfo, ciParts.get(1));
        if (explicit == null || explicit.size() != 1 || explicit.get(0).first() != 0x30) {
            return NONE;
        }
        List<CanonicalTlv> sd = children(contentInfo, explicit.get(0));
        if (sd == null || sd.size() < 4) {
            return NONE;
        }
        List<Element> certs = List.of();
        List<Element> revs = List.of();
        List<List<List<Element>>> unsigned = null;
        List<Element> signed = null;
        List<Element> signedAttrs = null;
        for (int i = 3; i < sd.size(); i++) {
            CanonicalTlv field = sd.get(i);
            if (field.first() == 0xA0) {
                certs = certs.isEmpty() ? elements(contentInfo, field, false) : null;
            } else if (field.first() == 0xA1) {
                revs = revs.isEmpty() ? elements(contentInfo, field, true) : null;
            } else if (field.first() == 0x31 && i == sd.size() - 1) {
                unsigned = signerUnsignedValues(contentInfo, field);
                signed = signerSignedFields(contentInfo, field);
                signedAttrs = signerSignedAttributes(contentInfo, field);
            }
        }
        return new StoredElements(contentInfo, certs, revs, unsigned, signed, signedAttrs);
    }

    /**
     * Whether the slices line up with Bouncy Castle's parsed SignedData: as many certificates and
     * revocation choices. When they do not, no slice is used.
     */
    public boolean alignedWith(int certificateCount, int revocationCount) {
        return certificates != null && revocations != null && certificates.size() == certificateCount
                && revocations.size() == revocationCount;
    }

    /** The i-th CertificateChoices as {@link Encodings#asStored} gives it, or null when it must be encoded. */
    public byte[] certificateAsStored(int i) {
        return slice(certificates, i, CanonicalTlv.AS_STORED, false);
    }

    /** The i-th CertificateChoices as {@link Encodings#der} gives it, or null when it must be encoded. */
    public byte[] certificateDer(int i) {
        return slice(certificates, i, CanonicalTlv.DER, false);
    }

    /** The i-th RevocationInfoChoice as {@link Encodings#asStored} gives it (OCSP: with its [1] tag), or null. */
    public byte[] revocationAsStored(int i) {
        return slice(revocations, i, CanonicalTlv.AS_STORED, false);
    }

    /** The i-th RevocationInfoChoice as {@link Encodings#der} gives it, or null. */
    public byte[] revocationDer(int i) {
        return slice(revocations, i, CanonicalTlv.DER, false);
    }

    /** The DER otherRevInfo of the i-th RevocationInfoChoice when it is an [1] OtherRevocationInfoFormat, or null. */
    public byte[] otherRevocationInfoDer(int i) {
        return slice(revocations, i, CanonicalTlv.DER, true);
    }

    /**
     * The values of the k-th element of the signer-th SignerInfo's unsignedAttrs, each as
     * {@link Encodings#asStored} gives it (null entries must be encoded), or null when unknown.
     */
    public List<byte[]> unsignedValuesAsStored(int signer, int k) {
        if (unsignedValues == null || signer >= unsignedValues.size() || unsignedValues.get(signer) == null
                || k >= unsignedValues.get(signer).size() || unsignedValues.get(signer).get(k) == null) {
            return null;
        }
        List<Element> values = unsignedValues.get(signer).get(k);
        List<byte[]> out = new ArrayList<>(values.size());
        for (int j = 0; j < values.size(); j++) {
            out.add(slice(values, j, CanonicalTlv.AS_STORED, false));
        }
        return out;
    }

    /**
     * The signer-th SignerInfo's fields version … signature, concatenated as {@link Encodings#asStored}
     * gives each (the ATSv3 imprint part, EN 319 122-1 §5.5.3), or null when they must be encoded.
     */
    public byte[] signedFieldsAsStored(int signer) {
        return slice(signedFields, signer, CanonicalTlv.AS_STORED, false);
    }

    /**
     * The signer-th SignerInfo's signed attributes as {@code Encodings.der} gives the SET OF (the input
     * of the signature value, RFC 5652 §5.4), or null when they must be encoded: the stored [0] with
     * the SET tag, when every attribute is DER and they are already in the order Bouncy Castle's
     * DER sort would give.
     */
    public byte[] signedAttributesDer(int signer) {
        byte[] b = slice(signedAttributes, signer, CanonicalTlv.DER, false);
        if (b != null) {
            b[0] = 0x31;
        }
        return b;
    }

    private byte[] slice(List<Element> list, int i, int level, boolean inner) {
        if (list == null || i >= list.size()) {
            return null;
        }
        Element e = list.get(i);
        if (e == null || e.level() < level) {
            return null;
        }
        CanonicalTlv t = inner ? e.inner() : e.tlv();
        return t == null ? null : Arrays.copyOfRange(bytes, t.start(), t.end());
    }

    private static List<Element> elements(byte[] b, CanonicalTlv field, boolean otherInfo) {
        List<CanonicalTlv> items = children(b, field);
        if (items == null) {
            return null;
        }
        List<Element> out = new ArrayList<>(items.size());
        for (CanonicalTlv t : items) {
            CanonicalTlv inner = null;
            if (otherInfo && t.first() == 0xA1) {
                List<CanonicalTlv> parts = children(b, t);
                inner = parts != null && parts.size() == 2 ? parts.get(1) : null;
            }
            out.add(new Element(t, t.level(b), inner));
        }
        return Collections.unmodifiableList(out);
    }

    private static List<List<List<Element>>> signerUnsignedValues(byte[] b, CanonicalTlv signerInfos) {
        return perSigner(b, signerInfos, (signer, fields) -> {
            CanonicalTlv unsignedAttrs = lastTagged(fields, 0xA1);
            return unsignedAttrs == null ? List.of() : attributeValues(b, unsignedAttrs);
        });
    }

    /** Each SignerInfo's fields before a final [1] unsignedAttrs, as one element (null where the shape differs). */
    private static List<Element> signerSignedFields(byte[] b, CanonicalTlv signerInfos) {
        return perSigner(b, signerInfos, (signer, fields) -> signedFields(b, signer, fields));
    }

    private static List<Element> signerSignedAttributes(byte[] b, CanonicalTlv signerInfos) {
        return perSigner(b, signerInfos, (signer, fields) -> {
            CanonicalTlv attrs = lastTagged(fields, 0xA0);
            return attrs == null ? null : derSortedSet(b, attrs);
        });
    }

    /**
     * {@code shape} applied to each SignerInfo and its fields, null for a SignerInfo that is not a
     * SEQUENCE of canonical fields; null if the SignerInfos themselves cannot be walked.
     */
    private static <T> List<T> perSigner(byte[] b, CanonicalTlv signerInfos,
                                         BiFunction<CanonicalTlv, List<CanonicalTlv>, T> shape) {
        List<CanonicalTlv> signers = children(b, signerInfos);
        if (signers == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        for (CanonicalTlv signer : signers) {
            List<CanonicalTlv> fields = signer.first() == 0x30 ? children(b, signer) : null;
            out.add(fields == null ? null : shape.apply(signer, fields));
        }
        return out;
    }

    /** The last field with identifier octet {@code tag} (e.g. 0xA0 signedAttrs, 0xA1 unsignedAttrs), or null. */
    private static CanonicalTlv lastTagged(List<CanonicalTlv> fields, int tag) {
        CanonicalTlv found = null;
        for (CanonicalTlv f : fields) {
            if (f.first() == tag) {
                found = f;
            }
        }
        return found;
    }

    /**
     * The [0] as a DER SET OF when its elements are DER and each compares at or above the previous one
     * the way Bouncy Castle's ASN1Set sort compares DER encodings (a stable sort then keeps them in place).
     */
    private static Element derSortedSet(byte[] b, CanonicalTlv set) {
        List<CanonicalTlv> items = children(b, set);
        if (items == null) {
            return null;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).level(b) != CanonicalTlv.DER
                    || i > 0 && compareEncodings(b, items.get(i), items.get(i - 1)) < 0) {
                return null;
            }
        }
        return new Element(set, CanonicalTlv.DER, null);
    }

    // Bouncy Castle's ASN1Set.compareEncodings: identifier without the constructed bit, then the octets up
    // to the shorter length, the last of them compared last
    private static int compareEncodings(byte[] b, CanonicalTlv x, CanonicalTlv y) {
        int a0 = b[x.start()] & 0xDF;
        int b0 = b[y.start()] & 0xDF;
        if (a0 != b0) {
            return a0 < b0 ? -1 : 1;
        }
        int last = Math.min(x.end() - x.start(), y.end() - y.start()) - 1;
        for (int i = 1; i < last; i++) {
            byte p = b[x.start() + i];
            byte q = b[y.start() + i];
            if (p != q) {
                return (p & 0xFF) < (q & 0xFF) ? -1 : 1;
            }
        }
        int p = b[x.start() + last] & 0xFF;
        int q = b[y.start() + last] & 0xFF;
        return p < q ? -1 : p > q ? 1 : 0;
    }

    private static Element signedFields(byte[] b, CanonicalTlv signer, List<CanonicalTlv> fields) {
        int end = signer.end();
        int level = CanonicalTlv.DER;
        for (int i = 0; i < fields.size(); i++) {
            CanonicalTlv f = fields.get(i);
            if (!f.universal() && f.tagNo() == 1) {
                if (i != fields.size() - 1) {
                    return null; // RawSignerInfo.signedFields skips any [1]; only a final one leaves a contiguous run
                }
                end = f.start();
                continue;
            }
            level = Math.min(level, f.level(b));
        }
        if (level == CanonicalTlv.NONE) {
            return null;
        }
        return new Element(new CanonicalTlv(signer.first(), signer.tagNo(), signer.contentStart(), signer.contentStart(), end),
                level, null);
    }

    private static List<List<Element>> attributeValues(byte[] b, CanonicalTlv attrs) {
        List<CanonicalTlv> attributes = children(b, attrs);
        if (attributes == null) {
            return null;
        }
        List<List<Element>> out = new ArrayList<>();
        for (CanonicalTlv a : attributes) {
            List<CanonicalTlv> parts = a.first() == 0x30 ? children(b, a) : null;
            if (parts == null || parts.size() != 2 || parts.get(0).first() != 0x06 || parts.get(1).first() != 0x31) {
                out.add(null);
                continue;
            }
            out.add(elements(b, parts.get(1), false));
        }
        return out;
    }

    /** The TLVs inside a constructed one, or null when one of their headers is not canonical. */
    private static List<CanonicalTlv> children(byte[] b, CanonicalTlv t) {
        if (!t.constructed()) {
            return null;
        }
        List<CanonicalTlv> out = new ArrayList<>();
        int off = t.contentStart();
        while (off < t.end()) {
            CanonicalTlv child = CanonicalTlv.read(b, off, t.end());
            if (child == null) {
                return null;
            }
            out.add(child);
            off = child.end();
        }
        return out;
    }
}
