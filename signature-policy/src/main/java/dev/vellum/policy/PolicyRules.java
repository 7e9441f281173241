package dev.vellum.policy;

import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.AlgorithmConstraintSet;
import dev.vellum.policy.model.AttributeTrustCondition;
import dev.vellum.policy.model.CertRevReq;
import dev.vellum.policy.model.CommitmentRule;
import dev.vellum.policy.model.CommonRules;
import dev.vellum.policy.model.RevReq;
import dev.vellum.policy.model.SelectedCommitmentType;
import dev.vellum.policy.model.SignPolExtension;
import dev.vellum.policy.model.SignatureValidationPolicy;
import dev.vellum.policy.model.SignaturePolicy;
import dev.vellum.policy.model.SignerAndVerifierRules;
import dev.vellum.policy.model.SigningCertTrustCondition;
import dev.vellum.policy.model.TimestampTrustCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a policy requires of a signature, per commitment type, as {@link ApplicableRules}.
 *
 * <p>Construction checks the policy is usable for validation and throws {@link PolicyException}
 * otherwise:
 * <ul>
 *   <li>ETSI TR 102 272: a field in CommonRules must not reappear in a CommitmentRule, and
 *       signerAndVeriferRules, signingCertTrustCondition and timeStampTrustCondition must be in
 *       CommonRules or in every CommitmentRule;</li>
 *   <li>no commitment type (or {@code empty}) may be selected by two CommitmentRules;</li>
 *   <li>unknown extensions are critical where they refine a rule. RFC 3125's SignPolExtn has no
 *       criticality flag, and a validator that skips a rule it does not understand could accept a
 *       signature the policy rejects — so every extension inside the SignatureValidationPolicy
 *       (rule, signer/verifier, revocation {@code exRevReq}, algorithm {@code other}) must be in
 *       the caller's set of understood extension OIDs. Extensions on SignPolicyInfo only describe
 *       the policy and are ignored.</li>
 * </ul>
 */
public final class PolicyRules {
    private final SignaturePolicy policy;

    private PolicyRules(SignaturePolicy policy) {
        this.policy = policy;
    }

    /** Rules for a validator that understands no policy extensions. */
    public static PolicyRules of(SignaturePolicy policy) {
        return of(policy, Set.of());
    }

    /** Rules for a validator that understands (and will enforce) the given extension OIDs. */
    public static PolicyRules of(SignaturePolicy policy, Set<String> understoodExtensions) {
        SignatureValidationPolicy svp = policy.signPolicyInfo().signatureValidationPolicy();
        checkConsistency(policy.oid(), svp);
        checkExtensions(policy.oid(), svp, understoodExtensions);
        return new PolicyRules(policy);
    }

    /**
     * Rules for showing a policy to a person: every extension counts as understood (they are listed,
     * not enforced). Never use this for validation.
     */
    public static PolicyRules forDisplay(SignaturePolicy policy) {
        checkConsistency(policy.oid(), policy.signPolicyInfo().signatureValidationPolicy());
        return new PolicyRules(policy);
    }

    /** Only the TR 102 272 structure checks (used when compiling a policy, where extensions are the author's business). */
    public static void checkConsistency(SignaturePolicy policy) {
        checkConsistency(policy.oid(), policy.signPolicyInfo().signatureValidationPolicy());
    }

    public SignaturePolicy policy() {
        return policy;
    }

    /** Every commitment-type selection the policy allows, in policy order. */
    public List<SelectedCommitmentType> allowedCommitmentTypes() {
        return rules().commitmentRules().stream().flatMap(r -> r.selCommitmentTypes().stream()).toList();
    }

    /**
     * The rules for a signature indicating {@code commitmentTypeOid} (null = no commitment type).
     * Empty when no CommitmentRule selects it: the signature does not conform to the policy.
     */
    public Optional<ApplicableRules> forCommitmentType(String commitmentTypeOid) {
        SignatureValidationPolicy svp = rules();
        for (CommitmentRule rule : svp.commitmentRules()) {
            if (rule.selCommitmentTypes().stream().anyMatch(s -> s.selects(commitmentTypeOid))) {
                return Optional.of(merge(svp, rule, commitmentTypeOid));
            }
        }
        return Optional.empty();
    }

    private SignatureValidationPolicy rules() {
        return policy.signPolicyInfo().signatureValidationPolicy();
    }

    private ApplicableRules merge(SignatureValidationPolicy svp, CommitmentRule rule, String commitmentType) {
        CommonRules common = svp.commonRules();
        CommonRules specific = rule.rules();
        SignerAndVerifierRules svr = pick(common, specific, CommonRules::signerAndVeriferRules);
        List<SignPolExtension> extensions = new ArrayList<>();
        addAll(extensions, common.signPolExtensions());
        addAll(extensions, specific.signPolExtensions());
        addAll(extensions, svp.signPolExtensions());
        return new ApplicableRules(policy.oid(), commitmentType, svp.signingPeriod(), svr.signerRules(),
                svr.verifierRules(), pick(common, specific, CommonRules::signingCertTrustCondition),
                pick(common, specific, CommonRules::timeStampTrustCondition),
                pick(common, specific, CommonRules::attributeTrustCondition),
                pick(common, specific, CommonRules::algorithmConstraintSet), extensions);
    }

    private static <T> T pick(CommonRules common, CommonRules specific, Function<CommonRules, T> field) {
        T value = field.apply(common);
        return value != null ? value : field.apply(specific);
    }

    private static void addAll(List<SignPolExtension> target, List<SignPolExtension> source) {
        if (source != null) {
            target.addAll(source);
        }
    }

