package dev.vellum.formats.extend;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.OcspResponseData;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.cms.SignedDataEditor;
import dev.vellum.formats.cms.SignedDataParts;
import dev.vellum.formats.timestamp.AtsHashIndexCodec;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.Imprints;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Extends CAdES signatures by adding unsigned data only: signed attributes, signature values and
 * content stay byte-identical (STANDARDS.md §1.2–1.3, EN 319 122-1 §5.3, §5.5.3, §6).
 * <ul>
 *   <li>T: a signature-time-stamp over the signature value from the {@link TimestampSource};</li>
 *   <li>LT: certificates and CRLs into SignedData.certificates/crls and OCSP responses as
 *       OtherRevocationInfoFormat id-ri-ocsp-response, from the {@link ValidationDataSource};</li>
 *   <li>LTA: LT (covering every TSA already present, req s) then an archive-time-stamp-v3 whose
 *       token carries an ats-hash-index-v3; on an LTA it adds one more ATSv3.</li>
 * </ul>
 * Legacy signatures: material is never put in SignedData once an ATSv2, ATS v1 or long-term-validation
 * attribute exists (EN 319 122-1 §5.5.3): LT is refused for them and LTA puts the material in the new
 * archive token's own certificate-values/revocation-values. A signature whose value or digest does not
 * verify is refused unless {@code force}.
 */
public final class CadesExtender {
    private final TimestampSource timestamps;
    private final ValidationDataSource validationData;
    private final DigestAlgorithm digest;
    private final Clock clock;
    private final boolean force;
    private final SignedDocumentReader reader;

    private CadesExtender(Builder b) {
        this.timestamps = b.timestamps;
        this.validationData = b.validationData;
        this.digest = b.digest;
        this.clock = b.clock;
        this.force = b.force;
        this.reader = b.reader;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Extends every top-level signature of {@code document} to {@code target}. */
    public ExtendedDocument extend(SignedDocument document, ExtensionTarget target) {
        if (!document.hasSignatures()) {
            throw new SignatureFormatException("this message is not itself signed; extend its nested signed documents one by one");
        }
        if (document.signatures().isEmpty()) {
            throw new SignatureFormatException("the SignedData has no signers to extend");
        }
        checkIntact(document);
        List<String> actions = new ArrayList<>();
        SignedDocument current = document;
        current = addSignatureTimestamps(current, actions);
        if (target == ExtensionTarget.LT) {
            List<String> blocked = legacyArchived(current);
            if (!blocked.isEmpty()) {
                throw new SignatureFormatException("cannot extend to LT: " + String.join("; ", blocked)
                        + " — once such an attribute exists SignedData.certificates/crls shall not change"
                        + " (EN 319 122-1 §5.5.3); extend to LTA instead");
            }
            current = addValidationData(current, actions);
        } else if (target == ExtensionTarget.LTA) {
            ValidationData forToken = ValidationData.EMPTY;
            if (legacyArchived(current).isEmpty()) {
                current = addValidationData(current, actions);
            } else {
                forToken = fetch(current);
                actions.add("legacy archive time-stamp present: validation data goes into the new archive token");
            }
            current = addArchiveTimestamps(current, forToken, actions);
        }
        if (current.streamed()) {
            return new ExtendedDocument(current.parts().encoded(), Optional.empty(), actions, Optional.of(current.parts()));
        }
        byte[] result = current.cmsEncoded();
        Optional<byte[]> message = document.smime().map(env -> SmimeRewriter.replaceCms(env, result));
        return new ExtendedDocument(result, message, actions);
    }

    /**
     * An archive seal on every top-level signature: a countersignature by {@code sealer} over each
     * signature value (RFC 5652 §11.4; EPES when the sealer has a policy), added as unsigned data only.
     * An S/MIME message comes back as a message with only its CMS part's body replaced. Extend the
     * result to LTA afterwards so that an archive time-stamp covers the seals and their validation data.
     */
    public ExtendedDocument seal(SignedDocument document, dev.vellum.formats.create.CadesSigner sealer) {
        if (document.signatures().isEmpty()) {
            throw new SignatureFormatException("the SignedData has no signers to seal");
        }
        if (document.streamed()) {
            throw new SignatureFormatException("sealing a large streamed file is not supported; extend it to LTA instead");
        }
        checkIntact(document);
        SignedDocument current = document;
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < document.signatures().size(); i++) {
            CadesSignature target = current.signatures().get(i);
            current = reread(current, sealer.counterSign(current, target));
            actions.add("sealed " + target.id() + " with a countersignature");
        }
        byte[] cms = current.cmsEncoded();
        Optional<byte[]> message = document.smime().map(env -> SmimeRewriter.replaceCms(env, cms));
        return new ExtendedDocument(cms, message, actions);
    }

