package dev.vellum.validation.policy;

import dev.vellum.policy.model.CertificateTrustPoint;
import dev.vellum.policy.model.PolicyConstraints;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.x509.DisplayNames;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 3125 CertificateTrustPoint constraints on a validated chain that reaches the trust
 * point: pathLenConstraint (CA certificates after the trust point), nameConstraints (every subject
 * name after it), acceptablePolicySet and policyConstraints (RFC 5280 §6.1 policy processing started
 * at the trust point with the set as user-initial-policy-set). When several trust points of the
 * policy are in the chain, the chain is acceptable if it meets the constraints of one of them.
 * Stateless.
 */
final class TrustPointConstraints {

    private TrustPointConstraints() {
    }

    /**
     * The outcome of each constraint the trust point reached by {@code chain} (target first, anchor
     * last) sets; empty when the chain reaches none of {@code trees} or the trust point sets none.
     */
    static List<ConstraintOutcome> evaluate(String name, String id, List<CertificateTrustPoint> trees,
                                            List<X509Certificate> chain) {
        List<List<ConstraintOutcome>> candidates = new ArrayList<>();
        for (CertificateTrustPoint tp : trees) {
            int index = chain.indexOf(tp.certificate());
            if (index > 0) {
                candidates.add(constraints(name, id, tp, chain.subList(0, index)));
            }
        }
        return candidates.stream().filter(c -> c.stream().allMatch(o -> o.outcome() != Outcome.FAILED)).findFirst()
                .orElse(candidates.isEmpty() ? List.of() : candidates.get(0));
    }

    /** Several chains (one per time-stamp) against one rule set: per rule the first failure, else the first outcome. */
    static List<ConstraintOutcome> merge(List<List<ConstraintOutcome>> perChain) {
        Map<String, ConstraintOutcome> byRule = new LinkedHashMap<>();
        for (List<ConstraintOutcome> outcomes : perChain) {
            for (ConstraintOutcome o : outcomes) {
                ConstraintOutcome known = byRule.get(o.description());
                if (known == null || (known.outcome() != Outcome.FAILED && o.outcome() == Outcome.FAILED)) {
                    byRule.put(o.description(), o);
                }
            }
        }
        return List.copyOf(byRule.values());
    }

    // below: the certificates after the trust point, the target first
    private static List<ConstraintOutcome> constraints(String name, String id, CertificateTrustPoint tp,
                                                       List<X509Certificate> below) {
        List<ConstraintOutcome> out = new ArrayList<>();
        String at = " at trust point " + DisplayNames.subject(tp.certificate());
        if (tp.pathLenConstraint() != null) {
            int cas = below.size() - 1;
            boolean ok = cas <= tp.pathLenConstraint();
            out.add(rule(id + "-path-length", name + ".pathLenConstraint " + tp.pathLenConstraint(), ok,
                    cas + " CA certificate(s) after the trust point" + (ok ? "" : ", more than the " + tp.pathLenConstraint()
                            + " allowed") + at));
        }
        if (tp.nameConstraints() != null) {
            PolicyNameConstraints nc;
            try {
                nc = PolicyNameConstraints.fromDer(tp.nameConstraints().toByteArray());
            } catch (dev.vellum.policy.PolicyException e) {
                out.add(ConstraintOutcome.failed(id + "-name-constraints", SignaturePolicyValidation.CLAUSE_RULES,
                        name + ".nameConstraints", e.getMessage(), SubIndication.POLICY_PROCESSING_ERROR));
                return out;
            }
            Optional<String> violation = Optional.empty();
            for (X509Certificate c : below) {
                violation = nc.violation(PolicyNameConstraints.namesOf(c))
                        .map(v -> "certificate " + DisplayNames.subject(c) + ": " + v);
                if (violation.isPresent()) {
                    break;
                }
            }
            out.add(rule(id + "-name-constraints", name + ".nameConstraints", violation.isEmpty(),
                    violation.orElse("every subject name after the trust point is in the permitted name space") + at));
        }
        if (tp.acceptablePolicySet() != null || tp.policyConstraints() != null) {
            out.addAll(policies(name, id, tp, below, at));
        }
        return out;
    }

