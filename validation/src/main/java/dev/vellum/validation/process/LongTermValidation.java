package dev.vellum.validation.process;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.cms.ArchiveTimestampImprint;
import dev.vellum.validation.cms.CmsSignature;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.poe.ExternalPoe;
import dev.vellum.validation.poe.PoeSet;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * EN 319 102-1 §5.6.3 validation process for signatures providing long-term availability and
 * integrity of validation material: archive time-stamps are validated newest first (each older one
 * in the past, with the POE the newer ones give it), POEs are extracted from them (§5.6.2.3) and
 * from the caller's external POEs, and the signature is then validated in the past (§5.6.2.4).
 */
public final class LongTermValidation {

    static final String PROCESS_URI = "urn:etsi:019102:validationprocess:LTA";
    private final TimestampValidation timestamps;

    public LongTermValidation(TimestampValidation timestamps) {
        this.timestamps = timestamps;
    }

    public Conclusion longTermValidation(CmsSignature signature, BasicResult basic, ValidationWithTime.Result ltv,
                                         ValidationRun run, SignatureReport.Builder report) {
        String sigObject = PoeSet.SIGNATURE + signature.id();
        externalPoes(signature, run);
        // archive time-stamps, newest first
        List<CmsSignature.ArchiveTimestamp> archives = new ArrayList<>(signature.archiveTimestamps());
        archives.sort(Comparator.comparing((CmsSignature.ArchiveTimestamp a) -> a.token().getTimeStampInfo().getGenTime()).reversed());
        for (CmsSignature.ArchiveTimestamp ats : archives) {
            ArchiveTimestampImprint.Check check = ArchiveTimestampImprint.check(signature, ats);
            TimestampOutcome judged = timestamps.timestampValidation(ats.token(), "ARCHIVE", check.matches(),
                    check.problem(), run, Origin.SIGNATURE);
            boolean accepted = judged.passed() || pastTimestampValidation(judged, run);
            report.timestamp(judged.report());
            if (!accepted) {
                run.warn("archive time-stamp of " + judged.genTime() + " is not used: " + judged.conclusion().message());
                continue;
            }
            poeExtraction(signature, ats, check, judged, run);
        }
        // signature time-stamps that failed at the current time may pass in the past (§5.6.2.4 for tokens)
        Instant existedAt = ltv.bestSignatureTime();
        for (TimestampOutcome st : ltv.signatureTimestamps()) {
            if (st.passed() || pastTimestampValidation(st, run)) {
                run.poes().add(sigObject, st.genTime(), "validation", st.id());
            }
        }
        existedAt = run.poes().earliest(sigObject).filter(existedAt::isAfter).orElse(existedAt);
        for (TimestampOutcome st : ltv.signatureTimestamps()) {
            report.timestamp(st.report());
        }
        if (ltv.conclusion().passed()) {
            return Conclusion.PASSED;
        }
        Conclusion l = ltv.conclusion();
        if (l.indication() == Indication.FAILED || !resolvable(l, basic)) {
            return l;
        }
        Conclusion past = ValidationWithTime.judgeAt(signature, basic, existedAt, run, true);
        report.constraint(BasicSignatureValidation.outcome("past-signature-validation", "EN 319 102-1 §5.6.2.4",
                "past signature validation with POE " + existedAt, past));
        return past;
    }

    private static boolean resolvable(Conclusion c, BasicResult basic) {
        return ValidationWithTime.CONTINUE.contains(c.subIndication()) && basic.chain() != null;
    }

    /** §5.6.2.4 applied to a time-stamp token: its own problems resolved by the POE newer tokens give it. */
    private static boolean pastTimestampValidation(TimestampOutcome t, ValidationRun run) {
        if (!TimestampValidation.isPastValidationCandidate(t.conclusion()) || t.chain() == null || t.tsaCertificate() == null) {
            return false;
        }
        Instant poe = run.poes().earliest(t.id()).orElse(null);
        if (poe == null) {
            // a token is at least as old as its own generation time for revocation freshness
            return t.conclusion().is(SubIndication.TRY_LATER) && PastSignatureValidation.resolve(t.chain(),
                    t.tsaCertificate(), t.genTime(), c -> java.util.Optional.empty(), false).resolved();
        }
        PastSignatureValidation.Resolution r = PastSignatureValidation.resolve(t.chain(), t.tsaCertificate(),
                poe.isBefore(t.genTime()) ? poe : t.genTime(), c -> run.poes().earliest(Fingerprints.of(c)), true);
        boolean cryptoOk = t.suitability() == null || t.suitability().isSuitableAt(poe);
        return r.resolved() && cryptoOk;
    }

