package dev.vellum.validation.process;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.report.SignatureReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * EN 319 102-1 §5.5 validation process for signatures with time and with long-term validation
 * material: the signature time-stamps give best-signature-time, against which revocation, expiry,
 * revocation freshness and the signature's algorithms are judged again.
 */
public final class ValidationWithTime {

    static final String PROCESS_URI = "urn:etsi:019102:validationprocess:LTVM";
    /** §5.5.4 step 2: basic outcomes after which the process goes on. */
    static final Set<SubIndication> CONTINUE = Set.of(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
            SubIndication.REVOKED_NO_POE, SubIndication.REVOKED_CA_NO_POE, SubIndication.TRY_LATER,
            SubIndication.OUT_OF_BOUNDS_NO_POE, SubIndication.OUT_OF_BOUNDS_NOT_REVOKED);

    /** Result: the conclusion, best-signature-time and the signature time-stamps as validated. */
    public record Result(Conclusion conclusion, Instant bestSignatureTime, List<TimestampOutcome> signatureTimestamps) {
    }

    private final TimestampValidation timestamps;

    public ValidationWithTime(TimestampValidation timestamps) {
        this.timestamps = timestamps;
    }

    public Result validationWithTime(CadesSignature signature, BasicResult basic, ValidationRun run,
                                     SignatureReport.Builder report) {
        // 1) best-signature-time starts at the current time
        Instant best = run.time();
        List<TimestampOutcome> tsts = new ArrayList<>();
        // 3) signature time-stamps: those whose imprint and validation pass move best-signature-time back
        for (EmbeddedTimestamp e : signature.timestamps(TimestampKind.SIGNATURE)) {
            TimestampOutcome t = timestamps.timestampValidation(e.token(), ValidationMaterial.of(Origin.TIMESTAMP, e.tokenData()),
                    "SIGNATURE", e.imprintCheck().passed(), "signature time-stamp: " + e.imprintCheck().detail(), run,
                    Origin.SIGNATURE);
            tsts.add(t);
            if (t.passed()) {
                run.poes().add(Signatures.poeKey(signature), t.genTime(), "validation", t.id());
                if (t.genTime().isBefore(best)) {
                    best = t.genTime();
                }
            }
        }
        Conclusion b = basic.conclusion();
        if (!b.passed() && !(b.indication() == Indication.INDETERMINATE && CONTINUE.contains(b.subIndication()))) {
            return new Result(b, best, tsts);
        }
        Conclusion c = judgeAt(signature, basic, best, run, false);
        // 6) freshness with best-signature-time: the signer's status from data issued after it
        if (c.passed() && best.isBefore(run.time()) && basic.signer() != null) {
            java.util.Optional<String> stale = RevocationAfterBestSignatureTime.problem(basic.chain(), basic.signer(), best);
            Conclusion freshness = stale.map(m -> Conclusion.indeterminate(SubIndication.TRY_LATER, m)).orElse(Conclusion.PASSED);
            report.constraint(BasicSignatureValidation.outcome("revocation-after-best-signature-time", "EN 319 102-1 §5.5.4, §5.2.5",
                    "signing certificate's revocation data issued after best-signature-time " + best, freshness));
            c = freshness;
        }
        // RFC 3125 time-stamp trust condition of the signature policy, if one applies
        if (c.passed() && run.policyRules().isPresent() && basic.signer() != null) {
            c = timestampTrust(basic, best, tsts, run, report);
        }
        // 4 e) time-stamp order: signature time-stamps after content time-stamps (RFC 3161 §2.4.2)
        if (c.passed()) {
            for (TimestampOutcome content : basic.contentTimestamps()) {
                for (TimestampOutcome sigTst : tsts) {
                    if (content.passed() && sigTst.passed() && sigTst.genTime().isBefore(content.genTime())) {
                        c = Conclusion.indeterminate(SubIndication.TIMESTAMP_ORDER_FAILURE,
                                "the signature time-stamp of " + sigTst.genTime() + " precedes the content time-stamp of "
                                        + content.genTime());
                    }
                }
            }
        }
        report.constraint(BasicSignatureValidation.outcome("best-signature-time", "EN 319 102-1 §5.5.4",
                "validation with best-signature-time " + best, c));
        return new Result(c, best, tsts);
    }

