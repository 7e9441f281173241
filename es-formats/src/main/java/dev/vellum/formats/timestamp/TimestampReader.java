package dev.vellum.formats.timestamp;

import dev.vellum.formats.Check;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.attribute.SignedAttributes;
import dev.vellum.formats.attribute.UnsignedAttributes;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.cms.RawSignerInfo;
import dev.vellum.formats.cms.SignedDataParts;
import dev.vellum.formats.cms.StoredElements;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.encoders.Hex;

/**
 * Finds every time-stamp of one SignerInfo and recomputes its message imprint by the recipe of its
 * kind (STANDARDS.md §1.2). Internal: callers use {@link dev.vellum.formats.CadesSignature#timestamps()}.
 */
public final class TimestampReader {
    private final SignedDataParts parts;
    private final RawSignerInfo signer;
    private final SignedAttributes signedAttributes;
    private final UnsignedAttributes unsignedAttributes;
    private final Optional<SignedContent> content;
    private final boolean topLevel;

    /**
     * @param content what the signer signed: the document content, or the parent's signature value
     *     for a countersignature
     * @param signedAttributes {@code signer}'s signed attributes, unsignedAttributes its unsigned ones, as
     *     read (their time-stamp tokens were decoded then, and are not decoded again)
     */
    public TimestampReader(SignedDataParts parts, RawSignerInfo signer, SignedAttributes signedAttributes,
                           UnsignedAttributes unsignedAttributes, Optional<SignedContent> content, boolean topLevel) {
        this.parts = parts;
        this.signer = signer;
        this.signedAttributes = signedAttributes;
        this.unsignedAttributes = unsignedAttributes;
        this.content = content;
        this.topLevel = topLevel;
    }

    public List<EmbeddedTimestamp> read() {
        List<EmbeddedTimestamp> out = new ArrayList<>();
        Map<TimestampKind, Integer> counters = new EnumMap<>(TimestampKind.class);
        for (Attribute a : signedAttributes.asn1()) {
            if (a.getAttrType().equals(CadesOids.CONTENT_TIMESTAMP)) {
                addAll(out, counters, TimestampKind.CONTENT, a, signedAttributes.timestampTokens(a), signedAttributes.storedValues(a));
            }
        }
        for (Attribute a : unsignedAttributes.asn1()) {
            Optional<TimestampKind> kind = TimestampKind.of(a.getAttrType()).filter(k -> k != TimestampKind.CONTENT);
            if (kind.isPresent()) {
                addAll(out, counters, kind.get(), a, unsignedAttributes.timestampTokens(a), unsignedAttributes.storedValues(a));
            }
        }
        return out;
    }

    private void addAll(List<EmbeddedTimestamp> out, Map<TimestampKind, Integer> counters, TimestampKind kind, Attribute a,
                        List<Optional<TimeStampToken>> tokens, List<byte[]> stored) {
        for (int j = 0; j < tokens.size(); j++) {
            Optional<TimeStampToken> token = tokens.get(j);
            if (token.isEmpty()) {
                continue;
            }
            int index = counters.merge(kind, 1, Integer::sum) - 1;
            StoredElements inside = stored != null && j < stored.size() ? StoredElements.of(stored.get(j)) : StoredElements.NONE;
            out.add(build(kind, index, token.get(), a, inside));
        }
    }

    private EmbeddedTimestamp build(TimestampKind kind, int index, TimeStampToken token, Attribute attribute,
                                    StoredElements inside) {
        String alg = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
        byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
        Optional<AtsHashIndex> hashIndex = Optional.empty();
        Check indexCheck = Check.notChecked("not an archive-time-stamp-v3");
        Check check;
        ValidationData data;
        try {
            data = Tokens.material(token, inside);
        } catch (RuntimeException e) {
            data = ValidationData.EMPTY;
        }
        try {
            switch (kind) {
                case CONTENT -> check = content.map(c -> compare(imprint, Imprints.contentTimestamp(alg, c), "content"))
                        .orElse(Check.notChecked("signed content not available"));
                case SIGNATURE -> check = compare(imprint, Imprints.signatureTimestamp(alg, signer), "signature value");
                case ESC_TYPE1 -> check = compare(imprint, Imprints.escTimestamp(alg, signer),
                        "signature, signature-time-stamps and complete references");
                case CERTS_CRLS_TYPE2 -> check = compare(imprint, Imprints.certsCrlsTimestamp(alg, signer),
                        "complete certificate and revocation references");
                case ARCHIVE_V2 -> check = archiveV2(alg, imprint, token, attribute);
                case ARCHIVE_V3 -> {
                    Optional<Attribute> indexAttr = hashIndexAttribute(token);
                    if (indexAttr.isEmpty()) {
                        check = Check.failed("archive-time-stamp-v3 without ats-hash-index in its token");
                    } else {
                        AtsHashIndex idx = AtsHashIndexCodec.parse(indexAttr.get());
                        hashIndex = Optional.of(idx);
                        indexCheck = checkIndex(idx);
                        check = content.isEmpty() || !topLevel
                                ? Check.notChecked("signed content not available")
                                : compare(imprint, Imprints.archiveV3(alg, parts, content.get(), signer, idx.encodedValue()),
                                        "ATSv3 input (content type, content hash, signer fields, hash index)");
                    }
                }
                default -> check = Check.notChecked("archive-time-stamp v1 (TS 101 733 ≤ 1.6.3) imprints are not recomputed");
            }
        } catch (RuntimeException e) {
            check = Check.failed("imprint cannot be computed: " + e.getMessage());
        }
        return new EmbeddedTimestamp(kind, index, token, token.getTimeStampInfo().getGenTime().toInstant(), alg, imprint,
                check, hashIndex, indexCheck, data);
    }