    /**
     * Embeds an RFC 4998 evidence record as the TS 119 122-3 unsigned attribute of signature
     * {@code signatureIndex}: internal-evidence-records for an enveloping CMS, external for detached.
     * The record must cover {@link #evidenceRecordInput} of the same document.
     */
    public ExtendedDocument embedEvidenceRecord(SignedDocument document, int signatureIndex, byte[] evidenceRecord) {
        Objects.checkIndex(signatureIndex, document.signatures().size());
        if (document.streamed()) {
            throw new SignatureFormatException("embedding an evidence record into a large streamed file is not supported;"
                    + " keep the record beside it");
        }
        checkIntact(document);
        Attribute er = new Attribute(document.detached() ? CadesOids.EXTERNAL_EVIDENCE_RECORDS : CadesOids.INTERNAL_EVIDENCE_RECORDS,
                new DERSet(Encodings.parse(evidenceRecord, "evidence record")));
        byte[] cms = new SignedDataEditor(document.parts()).addUnsignedAttribute(signatureIndex, er).encode();
        Optional<byte[]> message = document.smime().map(env -> SmimeRewriter.replaceCms(env, cms));
        return new ExtendedDocument(cms, message, List.of("embedded an evidence record in " + document.signatures()
                .get(signatureIndex).id() + (document.detached() ? " (external-evidence-records)" : " (internal-evidence-records)")));
    }

    /**
     * The data object an embedded evidence record covers (TS 119 122-3, STANDARDS.md §1.2 G): the
     * CMS as it is before the record is added; for a detached CMS the record's group also covers
     * the detached content.
     */
    public static byte[] evidenceRecordInput(SignedDocument document) {
        return document.cmsEncoded();
    }

    private void checkIntact(SignedDocument document) {
        for (CadesSignature s : document.signatures()) {
            if (!s.cryptographicallyIntact() && !force) {
                String reason = !s.signatureValueCheck().passed() ? s.signatureValueCheck().detail() : s.messageDigestCheck().detail();
                throw new SignatureFormatException("refusing to extend signature " + s.id() + " (" + s.signerIdentifier()
                        + "): it does not verify: " + reason + ". Extending would time-stamp a broken signature;"
                        + " force it only if you mean to preserve it as evidence");
            }
        }
    }

    private SignedDocument addSignatureTimestamps(SignedDocument doc, List<String> actions) {
        SignedDataEditor editor = new SignedDataEditor(doc.parts());
        int index = 0;
        for (CadesSignature s : doc.signatures()) {
            if (s.timestamps(TimestampKind.SIGNATURE).isEmpty()) {
                // EN 319 122-1 §5.3: H(signature value octets); the token is embedded as the TSA made it (DER)
                TimeStampToken token = requireTimestamps().timestamp(digest, digest.digest(s.signatureValue()));
                editor.addUnsignedAttribute(index, new Attribute(CadesOids.SIGNATURE_TIMESTAMP, new DERSet(asn1(token))));
                actions.add("added a signature-time-stamp to " + s.id() + " (" + token.getTimeStampInfo().getGenTime().toInstant() + ")");
            }
            index++;
        }
        return editor.hasChanges() ? reread(doc, editor.encode()) : doc;
    }

    private SignedDocument addValidationData(SignedDocument doc, List<String> actions) {
        ValidationData data = fetch(doc);
        if (!data.hasRevocationData() && !doc.signedDataMaterial().hasRevocationData()) {
            throw new SignatureFormatException("the validation data source supplied no CRL or OCSP response; an LT"
                    + " signature needs revocation data for its signing certificate chain");
        }
        SignedDataEditor editor = new SignedDataEditor(doc.parts());
        data.certificates().forEach(editor::addCertificate);
        data.crls().forEach(editor::addCrl);
        data.ocspResponses().forEach(editor::addOcsp);
        if (!editor.hasChanges()) {
            actions.add("validation data already complete");
            return doc;
        }
        actions.add("added validation data: " + data.certificates().size() + " certificate(s), " + data.crls().size()
                + " CRL(s), " + data.ocspResponses().size() + " OCSP response(s) (duplicates skipped)");
        return reread(doc, editor.encode());
    }