    // §5.2.8 signature constraints from the policy's timeStampTrustCondition: the first failing rule decides.
    private static Conclusion timestampTrust(BasicResult basic, Instant best, List<TimestampOutcome> tsts, ValidationRun run,
                                             SignatureReport.Builder report) {
        List<TimestampOutcome> accepted = tsts.stream().filter(TimestampOutcome::passed)
                .filter(t -> t.chain() != null && t.chain().path() != null).toList();
        List<dev.vellum.validation.policy.SignaturePolicyValidation.TimestampFacts> facts = accepted.stream()
                .map(t -> dev.vellum.validation.policy.SignaturePolicyValidation.TimestampFacts.of(t.genTime(),
                        t.chain().path().certificates(), t.token())).toList();
        List<Instant> signerData = PolicyRevocationKinds.usable(basic.signer(), basic.chain(), run).stream()
                .map(dev.vellum.validation.revocation.RevocationData::issuanceTime).toList();
        List<dev.vellum.validation.report.ConstraintOutcome> rules =
                dev.vellum.validation.policy.SignaturePolicyValidation.evaluateTimestampTrust(run.policyRules().get(), facts,
                        best, signerData, cert -> accepted.stream().filter(t -> t.chain().path().certificates().contains(cert))
                                .findFirst().map(t -> PolicyRevocationKinds.at(cert, t.chain(), run))
                                .orElse(java.util.EnumSet.noneOf(dev.vellum.validation.revocation.RevocationData.Kind.class)));
        List<dev.vellum.validation.report.ConstraintOutcome> all = new ArrayList<>(rules);
        dev.vellum.policy.ApplicableRules policy = run.policyRules().get();
        for (TimestampOutcome t : accepted) {
            PolicyTimestampRules.responders(policy, t.chain(), "delegated OCSP responders of the signature time-stamp of "
                    + t.genTime()).ifPresent(all::add);
        }
        // RFC 3125 TimestampTrustCondition's TSA rules apply to content time-stamps too (their TSAs are TSAs the
        // validation relies on); cautionPeriod and signatureTimestampDelay stay with the signature time-stamps
        for (TimestampOutcome content : basic.contentTimestamps()) {
            if (content.passed()) {
                all.addAll(PolicyTimestampRules.forTimestamp(policy, "content time-stamp of " + content.genTime(), content, run));
            }
        }
        return PolicyTimestampRules.record(all, run, report);
    }

    /**
     * The chain problems and the signature's algorithms judged with the signature proven to exist
     * at {@code existedAt} (§5.5.4 steps 4, 6, 8, 10; §5.6.2.4 when {@code past}).
     */
    static Conclusion judgeAt(CadesSignature signature, BasicResult basic, Instant existedAt, ValidationRun run, boolean past) {
        return judgeAt(signature, basic, existedAt, run, past, null);
    }

    /** As above; in §5.6 ({@code past}) with the control-time of validation time sliding ({@code sliding}, may be null). */
    static Conclusion judgeAt(CadesSignature signature, BasicResult basic, Instant existedAt, ValidationRun run, boolean past,
                              ValidationTimeSliding.Result sliding) {
        if (basic.chain() == null || basic.signer() == null) {
            return basic.conclusion();
        }
        PastSignatureValidation.Resolution r = PastSignatureValidation.resolve(basic.chain(), basic.signer(), existedAt,
                cert -> run.poes().earliest(dev.vellum.validation.x509.Fingerprints.of(cert)), run.poes()::earliest, past,
                sliding);
        if (!r.resolved()) {
            return r.conclusion();
        }
        if (basic.signatureSuitability() != null && !basic.signatureSuitability().isSuitableAt(existedAt)) {
            Conclusion c = SignatureAcceptanceValidation.signatureAcceptanceValidation(basic.signatureSuitability(), existedAt);
            if (past && existedAt.isBefore(run.time()) && basic.signatureSuitability().known()) {
                // Table 6: a proof of existence exists, but only after the algorithm's sunset.
                return Conclusion.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, c.message());
            }
            return c;
        }
        return Conclusion.PASSED;
    }
}