    private Check archiveV2(String alg, byte[] imprint, TimeStampToken token, Attribute self) {
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        // covered: every unsigned attribute except this ATS and archive time-stamps not older than it;
        // DER SET order is not chronological, so decide by genTime (trap 4)
        List<Attribute> covered = new ArrayList<>();
        for (Attribute a : unsignedAttributes.asn1()) {
            if (a == self || a.equals(self)) {
                continue;
            }
            Optional<TimestampKind> k = TimestampKind.of(a.getAttrType());
            if (k.isPresent() && k.get().isArchive() && !olderThan(a, genTime)) {
                continue;
            }
            covered.add(a);
        }
        for (boolean withTagLength : new boolean[] {true, false}) {
            Optional<byte[]> computed = Imprints.archiveV2(alg, parts, signer, covered, withTagLength);
            if (computed.isEmpty()) {
                return Check.notChecked(parts.streamed().isPresent()
                        ? "ATSv2 imprint of a large streamed file is not recomputed" : "detached content not available");
            }
            if (Arrays.equals(computed.get(), imprint)) {
                return Check.passed("ATSv2 imprint matches (" + (withTagLength ? "TS 101 733 v2.2.1" : "v1.8.3")
                        + " unsignedAttrs encoding)");
            }
        }
        return Check.failed("ATSv2 imprint does not match in either TS 101 733 variant");
    }

    private boolean olderThan(Attribute a, Instant genTime) {
        for (Optional<TimeStampToken> token : unsignedAttributes.timestampTokens(a)) {
            if (token.isEmpty() || !token.get().getTimeStampInfo().getGenTime().toInstant().isBefore(genTime)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Attribute> hashIndexAttribute(TimeStampToken token) {
        if (token.getUnsignedAttributes() == null) {
            return Optional.empty();
        }
        for (Attribute a : token.getUnsignedAttributes().toASN1Structure().getAttributes()) {
            if (a.getAttrType().equals(CadesOids.ATS_HASH_INDEX_V3) || a.getAttrType().equals(CadesOids.ATS_HASH_INDEX_V2)
                    || a.getAttrType().equals(CadesOids.ATS_HASH_INDEX_V1)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Every index entry must match an element present now; newer elements are merely unprotected (EN 319 122-1 §5.5.2). */
    private Check checkIndex(AtsHashIndex idx) {
        String alg = idx.hashAlgorithmOid();
        List<byte[]> certs = AtsHashIndexCodec.digests(alg, parts.certificateChoiceEncodings());
        List<byte[]> crls = AtsHashIndexCodec.digests(alg, parts.revocationChoiceEncodings());
        List<byte[]> attrs = idx.version() == 3
                ? AtsHashIndexCodec.digests(alg, unsignedAttributes.typeAndValueEncodings())
                : AtsHashIndexCodec.unsignedAttributeHashes(alg, unsignedAttributes.asn1());
        for (byte[] h : idx.certificates()) {
            if (!contains(certs, h)) {
                return Check.failed("certificatesHashIndex entry " + Hex.toHexString(h) + " matches no certificate");
            }
        }
        for (byte[] h : idx.crls()) {
            if (!contains(crls, h)) {
                return Check.failed("crlsHashIndex entry " + Hex.toHexString(h) + " matches no revocation element");
            }
        }
        for (byte[] h : idx.unsignedAttributes()) {
            if (!contains(attrs, h)) {
                return Check.failed("unsigned attribute index entry " + Hex.toHexString(h) + " matches no attribute value");
            }
        }
        return Check.passed("all " + (idx.certificates().size() + idx.crls().size() + idx.unsignedAttributes().size())
                + " hash index entries match elements of the signature");
    }

    private static boolean contains(List<byte[]> list, byte[] h) {
        return list.stream().anyMatch(x -> Arrays.equals(x, h));
    }

    private static Check compare(byte[] expected, byte[] computed, String what) {
        return Arrays.equals(expected, computed)
                ? Check.passed("message imprint matches the hash of the " + what)
                : Check.failed("message imprint " + Hex.toHexString(expected) + " does not match the hash of the "
                        + what + " (" + Hex.toHexString(computed) + ")");
    }
}
