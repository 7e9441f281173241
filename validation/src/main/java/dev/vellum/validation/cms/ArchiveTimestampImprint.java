package dev.vellum.validation.cms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The data an archive time-stamp's message imprint covers, recomputed for checking
 * (EN 319 122-1 §5.5.3 for v3; RFC 5126 §6.4.1 for v2; STANDARDS.md §1.2 E and F).
 */
public final class ArchiveTimestampImprint {

    /**
     * Result of recomputing: whether the imprint matched and, for v3, the DER of the covered
     * certificates, revocation entries and unsigned attribute values that the index proves.
     */
    public record Check(boolean matches, String problem, List<byte[]> coveredCertificates,
                        List<byte[]> coveredRevocationEntries, List<byte[]> coveredUnsignedValues) {
    }

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private ArchiveTimestampImprint() {
    }

    public static Check check(CmsSignature signature, CmsSignature.ArchiveTimestamp ats) {
        try {
            return ats.version() == 3 ? v3(signature, ats.token()) : v2(signature, ats.token());
        } catch (IOException | RuntimeException e) {
            return new Check(false, "archive time-stamp imprint cannot be recomputed: " + e.getMessage(),
                    List.of(), List.of(), List.of());
        }
    }

    // EN 319 122-1 §5.5.3: eContentType ‖ H(signed data) ‖ SignerInfo fields (no unsignedAttrs) ‖ ats-hash-index-v3 value.
    private static Check v3(CmsSignature signature, TimeStampToken token) throws IOException {
        AlgorithmIdentifier alg = token.getTimeStampInfo().getHashAlgorithm();
        MessageDigest md = digest(alg);
        AttributeTable tstUnsigned = token.getUnsignedAttributes();
        Attribute index = tstUnsigned == null ? null : tstUnsigned.get(CadesOids.ATS_HASH_INDEX_V3);
        boolean v1Index = false;
        if (index == null && tstUnsigned != null) {
            index = tstUnsigned.get(CadesOids.ATS_HASH_INDEX_V1);
            v1Index = index != null;
        }
        if (index == null) {
            return new Check(false, "the archive time-stamp v3 has no ats-hash-index", List.of(), List.of(), List.of());
        }
        if (signature.signedContent().isEmpty()) {
            return new Check(false, "the signed content is needed to check the archive time-stamp", List.of(), List.of(), List.of());
        }
        SignedData sd = signature.signedDataStructure();
        SignerInfo si = signature.signerInformation().toASN1Structure();
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(sd.getEncapContentInfo().getContentType().getEncoded(ASN1Encoding.DER));
        in.write(md.digest(signature.signedContent().get()));
        in.write(si.getVersion().getEncoded(ASN1Encoding.DER));
        in.write(si.getSID().toASN1Primitive().getEncoded(ASN1Encoding.DER));
        in.write(si.getDigestAlgorithm().getEncoded(ASN1Encoding.DER));
        if (si.getAuthenticatedAttributes() != null) {
            in.write(new DERTaggedObject(false, 0, si.getAuthenticatedAttributes()).getEncoded(ASN1Encoding.DER));
        }
        in.write(si.getDigestEncryptionAlgorithm().getEncoded(ASN1Encoding.DER));
        in.write(si.getEncryptedDigest().getEncoded(ASN1Encoding.DER));
        ASN1Encodable indexValue = index.getAttrValues().getObjectAt(0);
        in.write(indexValue.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        boolean matches = MessageDigest.isEqual(md.digest(in.toByteArray()),
                token.getTimeStampInfo().getMessageImprintDigest());
        if (!matches) {
            return new Check(false, "the archive time-stamp's message imprint does not match the signature", List.of(), List.of(), List.of());
        }
        return indexCoverage(signature, sd, ASN1Sequence.getInstance(indexValue), v1Index, alg);
    }

    // EN 319 122-1 §5.5.2: each index entry must match an element present; it then proves that element.
    private static Check indexCoverage(CmsSignature signature, SignedData sd, ASN1Sequence index, boolean v1,
                                       AlgorithmIdentifier atsAlg) throws IOException {
        // v3 always encodes hashIndAlgorithm (4 elements); v1 may omit it, defaulting to SHA-256.
        int offset = index.size() == 4 ? 1 : 0;
        AlgorithmIdentifier hashAlg = offset == 1 ? AlgorithmIdentifier.getInstance(index.getObjectAt(0))
                : new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256);
        MessageDigest md = digest(hashAlg);
        List<byte[]> certs = elements(sd.getCertificates());
        List<byte[]> crls = elements(sd.getCRLs());
        List<byte[]> unsigned = new ArrayList<>();
        AttributeTable ua = signature.signerInformation().getUnsignedAttributes();
        List<byte[]> unsignedHashInputs = new ArrayList<>();
        if (ua != null) {
            org.bouncycastle.asn1.ASN1EncodableVector all = ua.toASN1EncodableVector();
            for (int i = 0; i < all.size(); i++) {
                Attribute a = Attribute.getInstance(all.get(i));
                if (v1) {
                    unsignedHashInputs.add(a.getEncoded(ASN1Encoding.DER));
                    unsigned.add(a.getEncoded(ASN1Encoding.DER));
                } else {
                    for (ASN1Encodable v : a.getAttrValues()) {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        b.write(a.getAttrType().getEncoded(ASN1Encoding.DER));
                        b.write(v.toASN1Primitive().getEncoded(ASN1Encoding.DER));
                        unsignedHashInputs.add(b.toByteArray());
                        unsigned.add(v.toASN1Primitive().getEncoded(ASN1Encoding.DER));
                    }
                }
            }
        }
        Optional<List<byte[]>> c = covered(ASN1Sequence.getInstance(index.getObjectAt(offset)), certs, certs, md::digest);
        Optional<List<byte[]>> r = covered(ASN1Sequence.getInstance(index.getObjectAt(offset + 1)), crls, crls, md::digest);
        Optional<List<byte[]>> u = covered(ASN1Sequence.getInstance(index.getObjectAt(offset + 2)), unsignedHashInputs, unsigned, md::digest);
        if (c.isEmpty() || r.isEmpty() || u.isEmpty()) {
            return new Check(false, "the ats-hash-index names "
                    + (c.isEmpty() ? "a certificate" : r.isEmpty() ? "a revocation entry" : "an unsigned attribute")
                    + " that the signature does not hold", List.of(), List.of(), List.of());
        }
        return new Check(true, "", c.get(), r.get(), u.get());
    }

