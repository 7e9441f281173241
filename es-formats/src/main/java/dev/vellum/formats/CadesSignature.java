package dev.vellum.formats;

import dev.vellum.formats.attribute.CertificateRef;
import dev.vellum.formats.attribute.SignedAttributes;
import dev.vellum.formats.attribute.UnsignedAttributes;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.RawSignerInfo;
import dev.vellum.formats.cms.SignatureVerifier;
import dev.vellum.formats.cms.SignedDataParts;
import dev.vellum.formats.level.LevelDetector;
import dev.vellum.formats.level.SignatureLevel;
import dev.vellum.formats.timestamp.Digests;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.encoders.Hex;

/**
 * One SignerInfo of a {@link SignedDocument} (or a countersignature inside one), with typed
 * attributes, its time-stamps, embedded validation material, cryptographic checks reported as data,
 * and its level. Immutable; checks are computed once, on first use (digesting large content is lazy).
 */
public final class CadesSignature {
    private final SignedDocument document;
    private final SignedDataParts parts;
    private final RawSignerInfo raw;
    private final String id;
    private final CadesSignature parent;
    private final Optional<SignedContent> signedContent;
    private final SignedAttributes signedAttributes;
    private final UnsignedAttributes unsignedAttributes;
    private final SignerIdentifier signerIdentifier;

    private List<CadesSignature> counterSignatures;
    /** Memoised: every input (document material, attributes, time-stamps) is immutable once read. */
    private List<X509Certificate> known;
    private List<X509Certificate> candidates;
    private List<EmbeddedTimestamp> timestamps;
    private Check digestCheck;
    private Check signatureCheck;
    private X509Certificate verifiedWith;
    private SignatureLevel level;

    CadesSignature(SignedDocument document, SignedDataParts parts, RawSignerInfo raw, String id, CadesSignature parent) {
        this.document = document;
        this.parts = parts;
        this.raw = raw;
        this.id = id;
        this.parent = parent;
        this.signedContent = parent == null ? parts.content() : Optional.of(SignedContent.of(parent.raw.signatureOctets()));
        this.signedAttributes = new SignedAttributes(raw.signedAttributeSet());
        this.unsignedAttributes = new UnsignedAttributes(raw.parsed().getUnauthenticatedAttributes(), raw::unsignedValuesAsStored);
        this.signerIdentifier = SignerIdentifier.of(raw);
    }

    /** "S1", "S2" for top-level signers, "S1.C1" for the first countersignature of S1, and so on. */
    public String id() {
        return id;
    }

    public SignedDocument document() {
        return document;
    }

    public boolean isCounterSignature() {
        return parent != null;
    }

    public Optional<CadesSignature> parent() {
        return Optional.ofNullable(parent);
    }

    public SignerIdentifier signerIdentifier() {
        return signerIdentifier;
    }

    public String digestAlgorithmOid() {
        return raw.parsed().getDigestAlgorithm().getAlgorithm().getId();
    }

    public String signatureAlgorithmOid() {
        return raw.parsed().getDigestEncryptionAlgorithm().getAlgorithm().getId();
    }

    /** A readable algorithm name, e.g. "SHA256WITHRSA" or "Ed25519". */
    public String signatureAlgorithmName() {
        return new DefaultAlgorithmNameFinder().getAlgorithmName(raw.parsed().getDigestEncryptionAlgorithm());
    }

    public byte[] signatureValue() {
        return raw.signatureOctets();
    }

    public SignedAttributes signedAttributes() {
        return signedAttributes;
    }

    public UnsignedAttributes unsignedAttributes() {
        return unsignedAttributes;
    }

    public Optional<Instant> signingTime() {
        return signedAttributes.signingTime();
    }

    /** What this signer signed: the document content, or the parent's signature value for a countersignature. */
    public Optional<SignedContent> signedContent() {
        return signedContent;
    }

    // ---- certificates -------------------------------------------------------------------------

