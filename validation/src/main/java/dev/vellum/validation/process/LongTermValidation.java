package dev.vellum.validation.process;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.OcspResponseData;
import dev.vellum.formats.timestamp.AtsHashIndex;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.poe.ExternalPoe;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.x509.Fingerprints;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;

/**
 * EN 319 102-1 §5.6.3 validation process for signatures providing long-term availability and
 * integrity of validation material: archive time-stamps are validated newest first (each older one
 * in the past, with the POE the newer ones give it), POEs are extracted from them (§5.6.2.3), from
 * embedded evidence records and from the caller's external POEs, and the signature is then validated
 * in the past (§5.6.2.4).
 */
public final class LongTermValidation {

    static final String PROCESS_URI = "urn:etsi:019102:validationprocess:LTA";
    private static final ASN1ObjectIdentifier OCSP_RESPONSE_FORMAT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.16.2");
    private static final ASN1ObjectIdentifier OCSP_BASIC_FORMAT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.1.1");
    /**
     * The two hash-index inputs of an OCSP response (its [1] OtherRevocationInfoFormat TLVs) by the
     * SHA-256 of the response: the same responses recur in every signature of a batch. Bounded.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[][]> OCSP_FORMS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_OCSP_FORMS = 1_000;
    private final TimestampValidation timestamps;

    public LongTermValidation(TimestampValidation timestamps) {
        this.timestamps = timestamps;
    }

    public Conclusion longTermValidation(CadesSignature signature, BasicResult basic, ValidationWithTime.Result ltv,
                                         ValidationRun run, SignatureReport.Builder report) {
        String sigObject = Signatures.poeKey(signature);
        externalPoes(signature, run);
        EvidenceRecordPoe.extract(signature, run, timestamps, report);
        List<EmbeddedTimestamp> archives = new ArrayList<>(signature.timestamps().stream()
                .filter(t -> t.kind().isArchive()).toList());
        archives.sort(Comparator.comparing(EmbeddedTimestamp::genTime).reversed());
        List<ConstraintOutcome> archivePolicyRules = new ArrayList<>();
        for (EmbeddedTimestamp ats : archives) {
            boolean imprint = ats.imprintCheck().passed() && !ats.hashIndexCheck().failed();
            String problem = !ats.imprintCheck().passed() ? "archive time-stamp: " + ats.imprintCheck().detail()
                    : "archive time-stamp hash index: " + ats.hashIndexCheck().detail();
            TimestampOutcome t = timestamps.timestampValidation(ats.token(), ValidationMaterial.of(Origin.TIMESTAMP, ats.tokenData()),
                    "ARCHIVE", imprint, problem, run, Origin.SIGNATURE);
            boolean past = !t.passed() && pastTimestampValidation(t, run);
            boolean accepted = t.passed() || past;
            report.timestamp(past ? t.report().withMessage(pastMessage(t, run)) : t.report());
            if (!accepted) {
                run.warn("archive time-stamp of " + t.genTime() + " is not used: " + t.conclusion().message());
                continue;
            }
            poeExtraction(signature, ats, t, run);
            // RFC 3125 TimestampTrustCondition (TSA parts) and certificate algorithm constraints for each archive time-stamp
            run.policyRules().ifPresent(rules -> archivePolicyRules.addAll(PolicyTimestampRules.forTimestamp(rules,
                    "archive time-stamp of " + t.genTime(), t, run)));
        }
        boolean policyFailedBefore = run.policyFailure().isPresent();
        Conclusion archivePolicy = PolicyTimestampRules.record(archivePolicyRules, run, report);
        // signature time-stamps that failed at the current time may pass in the past (§5.6.2.4 for tokens)
        for (TimestampOutcome st : ltv.signatureTimestamps()) {
            boolean past = !st.passed() && pastTimestampValidation(st, run);
            if (st.passed() || past) {
                run.poes().add(sigObject, st.genTime(), "validation", st.id());
            } else {
                run.warn("signature time-stamp of " + st.genTime() + " is not used: " + st.conclusion().message());
            }
            report.timestamp(past ? st.report().withMessage(pastMessage(st, run)) : st.report());
        }
        Instant best = ltv.bestSignatureTime();
        Instant existedAt = run.poes().earliest(sigObject).filter(best::isAfter).orElse(best);
        if (ltv.conclusion().passed()) {
            return archivePolicy;
        }
        Conclusion l = ltv.conclusion();
        if (!archivePolicy.passed() && !policyFailedBefore && l.indication() != Indication.FAILED
                && ValidationWithTime.CONTINUE.contains(l.subIndication())) {
            // past validation cannot lift a policy rule: the archive time-stamp's failing rule decides
            return archivePolicy;
        }
        if (l.indication() == Indication.FAILED || !ValidationWithTime.CONTINUE.contains(l.subIndication())
                || basic.chain() == null || run.policyFailure().isPresent()) {
            return l;
        }
        // §5.6.2.2 validation time sliding over the signer's chain, then §5.6.2.4 with its control-time
        List<X509Certificate> pool = new ArrayList<>(run.material().certificateList());
        if (basic.chain().path() != null) {
            pool.addAll(basic.chain().path().fetched());
        }
        ValidationTimeSliding.Result sliding = ValidationTimeSliding.slide(basic.chain(),
                (cert, issuer) -> run.services().revocationChecker().find(cert, issuer, run.material(), pool, run.time(),
                        problem -> { }),
                run.time(), run.poes()::earliest, run.services().cryptoPolicy(), run.services().certificateModel());
        // Reported; decisive through §5.6.2.4 for the revocation and expiry problems it is about.
        report.constraint(sliding.passed()
                ? ConstraintOutcome.passed("validation-time-sliding", "EN 319 102-1 §5.6.2.2",
                        "validation time sliding", "control-time " + sliding.controlTime()
                                + (sliding.steps().isEmpty() ? "" : ": " + String.join("; ", sliding.steps())))
                : ConstraintOutcome.warning("validation-time-sliding", "EN 319 102-1 §5.6.2.2", "validation time sliding",
                        "NO_POE: " + sliding.failure().orElse("")));
        Conclusion past = ValidationWithTime.judgeAt(signature, basic, existedAt, run, true, sliding);
        if (past.passed() && l.subIndication() == SubIndication.TRY_LATER && basic.signer() != null) {
            // §5.5.4 freshness still holds in the past: the signer's status from data issued after the POE.
            past = RevocationAfterBestSignatureTime.problem(basic.chain(), basic.signer(), existedAt)
                    .map(m -> Conclusion.indeterminate(SubIndication.TRY_LATER, m)).orElse(past);
        }
        report.constraint(BasicSignatureValidation.outcome("past-signature-validation", "EN 319 102-1 §5.6.2.4",
                "past signature validation with POE " + existedAt, past));
        return past;
    }

    private static String pastMessage(TimestampOutcome t, ValidationRun run) {
        return "accepted by past validation (EN 319 102-1 §5.6.2.4): proven to exist at "
                + run.poes().earliest(t.id()).map(Object::toString).orElse("?") + ", before the problem above";
    }

    /** §5.6.2.4 applied to a time-stamp token: its own problems resolved by the POE newer tokens give it. */
    private static boolean pastTimestampValidation(TimestampOutcome t, ValidationRun run) {
        if (!TimestampValidation.isPastValidationCandidate(t.conclusion()) || t.chain() == null || t.tsaCertificate() == null) {
            return false;
        }
        Optional<Instant> poe = run.poes().earliest(t.id());
        if (poe.isEmpty()) {
            return false;
        }
        Instant at = poe.get().isBefore(t.genTime()) ? poe.get() : t.genTime();
        PastSignatureValidation.Resolution r = PastSignatureValidation.resolve(t.chain(), t.tsaCertificate(), at,
                c -> run.poes().earliest(Fingerprints.of(c)), run.poes()::earliest, true);
        boolean cryptoOk = t.suitability() == null || t.suitability().isSuitableAt(poe.get());
        return r.resolved() && cryptoOk;
    }

