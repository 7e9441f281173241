package dev.vellum.validation.process;

import dev.vellum.policy.ApplicableRules;
import dev.vellum.validation.policy.SignaturePolicyValidation;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.SignaturePolicyReport;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.revocation.RevocationData;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signature policy's rules on the time-stamps and chains other than the signer's: RFC 3125
 * TimestampTrustCondition (TSA parts) and the AlgorithmConstraintSet for an archive or content
 * time-stamp, eeCertAlgorithmConstraints for the delegated OCSP responders a chain relied on, and
 * how such rules join the signature's policy report (EN 319 102-1 §5.2.8: the first failing rule
 * decides). Stateless.
 */
final class PolicyTimestampRules {

    private PolicyTimestampRules() {
    }

    /** The TSA rules for one accepted time-stamp, {@code name} (e.g. "archive time-stamp of …") in each rule. */
    static List<ConstraintOutcome> forTimestamp(ApplicableRules rules, String name, TimestampOutcome t, ValidationRun run) {
        if (t.chain() == null || t.chain().path() == null) {
            return List.of();
        }
        List<ConstraintOutcome> out = new ArrayList<>(SignaturePolicyValidation.evaluateTimestampTrust(rules, name,
                SignaturePolicyValidation.TimestampFacts.of(t.genTime(), t.chain().path().certificates(), t.token()),
                cert -> PolicyRevocationKinds.at(cert, t.chain(), run)));
        responders(rules, t.chain(), "delegated OCSP responders of the " + name).ifPresent(out::add);
        return out;
    }

    /**
     * RFC 3125 eeCertAlgorithmConstraints on the delegated OCSP responders whose responses decided a
     * certificate of {@code chain} (a responder is delegated when it is not a certificate of the chain).
     */
    static Optional<ConstraintOutcome> responders(ApplicableRules rules, ChainValidation chain, String whose) {
        if (chain == null || chain.path() == null) {
            return Optional.empty();
        }
        List<X509Certificate> path = chain.path().certificates();
        Map<X509Certificate, X509Certificate> issuers = new LinkedHashMap<>();
        for (List<RevocationData> data : chain.revocation().values()) {
            for (RevocationData d : data) {
                X509Certificate responder = d.signer();
                if (d.kind() != RevocationData.Kind.OCSP || responder == null || path.contains(responder)) {
                    continue;
                }
                path.stream().filter(c -> c.getSubjectX500Principal().equals(responder.getIssuerX500Principal()))
                        .findFirst().ifPresent(issuer -> issuers.putIfAbsent(responder, issuer));
            }
        }
        return SignaturePolicyValidation.responderAlgorithms(rules, List.copyOf(issuers.keySet()),
                List.copyOf(issuers.values()), whose);
    }

    /**
     * Adds {@code rules} to the report and to the run's policy report; the first failing rule as an
     * INDETERMINATE conclusion (recorded as the run's policy failure unless one is already there).
     */
    static Conclusion record(List<ConstraintOutcome> rules, ValidationRun run, SignatureReport.Builder report) {
        if (rules.isEmpty() || run.policyReport().isEmpty() || run.policyRules().isEmpty()) {
            return Conclusion.PASSED;
        }
        report.constraints(rules);
        SignaturePolicyReport before = run.policyReport().get();
        List<ConstraintOutcome> all = new ArrayList<>(before.rules());
        all.addAll(rules);
        SignaturePolicyReport after = new SignaturePolicyReport(before.oid(), before.available(), before.hashMatches(), all);
        report.signaturePolicy(after);
        run.policy(run.policyRules().get(), after);
        for (ConstraintOutcome r : rules) {
            if (r.outcome() == Outcome.FAILED) {
                Conclusion failed = Conclusion.indeterminate(r.subIndication(), "signature policy " + before.oid() + ", rule "
                        + r.description() + ": " + r.detail());
                if (run.policyFailure().isEmpty()) {
                    run.policyFailure(failed);
                }
                return failed;
            }
        }
        return Conclusion.PASSED;
    }
}