    // ETSI TR 102 272 §6 (as summarised in STANDARDS.md §2.2)
    private static void checkConsistency(String oid, SignatureValidationPolicy svp) {
        Map<String, Function<CommonRules, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("signerAndVeriferRules", CommonRules::signerAndVeriferRules);
        fields.put("signingCertTrustCondition", CommonRules::signingCertTrustCondition);
        fields.put("timeStampTrustCondition", CommonRules::timeStampTrustCondition);
        fields.put("attributeTrustCondition", CommonRules::attributeTrustCondition);
        fields.put("algorithmConstraintSet", CommonRules::algorithmConstraintSet);
        Set<String> requiredSomewhere = Set.of("signerAndVeriferRules", "signingCertTrustCondition",
                "timeStampTrustCondition");
        if (svp.commitmentRules().isEmpty()) {
            throw new PolicyException("signature policy " + oid + " has no commitment rules, so no signature can conform to it");
        }
        Map<String, Integer> selectedBy = new HashMap<>();
        for (int i = 0; i < svp.commitmentRules().size(); i++) {
            CommitmentRule rule = svp.commitmentRules().get(i);
            for (Map.Entry<String, Function<CommonRules, Object>> f : fields.entrySet()) {
                boolean inCommon = f.getValue().apply(svp.commonRules()) != null;
                boolean inRule = f.getValue().apply(rule.rules()) != null;
                if (inCommon && inRule) {
                    throw new PolicyException("signature policy " + oid + ": commitmentRules[" + i + "] repeats "
                            + f.getKey() + ", which commonRules already gives (ETSI TR 102 272: a field in "
                            + "CommonRules shall not reappear in a CommitmentRule)");
                }
                if (!inCommon && !inRule && requiredSomewhere.contains(f.getKey())) {
                    throw new PolicyException("signature policy " + oid + ": commitmentRules[" + i + "] has no "
                            + f.getKey() + " and commonRules does not give one either (ETSI TR 102 272)");
                }
            }
            for (SelectedCommitmentType s : rule.selCommitmentTypes()) {
                String key = s.isEmpty() ? "empty" : s.recognized().identifier();
                Integer previous = selectedBy.put(key, i);
                if (previous != null && previous != i) {
                    throw new PolicyException("signature policy " + oid + ": commitment type " + key
                            + " is selected by both commitmentRules[" + previous + "] and commitmentRules[" + i + "]");
                }
            }
        }
    }

    private static void checkExtensions(String oid, SignatureValidationPolicy svp, Set<String> understood) {
        ExtensionCheck check = new ExtensionCheck(oid, understood);
        check.list("signatureValidationPolicy.signPolExtensions", svp.signPolExtensions());
        check.rules("commonRules", svp.commonRules());
        for (int i = 0; i < svp.commitmentRules().size(); i++) {
            check.rules("commitmentRules[" + i + "]", svp.commitmentRules().get(i).rules());
        }
    }

    /** Walks every rule position that may hold extensions. */
    private record ExtensionCheck(String oid, Set<String> understood) {
        void rules(String path, CommonRules r) {
            list(path + ".signPolExtensions", r.signPolExtensions());
            if (r.signerAndVeriferRules() != null) {
                list(path + ".signerAndVeriferRules.signerRules.signPolExtensions",
                        r.signerAndVeriferRules().signerRules().signPolExtensions());
                list(path + ".signerAndVeriferRules.verifierRules.signPolExtensions",
                        r.signerAndVeriferRules().verifierRules().signPolExtensions());
            }
            SigningCertTrustCondition sctc = r.signingCertTrustCondition();
            if (sctc != null) {
                certRevReq(path + ".signingCertTrustCondition.signerRevReq", sctc.signerRevReq());
            }
            TimestampTrustCondition ttc = r.timeStampTrustCondition();
            if (ttc != null && ttc.ttsRevReq() != null) {
                certRevReq(path + ".timeStampTrustCondition.ttsRevReq", ttc.ttsRevReq());
            }
            AttributeTrustCondition atc = r.attributeTrustCondition();
            if (atc != null && atc.attrRevReq() != null) {
                certRevReq(path + ".attributeTrustCondition.attrRevReq", atc.attrRevReq());
            }
            AlgorithmConstraintSet acs = r.algorithmConstraintSet();
            if (acs != null) {
                algorithms(path + ".algorithmConstraintSet.signerAlgorithmConstraints", acs.signerAlgorithmConstraints());
                algorithms(path + ".algorithmConstraintSet.eeCertAlgorithmConstraints", acs.eeCertAlgorithmConstraints());
                algorithms(path + ".algorithmConstraintSet.caCertAlgorithmConstraints", acs.caCertAlgorithmConstraints());
                algorithms(path + ".algorithmConstraintSet.aaCertAlgorithmConstraints", acs.aaCertAlgorithmConstraints());
                algorithms(path + ".algorithmConstraintSet.tsaCertAlgorithmConstraints", acs.tsaCertAlgorithmConstraints());
            }
        }

        void certRevReq(String path, CertRevReq c) {
            revReq(path + ".endCertRevReq", c.endCertRevReq());
            revReq(path + ".caCerts", c.caCerts());
        }

        void revReq(String path, RevReq r) {
            list(path + ".exRevReq", r.exRevReq());
        }

        void algorithms(String path, List<AlgAndLength> list) {
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    list(path + "[" + i + "].other", list.get(i).other());
                }
            }
        }

        void list(String path, List<SignPolExtension> extensions) {
            if (extensions == null) {
                return;
            }
            for (SignPolExtension x : extensions) {
                if (!understood.contains(x.extnID())) {
                    throw new PolicyException("signature policy " + oid + ": extension " + x.extnID() + " at " + path
                            + " is not understood by this validator; RFC 3125 extensions carry no criticality flag, "
                            + "so Vellum treats an unknown extension inside the validation rules as critical");
                }
            }
        }
    }
}