    /**
     * Certificates that may be the signer's: those matching the sid, from SignedData.certificates,
     * certificate-values and the reader's extra certificates; if none matches the sid, those matching
     * the signing-certificate(-v2) reference hash.
     */
    public synchronized List<X509Certificate> signerCertificateCandidates() {
        if (candidates == null) {
            SignerIdentifier sid = signerIdentifier();
            List<X509Certificate> pool = knownCertificates();
            List<X509Certificate> out = new ArrayList<>();
            for (X509Certificate c : pool) {
                if (sid.matches(c)) {
                    out.add(c);
                }
            }
            if (out.isEmpty()) {
                signedAttributes.signerCertificateRef().ifPresent(ref -> pool.stream().filter(ref::matches).forEach(out::add));
            }
            candidates = List.copyOf(out);
        }
        return new ArrayList<>(candidates);
    }

    /** The candidate whose key verifies the signature, else the first candidate. */
    public Optional<X509Certificate> signingCertificate() {
        signatureValueCheck();
        if (verifiedWith != null) {
            return Optional.of(verifiedWith);
        }
        List<X509Certificate> c = signerCertificateCandidates();
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    /** Every certificate this signature's document carries anywhere, plus the reader's extra ones. */
    public synchronized List<X509Certificate> knownCertificates() {
        if (known == null) {
            LinkedHashSet<X509Certificate> set = new LinkedHashSet<>(document.signedDataMaterial().certificates());
            set.addAll(unsignedAttributes.certificateValues());
            set.addAll(document.extraCertificates());
            for (EmbeddedTimestamp t : timestamps()) {
                set.addAll(t.tokenData().certificates());
            }
            known = List.copyOf(set);
        }
        return new ArrayList<>(known);
    }

    /** Whether the signing certificate matches the signing-certificate(-v2) reference (EN 319 122-1 §5.2.2). */
    public Check signingCertificateReferenceCheck() {
        Optional<CertificateRef> ref = signedAttributes.signerCertificateRef();
        if (ref.isEmpty()) {
            return Check.notChecked("no signing-certificate or signing-certificate-v2 attribute");
        }
        Optional<X509Certificate> cert = signingCertificate();
        if (cert.isEmpty()) {
            return Check.notChecked("signer certificate not found");
        }
        if (!ref.get().matches(cert.get())) {
            return Check.failed("signing certificate hash does not match the " + ref.get().source() + " reference");
        }
        if (ref.get().issuerSerial().isPresent() && !ref.get().issuerSerial().get().matches(cert.get())) {
            return Check.failed("signing certificate hash matches but the issuerSerial hint names another certificate");
        }
        return Check.passed("signing certificate matches the " + ref.get().source() + " reference hash");
    }

    // ---- cryptographic checks ----------------------------------------------------------------

    /** Does the signature value verify with a candidate certificate's key (RFC 5652 §5.6)? */
    public synchronized Check signatureValueCheck() {
        if (signatureCheck == null) {
            List<X509Certificate> candidates = signerCertificateCandidates();
            if (candidates.isEmpty()) {
                signatureCheck = Check.notChecked("signer certificate (" + signerIdentifier() + ") not found in the signature"
                        + " or among the supplied certificates");
            } else {
                Check last = null;
                for (X509Certificate c : candidates) {
                    last = SignatureVerifier.verify(raw, c, signedContent.orElse(null), knownCertificates());
                    if (last.passed()) {
                        verifiedWith = c;
                        break;
                    }
                }
                signatureCheck = last;
            }
        }
        return signatureCheck;
    }

    /** Does the message-digest attribute equal the hash of the signed content (RFC 5652 §11.2)? */
    public synchronized Check messageDigestCheck() {
        if (digestCheck == null) {
            digestCheck = computeDigestCheck();
        }
        return digestCheck;
    }

    private Check computeDigestCheck() {
        if (raw.signedAttributeSet() == null) {
            return Check.notChecked("no signed attributes: the signature value itself covers the content");
        }
        if (signedAttributes.count(CadesOids.MESSAGE_DIGEST) != 1) {
            return Check.failed("expected exactly one message-digest attribute, found "
                    + signedAttributes.count(CadesOids.MESSAGE_DIGEST));
        }
        Optional<byte[]> expected = signedAttributes.messageDigest();
        if (expected.isEmpty()) {
            return Check.failed("message-digest attribute is malformed");
        }
        if (signedContent.isEmpty()) {
            return Check.notChecked("detached signature and no content supplied");
        }
        byte[] actual;
        try {
            actual = signedContent.get().digest(Digests.forOid(digestAlgorithmOid()));
        } catch (SignatureFormatException e) {
            return Check.notChecked(e.getMessage());
        }
        return Arrays.equals(actual, expected.get())
                ? Check.passed("message-digest matches the " + (isCounterSignature() ? "countersigned signature value" : "content"))
                : Check.failed("message-digest " + Hex.toHexString(expected.get()) + " does not match the hash of the "
                        + (isCounterSignature() ? "countersigned signature value" : "content") + " ("
                        + Hex.toHexString(actual) + ")");
    }

    /** Signature value and (where present) message digest both verify. */
    public boolean cryptographicallyIntact() {
        return signatureValueCheck().passed() && !messageDigestCheck().failed()
                && (raw.signedAttributeSet() == null || messageDigestCheck().passed());
    }

    // ---- time-stamps, countersignatures, material -------------------------------------------

    /** Every time-stamp token: content (signed), signature, ES-C/X, archive v1/v2/v3, in stored order. */
    public synchronized List<EmbeddedTimestamp> timestamps() {
        if (timestamps == null) {
            try {
                timestamps = List.copyOf(new dev.vellum.formats.timestamp.TimestampReader(parts, raw, signedAttributes,
                        unsignedAttributes, signedContent,
                        parent == null).read());
            } catch (SignatureFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SignatureFormatException("cannot read the time-stamps of " + id + ": " + e, e);
            }
        }
        return timestamps;
    }

    public List<EmbeddedTimestamp> timestamps(TimestampKind kind) {
        return timestamps().stream().filter(t -> t.kind() == kind).toList();
    }

    public synchronized List<CadesSignature> counterSignatures() {
        if (counterSignatures == null) {
            List<CadesSignature> out = new ArrayList<>();
            int n = 0;
            for (Attribute a : raw.unsignedAttributes()) {
                if (a.getAttrType().equals(CadesOids.COUNTER_SIGNATURE)) {
                    for (ASN1Encodable v : a.getAttrValues()) {
                        try {
                            out.add(new CadesSignature(document, parts, new RawSignerInfo(v), id + ".C" + (++n), this));
                        } catch (SignatureFormatException e) {
                            // listed as malformed by UnsignedAttributes
                        }
                    }
                }
            }
            counterSignatures = List.copyOf(out);
        }
        return counterSignatures;
    }

    /** Validation material by where it was found: SignedData, value attributes, each time-stamp token. */
    public List<EmbeddedValidationData> embeddedValidationData() {
        List<EmbeddedValidationData> out = new ArrayList<>();
        out.add(new EmbeddedValidationData(EmbeddedValidationData.Origin.SIGNED_DATA, "SignedData", document.signedDataMaterial()));
        ValidationData values = new ValidationData(unsignedAttributes.certificateValues(), List.of(), List.of())
                .plus(unsignedAttributes.revocationValues());
        if (!values.isEmpty()) {
            out.add(new EmbeddedValidationData(EmbeddedValidationData.Origin.VALUE_ATTRIBUTES,
                    "certificate-values/revocation-values of " + id, values));
        }
        for (EmbeddedTimestamp t : timestamps()) {
            out.add(new EmbeddedValidationData(EmbeddedValidationData.Origin.TIMESTAMP_TOKEN, t.label() + " token", t.tokenData()));
        }
        return out;
    }

    /** All embedded material merged. */
    public ValidationData allValidationData() {
        ValidationData all = new ValidationData(document.extraCertificates(), List.of(), List.of());
        for (EmbeddedValidationData d : embeddedValidationData()) {
            all = all.plus(d.data());
        }
        return all;
    }

    public synchronized SignatureLevel level() {
        if (level == null) {
            try {
                level = LevelDetector.detect(this);
            } catch (SignatureFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SignatureFormatException("cannot determine the level of " + id + ": " + e, e);
            }
        }
        return level;
    }

    /** The stored SignerInfo (internal to es-formats: the extender rewrites it). */
    public RawSignerInfo rawSignerInfo() {
        return raw;
    }

    @Override
    public String toString() {
        return id + " " + signerIdentifier() + " " + level();
    }
}