    /** For each hash in {@code hashes}, the element whose hash input matches; empty if one has none. */
    private static Optional<List<byte[]>> covered(ASN1Sequence hashes, List<byte[]> hashInputs, List<byte[]> elements,
                                                  Function<byte[], byte[]> h) {
        List<byte[]> out = new ArrayList<>();
        for (ASN1Encodable e : hashes) {
            byte[] wanted = ASN1OctetString.getInstance(e).getOctets();
            boolean found = false;
            for (int i = 0; i < hashInputs.size(); i++) {
                if (MessageDigest.isEqual(h.apply(hashInputs.get(i)), wanted)) {
                    out.add(elements.get(i));
                    found = true;
                    break;
                }
            }
            if (!found) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static List<byte[]> elements(ASN1Set set) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (set != null) {
            for (ASN1Encodable e : set) {
                out.add(e.toASN1Primitive().getEncoded(ASN1Encoding.DER));
            }
        }
        return out;
    }

    // RFC 5126 §6.4.1 / STANDARDS.md §1.2 E: encapContentInfo ‖ [content] ‖ [0] certs ‖ [1] crls ‖ SignerInfo
    // fields ‖ [1] unsignedAttrs (with T/L, then without) minus this ATS and later archive time-stamps.
    private static Check v2(CmsSignature signature, TimeStampToken token) throws IOException {
        MessageDigest md = digest(token.getTimeStampInfo().getHashAlgorithm());
        SignedData sd = signature.signedDataStructure();
        SignerInfo si = signature.signerInformation().toASN1Structure();
        java.util.Date genTime = token.getTimeStampInfo().getGenTime();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(sd.getEncapContentInfo().getEncoded(ASN1Encoding.DER));
        if (sd.getEncapContentInfo().getContent() == null && signature.signedContent().isPresent()) {
            head.write(signature.signedContent().get());
        }
        if (sd.getCertificates() != null) {
            head.write(new DERTaggedObject(false, 0, sd.getCertificates()).getEncoded(ASN1Encoding.DER));
        }
        if (sd.getCRLs() != null) {
            head.write(new DERTaggedObject(false, 1, sd.getCRLs()).getEncoded(ASN1Encoding.DER));
        }
        head.write(si.getVersion().getEncoded(ASN1Encoding.DER));
        head.write(si.getSID().toASN1Primitive().getEncoded(ASN1Encoding.DER));
        head.write(si.getDigestAlgorithm().getEncoded(ASN1Encoding.DER));
        if (si.getAuthenticatedAttributes() != null) {
            head.write(new DERTaggedObject(false, 0, si.getAuthenticatedAttributes()).getEncoded(ASN1Encoding.DER));
        }
        head.write(si.getDigestEncryptionAlgorithm().getEncoded(ASN1Encoding.DER));
        head.write(si.getEncryptedDigest().getEncoded(ASN1Encoding.DER));
        org.bouncycastle.asn1.ASN1EncodableVector kept = new org.bouncycastle.asn1.ASN1EncodableVector();
        if (si.getUnauthenticatedAttributes() != null) {
            for (ASN1Encodable e : si.getUnauthenticatedAttributes()) {
                Attribute a = Attribute.getInstance(e);
                if (isArchiveTimestampNotOlder(a, genTime)) {
                    continue;
                }
                kept.add(a);
            }
        }
        byte[] expected = token.getTimeStampInfo().getMessageImprintDigest();
        byte[] base = head.toByteArray();
        ASN1Set keptSet = new org.bouncycastle.asn1.DLSet(kept);
        for (boolean withTagAndLength : new boolean[] {true, false}) {
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            in.write(base);
            if (kept.size() > 0) {
                byte[] tagged = new org.bouncycastle.asn1.DLTaggedObject(false, 1, keptSet).getEncoded();
                in.write(withTagAndLength ? tagged : contentsOf(tagged));
            }
            if (MessageDigest.isEqual(md.digest(in.toByteArray()), expected)) {
                return new Check(true, "", List.of(), List.of(), List.of());
            }
        }
        return new Check(false, "the archive time-stamp (v2) message imprint does not match the signature",
                List.of(), List.of(), List.of());
    }

    private static boolean isArchiveTimestampNotOlder(Attribute a, java.util.Date genTime) {
        if (!a.getAttrType().equals(CadesOids.ARCHIVE_TIMESTAMP_V2) && !a.getAttrType().equals(CadesOids.ARCHIVE_TIMESTAMP_V3)) {
            return false;
        }
        try {
            TimeStampToken t = new TimeStampToken(org.bouncycastle.asn1.cms.ContentInfo.getInstance(a.getAttrValues().getObjectAt(0)));
            return !t.getTimeStampInfo().getGenTime().before(genTime);
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] contentsOf(byte[] tlv) {
        int i = 1;
        int len = tlv[i++] & 0xff;
        if (len > 0x80) {
            i += len - 0x80;
        }
        return java.util.Arrays.copyOfRange(tlv, i, tlv.length);
    }

    private static MessageDigest digest(AlgorithmIdentifier alg) {
        try {
            return MessageDigest.getInstance(alg.getAlgorithm().getId(), BC);
        } catch (Exception e) {
            throw new IllegalArgumentException("unsupported hash algorithm " + alg.getAlgorithm(), e);
        }
    }
}