    // §5.6.2.3 POE extraction: what an accepted archive time-stamp covers existed at its genTime.
    private static void poeExtraction(CadesSignature signature, EmbeddedTimestamp ats, TimestampOutcome t, ValidationRun run) {
        Instant at = t.genTime();
        run.poes().add(Signatures.poeKey(signature), at, "validation", t.id());
        Map<byte[], String> candidates = coverable(signature, at);
        Optional<AtsHashIndex> index = ats.hashIndex();
        if (index.isEmpty()) {
            // ATSv2 and v1 cover everything the signature held before them (RFC 5126 §6.4.1)
            candidates.values().forEach(id -> run.poes().add(id, at, "validation", t.id()));
            return;
        }
        MessageDigest md = digest(index.get().hashAlgorithmOid());
        java.util.Set<String> indexed = new java.util.HashSet<>();
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (List<byte[]> list : List.of(index.get().certificates(), index.get().crls(), index.get().unsignedAttributes())) {
            list.forEach(h -> indexed.add(hex.formatHex(h)));
        }
        for (Map.Entry<byte[], String> c : candidates.entrySet()) {
            if (indexed.contains(hex.formatHex(md.digest(c.getKey())))) {
                run.poes().add(c.getValue(), at, "validation", t.id());
            }
        }
    }