    // RFC 3125 CertificateTrustPoint acceptablePolicySet / policyConstraints as RFC 5280 §6.1 inputs, run by the JDK's
    // PKIX validator from the trust point (revocation off, at a date inside every validity window).
    private static List<ConstraintOutcome> policies(String name, String id, CertificateTrustPoint tp,
                                                    List<X509Certificate> below, String at) {
        List<String> acceptable = tp.acceptablePolicySet() == null ? List.of() : tp.acceptablePolicySet();
        String description = name + (acceptable.isEmpty() ? ".policyConstraints"
                : ".acceptablePolicySet " + String.join(",", acceptable));
        PolicyConstraints pc = tp.policyConstraints();
        int following = below.size();
        // requireExplicitPolicy counts the trust point itself: explicit policy applies from certificate n on
        boolean explicit = !acceptable.isEmpty()
                || (pc != null && pc.requireExplicitPolicy() != null && pc.requireExplicitPolicy() <= following);
        boolean inhibitMapping = pc != null && pc.inhibitPolicyMapping() != null && pc.inhibitPolicyMapping() <= 1;
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(tp.certificate(), null)));
            params.setRevocationEnabled(false);
            params.setDate(dateInsideAllWindows(below));
            if (!acceptable.isEmpty()) {
                params.setInitialPolicies(Set.copyOf(acceptable));
            }
            params.setExplicitPolicyRequired(explicit);
            params.setPolicyMappingInhibited(inhibitMapping);
            PKIXCertPathValidatorResult r = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(below), params);
            String policies = r.getPolicyTree() == null ? "no policy required" : "valid under "
                    + String.join(",", validPolicies(r));
            return List.of(ConstraintOutcome.passed(id + "-policies", SignaturePolicyValidation.CLAUSE_RULES,
                    description, policies + at));
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
                return List.of(ConstraintOutcome.warning(id + "-policies", SignaturePolicyValidation.CLAUSE_RULES,
                        description, "not evaluated: the JDK's PKIX validator refuses an algorithm of the chain ("
                                + e.getMessage() + ")"));
            }
            return List.of(ConstraintOutcome.failed(id + "-policies", SignaturePolicyValidation.CLAUSE_RULES, description,
                    "certificate policy processing from the trust point fails: " + e.getMessage() + at,
                    SubIndication.CHAIN_CONSTRAINTS_FAILURE));
        } catch (Exception e) {
            return List.of(ConstraintOutcome.failed(id + "-policies", SignaturePolicyValidation.CLAUSE_RULES, description,
                    "certificate policy processing could not run: " + e.getMessage(), SubIndication.CHAIN_CONSTRAINTS_FAILURE));
        }
    }

    private static List<String> validPolicies(PKIXCertPathValidatorResult r) {
        List<String> leaves = new ArrayList<>();
        collect(r.getPolicyTree(), leaves);
        return leaves.isEmpty() ? List.of("anyPolicy") : leaves.stream().distinct().toList();
    }

    private static void collect(java.security.cert.PolicyNode node, List<String> leaves) {
        var children = node.getChildren();
        if (!children.hasNext()) {
            leaves.add(node.getValidPolicy());
        }
        while (children.hasNext()) {
            collect(children.next(), leaves);
        }
    }

    private static Date dateInsideAllWindows(List<X509Certificate> certs) {
        Date latestStart = certs.stream().map(X509Certificate::getNotBefore).max(Date::compareTo).orElseThrow();
        Date earliestEnd = certs.stream().map(X509Certificate::getNotAfter).min(Date::compareTo).orElseThrow();
        return latestStart.after(earliestEnd) ? earliestEnd : latestStart;
    }

    private static ConstraintOutcome rule(String id, String name, boolean ok, String detail) {
        return ok ? ConstraintOutcome.passed(id, SignaturePolicyValidation.CLAUSE_RULES, name, detail)
                : ConstraintOutcome.failed(id, SignaturePolicyValidation.CLAUSE_RULES, name, detail,
                SubIndication.CHAIN_CONSTRAINTS_FAILURE);
    }
}