    // §5.6.2.3 POE extraction: what an accepted archive time-stamp covers existed at its genTime.
    private static void poeExtraction(CmsSignature signature, CmsSignature.ArchiveTimestamp ats,
                                      ArchiveTimestampImprint.Check check, TimestampOutcome t, ValidationRun run) {
        Instant at = t.genTime();
        run.poes().add(PoeSet.SIGNATURE + signature.id(), at, "validation", t.id());
        if (ats.version() == 3) {
            for (byte[] cert : check.coveredCertificates()) {
                run.poes().add(Fingerprints.sha256Hex(cert), at, "validation", t.id());
            }
            for (byte[] entry : check.coveredRevocationEntries()) {
                run.poes().add(revocationId(entry), at, "validation", t.id());
            }
            for (byte[] value : check.coveredUnsignedValues()) {
                run.poes().add(Fingerprints.sha256Hex(value), at, "validation", t.id());
            }
        } else {
            for (X509Certificate c : signature.certificates()) {
                run.poes().add(Fingerprints.of(c), at, "validation", t.id());
            }
            for (byte[] crl : signature.crls()) {
                run.poes().add(Fingerprints.sha256Hex(crl), at, "validation", t.id());
            }
            for (var st : signature.signatureTimestamps()) {
                try {
                    if (st.getTimeStampInfo().getGenTime().toInstant().isBefore(at)) {
                        run.poes().add(Fingerprints.sha256Hex(st.getEncoded()), at, "validation", t.id());
                    }
                } catch (java.io.IOException ignored) {
                    // an unencodable token gets no POE
                }
            }
        }
        for (byte[] ocsp : signature.ocspResponses()) {
            run.poes().add(ocspId(ocsp), at, "validation", t.id());
        }
    }

    /** A covered RevocationInfoChoice: a CRL is its own DER; an OCSP entry is [1] OtherRevocationInfoFormat. */
    private static String revocationId(byte[] entry) {
        if (entry.length > 0 && (entry[0] & 0xff) == 0xA1) {
            try {
                org.bouncycastle.asn1.ASN1TaggedObject tagged = org.bouncycastle.asn1.ASN1TaggedObject.getInstance(entry);
                org.bouncycastle.asn1.cms.OtherRevocationInfoFormat other =
                        org.bouncycastle.asn1.cms.OtherRevocationInfoFormat.getInstance(tagged, false);
                return ocspId(other.getInfo().toASN1Primitive().getEncoded("DER"));
            } catch (Exception e) {
                return Fingerprints.sha256Hex(entry);
            }
        }
        return Fingerprints.sha256Hex(entry);
    }

    /** The id {@code RevocationData.id()} gives an OCSP response: SHA-256 of the full OCSPResponse DER. */
    private static String ocspId(byte[] der) {
        try {
            org.bouncycastle.asn1.ASN1Primitive p = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der);
            try {
                org.bouncycastle.asn1.ocsp.OCSPResponse.getInstance(p);
                return Fingerprints.sha256Hex(der);
            } catch (IllegalArgumentException notFull) {
                org.bouncycastle.asn1.ocsp.BasicOCSPResponse b = org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(p);
                org.bouncycastle.asn1.ocsp.OCSPResponse full = new org.bouncycastle.asn1.ocsp.OCSPResponse(
                        new org.bouncycastle.asn1.ocsp.OCSPResponseStatus(0),
                        new org.bouncycastle.asn1.ocsp.ResponseBytes(
                                org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                                new org.bouncycastle.asn1.DEROctetString(b.getEncoded("DER"))));
                return Fingerprints.sha256Hex(full.getEncoded("DER"));
            }
        } catch (Exception e) {
            return Fingerprints.sha256Hex(der);
        }
    }

    // External POEs (TS 119 102-2 "provided"): matched by SHA-256 against the signature's objects.
    private static void externalPoes(CmsSignature signature, ValidationRun run) {
        List<ExternalPoe> poes = run.externalPoes();
        if (poes.isEmpty()) {
            return;
        }
        String sigValue = signature.id();
        String cms;
        try {
            cms = Fingerprints.sha256Hex(signature.signedData().getEncoded());
        } catch (java.io.IOException e) {
            cms = "";
        }
        for (ExternalPoe p : poes) {
            if (p.sha256().equals(sigValue) || p.sha256().equals(cms) || p.sha256().equals(run.documentSha256())) {
                run.poes().add(PoeSet.SIGNATURE + signature.id(), p.time(), "provided", p.description());
            }
            run.poes().add(p.sha256(), p.time(), "provided", p.description());
        }
    }
}