    /**
     * Chains and revocation data for every signer and every TSA already present (req s). Once a
     * signature carries an archive time-stamp, that time-stamp protects the material embedded before it
     * (EN 319 122-1 §5.5.3): a renewal then needs fresh data only for the TSA of the newest archive
     * time-stamp, which nothing protects yet. The signer's and the older TSAs' certificates are asked
     * for as already protected: after they expire no fresh revocation data exists for them, and none is
     * needed (EN 319 102-1 §5.6.2).
     */
    private ValidationData fetch(SignedDocument doc) {
        if (validationData == null) {
            throw new SignatureFormatException("LT and LTA need a validation data source (certificates, CRLs, OCSP)");
        }
        LinkedHashSet<X509Certificate> targets = new LinkedHashSet<>();
        LinkedHashSet<X509Certificate> protectedByArchive = new LinkedHashSet<>();
        LinkedHashSet<X509Certificate> available = new LinkedHashSet<>();
        for (CadesSignature s : doc.allSignatures()) {
            Optional<EmbeddedTimestamp> newestArchive = newestArchiveTimestamp(topLevel(s));
            LinkedHashSet<X509Certificate> into = newestArchive.isPresent() ? protectedByArchive : targets;
            s.signingCertificate().ifPresentOrElse(into::add, () -> {
                throw new SignatureFormatException("signer certificate of " + s.id() + " not found; supply it to the reader");
            });
            available.addAll(s.knownCertificates());
            for (EmbeddedTimestamp t : s.timestamps()) {
                boolean newest = newestArchive.isPresent() && newestArchive.get() == t;
                tsaCertificate(t).ifPresent(newest ? targets::add : into::add);
            }
        }
        protectedByArchive.removeAll(targets);
        return validationData.validationData(new ValidationDataSource.Request(new ArrayList<>(targets),
                new ArrayList<>(available), clock.instant(), new ArrayList<>(protectedByArchive)));
    }

    private static CadesSignature topLevel(CadesSignature s) {
        CadesSignature top = s;
        while (top.parent().isPresent()) {
            top = top.parent().get();
        }
        return top;
    }

    /** The archive time-stamp (any version) with the latest genTime; among equal times the last stored. */
    private static Optional<EmbeddedTimestamp> newestArchiveTimestamp(CadesSignature s) {
        EmbeddedTimestamp newest = null;
        for (EmbeddedTimestamp t : s.timestamps()) {
            if (t.kind().isArchive() && (newest == null || !t.genTime().isBefore(newest.genTime()))) {
                newest = t;
            }
        }
        return Optional.ofNullable(newest);
    }

    private static Optional<X509Certificate> tsaCertificate(EmbeddedTimestamp t) {
        return t.tokenData().certificates().stream().filter(c -> t.token().getSID().match(holder(c))).findFirst();
    }

    private static org.bouncycastle.cert.X509CertificateHolder holder(X509Certificate c) {
        try {
            return new org.bouncycastle.cert.X509CertificateHolder(c.getEncoded());
        } catch (Exception e) {
            throw new SignatureFormatException("unreadable TSA certificate", e);
        }
    }

    private SignedDocument addArchiveTimestamps(SignedDocument doc, ValidationData forToken, List<String> actions) {
        SignedDataParts parts = doc.parts();
        SignedContent content = parts.content().orElseThrow(() -> new SignatureFormatException(
                "an archive-time-stamp-v3 covers the signed content: supply the detached content"));
        SignedDataEditor editor = new SignedDataEditor(parts).addDigestAlgorithm(digest.algorithmIdentifier());
        int index = 0;
        for (CadesSignature s : doc.signatures()) {
            // EN 319 122-1 §5.5.2/5.5.3, STANDARDS.md §1.2 F/F1: index over what is there now, then the imprint
            ASN1Sequence hashIndex = AtsHashIndexCodec.buildV3(digest.oid(), parts.certificateChoices(),
                    parts.revocationChoices(), s.rawSignerInfo().unsignedAttributes());
            byte[] imprint = Imprints.archiveV3(digest.oid(), parts, content, s.rawSignerInfo(), Encodings.der(hashIndex));
            TimeStampToken token = requireTimestamps().timestamp(digest, imprint);
            List<Attribute> tokenAttributes = new ArrayList<>();
            tokenAttributes.add(new Attribute(CadesOids.ATS_HASH_INDEX_V3, new DERSet(hashIndex)));
            if (!forToken.isEmpty()) {
                tokenAttributes.addAll(valueAttributes(forToken));
            }
            byte[] tokenBytes = withUnsigned(token, tokenAttributes);
            editor.addUnsignedAttribute(index, new Attribute(CadesOids.ARCHIVE_TIMESTAMP_V3,
                    new DERSet(Encodings.parse(tokenBytes, "archive time-stamp token"))));
            actions.add("added an archive-time-stamp-v3 to " + s.id() + " (" + token.getTimeStampInfo().getGenTime().toInstant()
                    + ", " + digest.jcaName() + ")");
            index++;
        }
        return reread(doc, editor.encode());
    }