    /**
     * Hash-index input (hex) → object id, for everything an archive time-stamp may cover: SignedData
     * certificates and revocation entries (OCSP as the [1] OtherRevocationInfoFormat TLV, in both
     * formats) and each unsigned attribute value (attrType ‖ value) older than the time-stamp.
     */
    private static Map<byte[], String> coverable(CadesSignature signature, Instant before) {
        Map<byte[], String> out = new LinkedHashMap<>();
        for (X509Certificate c : signature.document().signedDataMaterial().certificates()) {
            byte[] der = Fingerprints.encoded(c);
            out.put(der, Fingerprints.sha256Hex(der));
        }
        for (X509CRL crl : signature.document().signedDataMaterial().crls()) {
            try {
                out.put(crl.getEncoded(), Fingerprints.sha256Hex(crl.getEncoded()));
            } catch (java.security.cert.CRLException e) {
                // skip
            }
        }
        for (OcspResponseData o : signature.document().signedDataMaterial().ocspResponses()) {
            String id = Fingerprints.sha256Hex(o.encoded());
            byte[][] forms = OCSP_FORMS.get(id);
            if (forms == null) {
                try {
                    forms = new byte[][] {otherRevocation(OCSP_RESPONSE_FORMAT, o.encoded()),
                        otherRevocation(OCSP_BASIC_FORMAT, o.basicEncoded())};
                } catch (IOException e) {
                    continue; // skip
                }
                if (OCSP_FORMS.size() >= MAX_OCSP_FORMS) {
                    OCSP_FORMS.clear();
                }
                OCSP_FORMS.put(id, forms);
            }
            out.put(forms[0].clone(), id);
            out.put(forms[1].clone(), id);
        }
        Map<Object, Instant> genTimes = genTimesByContent(signature);
        for (Attribute a : signature.rawSignerInfo().unsignedAttributes()) {
            for (ASN1Encodable v : a.getAttrValues()) {
                if (notOlderToken(v, before, genTimes)) {
                    continue; // a time-stamp from the same moment or later cannot be covered by this one
                }
                try {
                    byte[] type = a.getAttrType().getEncoded(ASN1Encoding.DER);
                    byte[] value = v.toASN1Primitive().getEncoded(ASN1Encoding.DER);
                    byte[] both = new byte[type.length + value.length];
                    System.arraycopy(type, 0, both, 0, type.length);
                    System.arraycopy(value, 0, both, type.length, value.length);
                    String id = Fingerprints.sha256Hex(value);
                    out.put(both, id);
                    out.put(a.getAttrValues().size() == 1 ? AttributeEncoding.singleValued(type, value)
                            : a.getEncoded(ASN1Encoding.DER), id);
                } catch (IOException e) {
                    // skip
                }
            }
        }
        return out;
    }

    // The genTime of each token es-formats already decoded, by its SignedData object (the same parsed object).
    private static Map<Object, Instant> genTimesByContent(CadesSignature signature) {
        Map<Object, Instant> out = new java.util.IdentityHashMap<>();
        try {
            for (dev.vellum.formats.timestamp.EmbeddedTimestamp t : signature.timestamps()) {
                out.put(t.token().toCMSSignedData().toASN1Structure().getContent(), t.genTime());
            }
        } catch (RuntimeException unreadable) {
            out.clear(); // decided token by token below
        }
        return out;
    }

    private static boolean notOlderToken(ASN1Encodable value, Instant before, Map<Object, Instant> genTimes) {
        try {
            org.bouncycastle.asn1.cms.ContentInfo info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(value);
            Instant known = genTimes.get(info.getContent());
            if (known != null) {
                return !known.isBefore(before);
            }
            org.bouncycastle.tsp.TimeStampToken t = new org.bouncycastle.tsp.TimeStampToken(info);
            return !t.getTimeStampInfo().getGenTime().toInstant().isBefore(before);
        } catch (Exception notAToken) {
            return false;
        }
    }

    private static byte[] otherRevocation(ASN1ObjectIdentifier format, byte[] der) throws IOException {
        OtherRevocationInfoFormat other = new OtherRevocationInfoFormat(format,
                org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der));
        return new DERTaggedObject(false, 1, other).getEncoded(ASN1Encoding.DER);
    }

    private static MessageDigest digest(String oid) {
        try {
            return BouncyCastle.digest(AlgorithmNames.digestName(oid));
        } catch (Exception e) {
            throw new IllegalArgumentException("unsupported hash-index algorithm " + oid, e);
        }
    }

    // External POEs (TS 119 102-2 "provided"): matched by SHA-256 against the signature, its CMS or
    // the validated file; any other hash stands for the object with that id.
    private static void externalPoes(CadesSignature signature, ValidationRun run) {
        List<ExternalPoe> poes = run.externalPoes();
        if (poes.isEmpty()) {
            return;
        }
        String sigValue = Fingerprints.sha256Hex(signature.signatureValue());
        String cms = Fingerprints.sha256Hex(signature.document().cmsEncoded());
        for (ExternalPoe p : poes) {
            if (p.sha256().equals(sigValue) || p.sha256().equals(cms) || p.sha256().equals(run.documentSha256())) {
                run.poes().add(Signatures.poeKey(signature), p.time(), "provided", p.description());
            }
            if (p.sha256().equals(cms) || p.sha256().equals(run.documentSha256())) {
                // §5.6.2.3: what the proven object contains existed then too (the certificates in the SignedData)
                for (X509Certificate c : signature.document().signedDataMaterial().certificates()) {
                    run.poes().add(Fingerprints.of(c), p.time(), "provided", p.description());
                }
            }
            run.poes().add(p.sha256(), p.time(), "provided", p.description());
        }
    }
}