    /** certificate-values / revocation-values for a legacy-archived signature's new token (EN 319 122-1 §5.5.3). */
    private static List<Attribute> valueAttributes(ValidationData data) {
        List<Attribute> out = new ArrayList<>();
        ASN1EncodableVector certs = new ASN1EncodableVector();
        data.certificates().forEach(c -> certs.add(Encodings.parse(encoded(c), "certificate")));
        out.add(new Attribute(CadesOids.CERTIFICATE_VALUES, new DERSet(new DERSequence(certs))));
        ASN1EncodableVector rv = new ASN1EncodableVector();
        if (!data.crls().isEmpty()) {
            ASN1EncodableVector crls = new ASN1EncodableVector();
            for (X509CRL crl : data.crls()) {
                try {
                    crls.add(Encodings.parse(crl.getEncoded(), "CRL"));
                } catch (java.security.cert.CRLException e) {
                    throw new SignatureFormatException("cannot encode CRL", e);
                }
            }
            rv.add(new DERTaggedObject(true, 0, new DERSequence(crls)));
        }
        if (!data.ocspResponses().isEmpty()) {
            ASN1EncodableVector ocsps = new ASN1EncodableVector();
            for (OcspResponseData o : data.ocspResponses()) {
                ocsps.add(Encodings.parse(o.basicEncoded(), "basic OCSP response"));
            }
            rv.add(new DERTaggedObject(true, 1, new DERSequence(ocsps)));
        }
        out.add(new Attribute(CadesOids.REVOCATION_VALUES, new DERSet(new DERSequence(rv))));
        return out;
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new SignatureFormatException("cannot encode certificate", e);
        }
    }

    /** The token with attributes added to its SignerInfo's unsigned attributes (not covered by the TSA's signature). */
    private static byte[] withUnsigned(TimeStampToken token, List<Attribute> attributes) {
        SignedDataParts tokenParts = SignedDataParts.parse(tokenEncoded(token), Optional.empty(), "time-stamp token");
        SignedDataEditor editor = new SignedDataEditor(tokenParts);
        attributes.forEach(a -> editor.addUnsignedAttribute(0, a));
        return editor.encode();
    }

    private static byte[] tokenEncoded(TimeStampToken token) {
        try {
            return token.getEncoded();
        } catch (java.io.IOException e) {
            throw new SignatureFormatException("cannot encode time-stamp token", e);
        }
    }

    private static org.bouncycastle.asn1.ASN1Primitive asn1(TimeStampToken token) {
        return Encodings.parse(tokenEncoded(token), "time-stamp token");
    }

    private static List<String> legacyArchived(SignedDocument doc) {
        List<String> out = new ArrayList<>();
        for (CadesSignature s : doc.signatures()) {
            for (var oid : List.of(CadesOids.ARCHIVE_TIMESTAMP_V2, CadesOids.ARCHIVE_TIMESTAMP_V1, CadesOids.LONG_TERM_VALIDATION)) {
                if (s.unsignedAttributes().has(oid)) {
                    out.add(s.id() + " has " + CadesOids.name(oid).orElseThrow());
                }
            }
        }
        return out;
    }

    private SignedDocument reread(SignedDocument before, byte[] cms) {
        return reader.reread(before, cms);
    }

    private TimestampSource requireTimestamps() {
        if (timestamps == null) {
            throw new SignatureFormatException("T and LTA need a time-stamp source");
        }
        return timestamps;
    }

    /** Settings; a time-stamp source for T/LTA and a validation data source for LT/LTA. */
    public static final class Builder {
        private TimestampSource timestamps;
        private ValidationDataSource validationData;
        private DigestAlgorithm digest = DigestAlgorithm.SHA256;
        private Clock clock = Clock.systemUTC();
        private boolean force;
        private SignedDocumentReader reader = new SignedDocumentReader();

        public Builder timestampSource(TimestampSource source) {
            this.timestamps = source;
            return this;
        }

        public Builder validationDataSource(ValidationDataSource source) {
            this.validationData = source;
            return this;
        }

        /** Hash for signature- and archive-time-stamp imprints (default SHA-256). */
        public Builder digestAlgorithm(DigestAlgorithm digest) {
            this.digest = Objects.requireNonNull(digest);
            return this;
        }

        /** The clock validation data should be fresh for. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Extend even a signature whose value or digest does not verify (to preserve it as evidence). */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Reader used to re-read intermediate results (limits). */
        public Builder reader(SignedDocumentReader reader) {
            this.reader = Objects.requireNonNull(reader);
            return this;
        }

        public CadesExtender build() {
            return new CadesExtender(this);
        }
    }
}
