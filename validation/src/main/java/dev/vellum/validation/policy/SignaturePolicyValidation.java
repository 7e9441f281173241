package dev.vellum.validation.policy;

import dev.vellum.validation.x509.DisplayNames;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.attribute.SignaturePolicyId;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.policy.AlgorithmRole;
import dev.vellum.policy.ApplicableRules;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.PolicyHash;
import dev.vellum.policy.PolicyRegistry;
import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.policy.identifier.SignaturePolicyStore;
import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.CertInfoReq;
import dev.vellum.policy.model.CertRefReq;
import dev.vellum.policy.model.CertRevReq;
import dev.vellum.policy.model.CertificateTrustPoint;
import dev.vellum.policy.model.EnuRevReq;
import dev.vellum.policy.model.RevReq;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.SignaturePolicyReport;
import dev.vellum.validation.revocation.RevocationData;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Signature policies in validation: EN 319 102-1 §5.2.4 validation context initialisation (find the
 * policy the signature names, check its hash) and, in signature acceptance validation (§5.2.8), each
 * RFC 3125 rule of the policy — mandated attributes, certificate references and values, trust
 * conditions, algorithm constraints, the signing period and the time-stamp delay — with its outcome
 * reported by name. Stateless and thread-safe.
 */
public final class SignaturePolicyValidation {

    static final String CLAUSE_VCI = "EN 319 102-1 §5.2.4";
    static final String CLAUSE_RULES = "RFC 3125 §3 via EN 319 102-1 §5.2.8";

    private final PolicyRegistry registry;

    public SignaturePolicyValidation(PolicyRegistry registry) {
        this.registry = registry;
    }

    /** What §5.2.4 found: the conclusion, the partial report, and the rules to apply later. */
    public record Context(Optional<ConstraintOutcome> failure, SignaturePolicyReport report,
                          Optional<ApplicableRules> rules, List<String> warnings) {
    }

    /** §5.2.4 for the signature's signature-policy-identifier; empty when it names none. */
    public Optional<Context> validationContextInitialisation(CadesSignature signature) {
        Optional<SignaturePolicyId> id;
        try {
            id = signature.signedAttributes().signaturePolicy();
        } catch (RuntimeException malformed) {
            ConstraintOutcome f = ConstraintOutcome.failed("policy.identifier", CLAUSE_VCI,
                    "signature-policy-identifier", "cannot be decoded: " + malformed.getMessage(),
                    SubIndication.POLICY_PROCESSING_ERROR);
            return Optional.of(new Context(Optional.of(f), new SignaturePolicyReport("malformed", false, null, List.of(f)),
                    Optional.empty(), List.of()));
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (id.get().implied() || id.get().policyOid().isEmpty()) {
            return Optional.of(new Context(Optional.empty(), new SignaturePolicyReport("implied", false, null, List.of()),
                    Optional.empty(), List.of("the signature uses an implied signature policy (not allowed by EN 319 122-1 §5.2.9.1)")));
        }
        String oid = id.get().policyOid().get();
        Optional<RegisteredPolicy> policy = registry.find(oid).or(() -> fromStore(signature, oid));
        if (policy.isEmpty()) {
            return Optional.of(new Context(Optional.empty(), new SignaturePolicyReport(oid, false, null, List.of()),
                    Optional.empty(), List.of("signature policy " + oid + " is not in the policy registry; its rules were not applied")));
        }
        PolicyHash claimed = new PolicyHash(id.get().hashAlgorithmOid().orElse(""), Bytes.of(id.get().hash()));
        RegisteredPolicy.HashCheck check;
        try {
            check = policy.get().checkHash(claimed);
        } catch (RuntimeException e) {
            check = RegisteredPolicy.HashCheck.NOT_VERIFIABLE;
        }
        List<ConstraintOutcome> outcomes = new ArrayList<>();
        if (check == RegisteredPolicy.HashCheck.MISMATCH) {
            ConstraintOutcome f = ConstraintOutcome.failed("policy.hash", CLAUSE_VCI, "sigPolicyHash of policy " + oid,
                    "the signature's policy hash does not match the policy document", SubIndication.POLICY_PROCESSING_ERROR);
            return Optional.of(new Context(Optional.of(f), new SignaturePolicyReport(oid, true, false, List.of(f)),
                    Optional.empty(), List.of()));
        }
        if (check == RegisteredPolicy.HashCheck.NOT_VERIFIABLE) {
            ConstraintOutcome f = ConstraintOutcome.failed("policy.hash", CLAUSE_VCI, "sigPolicyHash of policy " + oid,
                    "the policy hash cannot be checked (algorithm " + claimed.algorithmOid() + ")",
                    SubIndication.POLICY_PROCESSING_ERROR);
            return Optional.of(new Context(Optional.of(f), new SignaturePolicyReport(oid, true, null, List.of(f)),
                    Optional.empty(), List.of()));
        }
        outcomes.add(ConstraintOutcome.passed("policy.hash", CLAUSE_VCI, "sigPolicyHash of policy " + oid,
                check == RegisteredPolicy.HashCheck.ZERO_HASH_ACCEPTED ? "zero hash: accepted without comparison" : "matches"));
        if (policy.get().asn1Policy().isEmpty()) {
            return Optional.of(new Context(Optional.empty(), new SignaturePolicyReport(oid, true, true, outcomes),
                    Optional.empty(), List.of("signature policy " + oid + " is not machine-readable; only its hash was checked")));
        }
        String commitment = signature.signedAttributes().commitmentTypes().stream().findFirst()
                .map(c -> c.commitmentTypeOid()).orElse(null);
        Optional<ApplicableRules> rules;
        try {
            rules = policy.get().rules().forCommitmentType(commitment);
        } catch (PolicyException e) {
            ConstraintOutcome f = ConstraintOutcome.failed("policy.rules", CLAUSE_VCI, "rules of policy " + oid,
                    e.getMessage(), SubIndication.POLICY_PROCESSING_ERROR);
            outcomes.add(f);
            return Optional.of(new Context(Optional.of(f), new SignaturePolicyReport(oid, true, true, outcomes),
                    Optional.empty(), List.of()));
        }
        if (rules.isEmpty()) {
            ConstraintOutcome f = ConstraintOutcome.failed("policy.commitment-type", CLAUSE_RULES,
                    "commitment type allowed by policy " + oid,
                    "the policy has no commitment rule for " + (commitment == null ? "a signature without commitment type" : commitment),
                    SubIndication.SIG_CONSTRAINTS_FAILURE);
            outcomes.add(f);
            return Optional.of(new Context(Optional.of(f), new SignaturePolicyReport(oid, true, true, outcomes),
                    Optional.empty(), List.of()));
        }
        return Optional.of(new Context(Optional.empty(), new SignaturePolicyReport(oid, true, true, outcomes), rules, List.of()));
    }

    private static Optional<RegisteredPolicy> fromStore(CadesSignature signature, String oid) {
        for (byte[] store : signature.unsignedAttributes().signaturePolicyStore()) {
            try {
                SignaturePolicyStore s = SignaturePolicyStore.fromDer(store);
                if (s.document() != null) {
                    RegisteredPolicy p = RegisteredPolicy.fromDer(s.document().toByteArray(), List.of(), s.spDocSpec(),
                            "signature-policy-store");
                    if (p.oid().equals(oid)) {
                        return Optional.of(p);
                    }
                }
            } catch (RuntimeException e) {
                // a store that cannot be read does not provide the policy
            }
        }
        return Optional.empty();
    }

    /** Everything the rules need to know about the validated signature. */
    public record Facts(CadesSignature signature, X509Certificate signer, List<X509Certificate> chain,
                        Instant bestSignatureTime, boolean detached) {
    }

    /** Each RFC 3125 rule of {@code rules} but the revocation requirements, evaluated on the signature. */
    public List<ConstraintOutcome> evaluate(ApplicableRules rules, Facts facts) {
        return evaluate(rules, facts, null);
    }

    /**
     * Each RFC 3125 rule of {@code rules}, evaluated on the signature, in rule order; with
     * {@code revocationKinds} (the kinds of usable revocation data at hand for a certificate) also the
     * signer's revocation requirements (signerRevReq).
     */
    public List<ConstraintOutcome> evaluate(ApplicableRules rules, Facts facts,
                                            Function<X509Certificate, Set<RevocationData.Kind>> revocationKinds) {
        List<ConstraintOutcome> out = new ArrayList<>();
        CadesSignature s = facts.signature();
        // RFC 3125 §3.9.1 mandatedSignedAttr / mandatedUnsignedAttr
        List<String> signed = types(s.signedAttributes().asn1());
        for (String oid : rules.mandatedSignedAttributes()) {
            out.add(rule("policy.mandated-signed-attribute", "signerRules.mandatedSignedAttr " + OidLabels.of(oid),
                    signed.contains(oid), signed.contains(oid) ? "present" : "signed attribute " + OidLabels.of(oid)
                            + " (" + oid + ") required by the policy is missing", SubIndication.SIG_CONSTRAINTS_FAILURE));
        }
        List<String> unsigned = types(s.unsignedAttributes().asn1());
        for (String oid : rules.mandatedUnsignedAttributes()) {
            out.add(rule("policy.mandated-unsigned-attribute", "signerRules.mandatedUnsignedAttr " + OidLabels.of(oid),
                    unsigned.contains(oid), unsigned.contains(oid) ? "present" : "unsigned attribute " + OidLabels.of(oid)
                            + " (" + oid + ") required by the policy is missing", SubIndication.SIG_CONSTRAINTS_FAILURE));
        }
        // §3.9.1 mandatedCertificateRef: references in signing-certificate(-v2)
        int refs = s.signedAttributes().signingCertificateV2().size() + s.signedAttributes().signingCertificateV1().size();
        if (rules.certificateRefRequirement() == CertRefReq.FULL_PATH) {
            int needed = Math.max(1, facts.chain().size() - 1);
            out.add(rule("policy.certificate-refs", "signerRules.mandatedCertificateRef fullPath", refs >= needed,
                    refs + " reference(s), " + needed + " needed", SubIndication.SIG_CONSTRAINTS_FAILURE));
        } else {
            out.add(rule("policy.certificate-refs", "signerRules.mandatedCertificateRef signerOnly", refs >= 1,
                    refs >= 1 ? "signer referenced" : "no signing-certificate reference", SubIndication.SIG_CONSTRAINTS_FAILURE));
        }
        // §3.9.1 mandatedCertificateInfo: certificates carried in the signature
        List<X509Certificate> carried = s.document().signedDataMaterial().certificates();
        CertInfoReq info = rules.certificateInfoRequirement();
        if (info != CertInfoReq.NONE) {
            List<X509Certificate> need = info == CertInfoReq.SIGNER_ONLY ? List.of(facts.signer())
                    : facts.chain().subList(0, Math.max(1, facts.chain().size() - 1));
            boolean ok = carried.containsAll(need);
            out.add(rule("policy.certificate-info", "signerRules.mandatedCertificateInfo " + info.asn1Name(), ok,
                    ok ? "carried" : "the signature does not carry the certificates the policy requires",
                    SubIndication.SIG_CONSTRAINTS_FAILURE));
        }
        // §3.9.1 externalSignedData
        rules.externalSignedData().ifPresent(external -> out.add(rule("policy.external-signed-data",
                "signerRules.externalSignedData " + external, external == facts.detached(),
                facts.detached() ? "detached" : "encapsulated", SubIndication.SIG_CONSTRAINTS_FAILURE)));
        // §3.3 signing period
        Instant when = s.signingTime().orElse(facts.bestSignatureTime());
        boolean inPeriod = rules.signingTimeAllowed(when);
        out.add(rule("policy.signing-period", "signingPeriod", inPeriod, "signing time " + when,
                SubIndication.SIG_CONSTRAINTS_FAILURE));
        // §3.6 signingCertTrustCondition: the chain must end at one of the policy's trust points
        List<CertificateTrustPoint> trees = rules.signingCertTrust().signerTrustTrees();
        if (!trees.isEmpty() && !facts.chain().isEmpty()) {
            boolean trusted = trees.stream().anyMatch(t -> facts.chain().contains(t.certificate()));
            out.add(rule("policy.signer-trust", "signingCertTrustCondition.signerTrustTrees", trusted,
                    trusted ? "chain ends at a policy trust point"
                            : "the signer's chain does not reach any of the policy's " + trees.size() + " trust point(s)",
                    SubIndication.CHAIN_CONSTRAINTS_FAILURE));
            // RFC 3125 CertificateTrustPoint: the constraints of the trust point the chain reaches
            out.addAll(TrustPointConstraints.evaluate("signingCertTrustCondition.signerTrustTrees", "policy.signer-trust",
                    trees, facts.chain()));
        }
        // RFC 3125 §3.6.2 revocation requirements of the signing-certificate trust condition
        CertRevReq revReq = rules.signerRevocation();
        if (revocationKinds != null && revReq != null && !facts.chain().isEmpty()) {
            out.add(revocationRule("endCertRevReq", revReq.endCertRevReq(), List.of(facts.signer()), revocationKinds));
            List<X509Certificate> cas = facts.chain().size() > 2 ? facts.chain().subList(1, facts.chain().size() - 1) : List.of();
            out.add(revocationRule("caCerts", revReq.caCerts(), cas, revocationKinds));
        }
        // §3.11 algorithm constraints for the signer
        List<AlgAndLength> allowed = rules.algorithmConstraints(AlgorithmRole.SIGNER);
        if (!allowed.isEmpty()) {
            String sigOid = AlgorithmConstraintCheck.signatureOid(s.signatureAlgorithmOid(), s.digestAlgorithmOid());
            String keyOid = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(facts.signer().getPublicKey()
                    .getEncoded()).getAlgorithm().getAlgorithm().getId();
            int size = AlgorithmNames.keySize(facts.signer().getPublicKey());
            boolean ok = allowed.stream().anyMatch(a -> (a.algID().equals(sigOid) || a.algID().equals(keyOid))
                    && (a.minKeyLength() == null || size >= a.minKeyLength()));
            out.add(rule("policy.signer-algorithm", "algorithmConstraintSet.signerAlgorithmConstraints", ok,
                    s.signatureAlgorithmName() + " with a " + size + "-bit key", SubIndication.CRYPTO_CONSTRAINTS_FAILURE));
        }
        // RFC 3125 AlgorithmConstraintSet eeCertAlgorithmConstraints / caCertAlgorithmConstraints: the issuers' signatures on the
        // signer's certificate and on the CA certificates below the trust anchor (which is trusted as given)
        List<X509Certificate> chain = facts.chain();
        List<AlgAndLength> ee = rules.algorithmConstraints(AlgorithmRole.END_ENTITY_CERTIFICATE);
        if (!ee.isEmpty() && chain.size() >= 2) {
            out.add(AlgorithmConstraintCheck.certificates("policy.ee-cert-algorithm",
                    "algorithmConstraintSet.eeCertAlgorithmConstraints", ee, chain.subList(0, 1), chain.subList(1, 2)));
        }
        List<AlgAndLength> ca = rules.algorithmConstraints(AlgorithmRole.CA_CERTIFICATE);
        if (!ca.isEmpty() && chain.size() >= 2) {
            out.add(AlgorithmConstraintCheck.certificates("policy.ca-cert-algorithm",
                    "algorithmConstraintSet.caCertAlgorithmConstraints", ca, chain.subList(1, chain.size() - 1),
                    chain.subList(2, chain.size())));
        }
        // RFC 3125 AttributeTrustCondition (with aaCertAlgorithmConstraints)
        if (rules.attributeTrust() != null) {
            List<X509Certificate> atHand = new ArrayList<>(carried);
            atHand.addAll(chain);
            out.addAll(AttributeTrustRules.evaluate(rules.attributeTrust(),
                    rules.algorithmConstraints(AlgorithmRole.ATTRIBUTE_AUTHORITY_CERTIFICATE), s.signedAttributes().asn1(),
                    atHand, facts.signer(), when));
        }
        // RFC 3125 VerifierRules: unsigned attributes the verifier must add; an archived signature either
        // carries them already or the archive (the verifier) still has to add them (e.g. by extension to LT/LTA)
        for (String oid : rules.verifierMandatedUnsignedAttributes()) {
            String name = "verifierRules.mandatedUnsignedAttr " + OidLabels.of(oid);
            out.add(unsigned.contains(oid) ? ConstraintOutcome.passed("policy.verifier-unsigned-attribute", CLAUSE_RULES,
                    name, "present") : ConstraintOutcome.warning("policy.verifier-unsigned-attribute", CLAUSE_RULES, name,
                    "unsigned attribute " + OidLabels.of(oid) + " (" + oid + ") is not yet present: the verifier must add it"
                            + " under this policy (it is not the signer's failure)"));
        }
        // §3.9.5 signatureTimestampDelay: RFC 3125 TimestampTrustCondition defines it on the signature time-stamp only
        // (archive and content time-stamps get the TSA rules, see evaluateTimestampTrust)
        rules.signatureTimestampDelay().ifPresent(delay -> {
            Optional<Instant> claimed = s.signingTime();
            Optional<Instant> tst = s.timestamps(TimestampKind.SIGNATURE).stream().map(t -> t.genTime()).min(Instant::compareTo);
            if (claimed.isPresent() && tst.isPresent()) {
                Duration actual = Duration.between(claimed.get(), tst.get());
                boolean ok = actual.compareTo(delay) <= 0;
                out.add(rule("policy.timestamp-delay", "timeStampTrustCondition.signatureTimestampDelay " + delay, ok,
                        "signature time-stamp " + Duration.between(claimed.get(), tst.get()) + " after signing-time",
                        SubIndication.SIG_CONSTRAINTS_FAILURE));
            }
        });
        return out;
    }

    /** One accepted signature time-stamp, for the time-stamp trust condition: its time and TSA chain (TSA first). */
    public record TimestampFacts(Instant genTime, List<X509Certificate> tsaChain, String signatureAlgorithmOid) {
        public TimestampFacts(Instant genTime, List<X509Certificate> tsaChain) {
            this(genTime, tsaChain, null);
        }

        /** With the token's SignerInfo signature algorithm, for tsaCertAlgorithmConstraints. */
        public static TimestampFacts of(Instant genTime, List<X509Certificate> tsaChain,
                                        org.bouncycastle.tsp.TimeStampToken token) {
            String alg = token == null ? null : token.toCMSSignedData().getSignerInfos().getSigners().stream()
                    .findFirst().map(si -> AlgorithmConstraintCheck.signatureOid(si.getEncryptionAlgOID(),
                            si.getDigestAlgOID())).orElse(null);
            return new TimestampFacts(genTime, tsaChain, alg);
        }
    }

    /**
     * RFC 3125 §3.8 time-stamp trust condition, once the signature time-stamps are validated (EN 319
     * 102-1 §5.5): ttsCertificateTrustTrees (every accepted time-stamp's TSA chain reaches one of the
     * policy's trust points), ttsNameConstraints, ttsRevReq (the kinds of revocation data at hand for
     * the TSA and its CAs), tsaCert-, eeCert- and caCertAlgorithmConstraints on each TSA chain, and
     * cautionPeriod (revocation data for the signer issued at least that long after
     * {@code signingTime}, the best-signature-time; else TRY_LATER). Stateless.
     */
    public static List<ConstraintOutcome> evaluateTimestampTrust(ApplicableRules rules, List<TimestampFacts> timestamps,
                                                                 Instant signingTime, List<Instant> signerRevocationIssued,
                                                                 Function<X509Certificate, Set<RevocationData.Kind>> revocationKinds) {
        List<ConstraintOutcome> out = tsaRules(rules, timestamps, revocationKinds);
        for (TimestampFacts t : timestamps) {
            out.addAll(certificateAlgorithms(rules, t.tsaChain(), "TSA chain of the signature time-stamp of " + t.genTime()));
        }
        // RFC 3125 TimestampTrustCondition: cautionPeriod and signatureTimestampDelay are about the signature
        // time-stamp and the signer's status after it, so they stay with the signature time-stamps
        rules.cautionPeriod().ifPresent(caution -> {
            Instant needed = signingTime.plus(caution);
            boolean ok = signerRevocationIssued.stream().anyMatch(t -> !t.isBefore(needed));
            out.add(new ConstraintOutcome("policy.caution-period", CLAUSE_RULES, "timeStampTrustCondition.cautionPeriod " + caution,
                    ok ? dev.vellum.validation.report.Outcome.PASSED : dev.vellum.validation.report.Outcome.FAILED,
                    ok ? "revocation data issued after " + needed
                            : "the signer's status must come from revocation data issued at or after " + needed
                                    + " (signing time " + signingTime + " + " + caution + "); validate again later",
                    ok ? null : SubIndication.TRY_LATER));
        });
        return out;
    }

    /**
     * The TSA-related rules of RFC 3125 TimestampTrustCondition (ttsCertificateTrustTrees with their
     * trust-point constraints, ttsNameConstraints, ttsRevReq) and AlgorithmConstraintSet
     * (tsaCert-, eeCert-, caCertAlgorithmConstraints) for one archive or content time-stamp
     * (EN 319 102-1 §5.6.2.3, §5.2.8): every rule's description names the time-stamp, e.g.
     * {@code (archive time-stamp of 2026-01-01T00:00:00Z)}. Stateless.
     */
    public static List<ConstraintOutcome> evaluateTimestampTrust(ApplicableRules rules, String timestampName,
                                                                 TimestampFacts timestamp,
                                                                 Function<X509Certificate, Set<RevocationData.Kind>> revocationKinds) {
        List<ConstraintOutcome> out = new ArrayList<>();
        for (ConstraintOutcome r : tsaRules(rules, List.of(timestamp), revocationKinds)) {
            out.add(new ConstraintOutcome(r.id(), r.clause(), r.description() + " (" + timestampName + ")", r.outcome(),
                    r.detail(), r.subIndication()));
        }
        out.addAll(certificateAlgorithms(rules, timestamp.tsaChain(), "TSA chain of the " + timestampName));
        return out;
    }

    /**
     * RFC 3125 AlgorithmConstraintSet eeCert- and caCertAlgorithmConstraints on a chain other than the
     * signer's (a TSA's, target first, ending at its trust anchor), {@code whose} naming it in each rule.
     */
    public static List<ConstraintOutcome> certificateAlgorithms(ApplicableRules rules, List<X509Certificate> chain,
                                                                String whose) {
        List<ConstraintOutcome> out = new ArrayList<>();
        if (chain.size() < 2) {
            return out;
        }
        List<AlgAndLength> ee = rules.algorithmConstraints(AlgorithmRole.END_ENTITY_CERTIFICATE);
        if (!ee.isEmpty()) {
            out.add(AlgorithmConstraintCheck.certificates("policy.ee-cert-algorithm",
                    "algorithmConstraintSet.eeCertAlgorithmConstraints (" + whose + ")", ee, chain.subList(0, 1),
                    chain.subList(1, 2)));
        }
        List<AlgAndLength> ca = rules.algorithmConstraints(AlgorithmRole.CA_CERTIFICATE);
        if (!ca.isEmpty()) {
            out.add(AlgorithmConstraintCheck.certificates("policy.ca-cert-algorithm",
                    "algorithmConstraintSet.caCertAlgorithmConstraints (" + whose + ")", ca, chain.subList(1, chain.size() - 1),
                    chain.subList(2, chain.size())));
        }
        return out;
    }

    /**
     * RFC 3125 AlgorithmConstraintSet eeCertAlgorithmConstraints on delegated OCSP responders' certificates
     * (end-entity certificates the validation relied on), each with the CA that issued it; empty when there
     * are none or the policy has no such constraints.
     */
    public static Optional<ConstraintOutcome> responderAlgorithms(ApplicableRules rules, List<X509Certificate> responders,
                                                                  List<X509Certificate> issuers, String whose) {
        List<AlgAndLength> ee = rules.algorithmConstraints(AlgorithmRole.END_ENTITY_CERTIFICATE);
        if (ee.isEmpty() || responders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AlgorithmConstraintCheck.certificates("policy.ee-cert-algorithm",
                "algorithmConstraintSet.eeCertAlgorithmConstraints (" + whose + ")", ee, responders, issuers));
    }

    // RFC 3125 TimestampTrustCondition (TSA parts) and tsaCertAlgorithmConstraints over the time-stamps' TSAs
    private static List<ConstraintOutcome> tsaRules(ApplicableRules rules, List<TimestampFacts> timestamps,
                                                    Function<X509Certificate, Set<RevocationData.Kind>> revocationKinds) {
        List<ConstraintOutcome> out = new ArrayList<>();
        List<CertificateTrustPoint> trees = rules.timestampTrust().ttsCertificateTrustTrees();
        if (trees != null && !trees.isEmpty() && !timestamps.isEmpty()) {
            Optional<TimestampFacts> outside = timestamps.stream()
                    .filter(t -> trees.stream().noneMatch(tp -> t.tsaChain().contains(tp.certificate()))).findFirst();
            out.add(rule("policy.tsa-trust", "timeStampTrustCondition.ttsCertificateTrustTrees", outside.isEmpty(),
                    outside.map(t -> "the TSA chain of the time-stamp of " + t.genTime() + " (" + t.tsaChain().get(0)
                            .getSubjectX500Principal().getName() + ") does not reach any of the policy's " + trees.size()
                            + " trust point(s)").orElse(timestamps.size() + " time-stamp(s) chain to a policy trust point"),
                    SubIndication.CHAIN_CONSTRAINTS_FAILURE));
            // RFC 3125 CertificateTrustPoint constraints of the trust point each TSA chain reaches
            out.addAll(TrustPointConstraints.merge(timestamps.stream().map(t -> TrustPointConstraints.evaluate(
                    "timeStampTrustCondition.ttsCertificateTrustTrees", "policy.tsa-trust", trees, t.tsaChain())).toList()));
        }
        // RFC 3125 TimestampTrustCondition.ttsNameConstraints: the TSA's names must be in the name space the policy gives
        if (rules.timestampTrust().ttsNameConstraints() != null && !timestamps.isEmpty()) {
            out.add(tsaNames(rules.timestampTrust().ttsNameConstraints().toByteArray(), timestamps));
        }
        // RFC 3125 AlgorithmConstraintSet tsaCertAlgorithmConstraints: the TSA's signature on each time-stamp token
        List<AlgAndLength> tsaAlgorithms = rules.algorithmConstraints(AlgorithmRole.TSA_CERTIFICATE);
        if (!tsaAlgorithms.isEmpty() && !timestamps.isEmpty()) {
            Optional<TimestampFacts> refused = timestamps.stream().filter(t -> t.signatureAlgorithmOid() == null
                    || !AlgorithmConstraintCheck.allowed(tsaAlgorithms, t.signatureAlgorithmOid(),
                    t.tsaChain().get(0).getPublicKey())).findFirst();
            X509Certificate firstTsa = timestamps.get(0).tsaChain().get(0);
            out.add(rule("policy.tsa-algorithm", "algorithmConstraintSet.tsaCertAlgorithmConstraints", refused.isEmpty(),
                    refused.map(t -> "the time-stamp of " + t.genTime() + " is signed with " + AlgorithmConstraintCheck.describe(
                            AlgorithmConstraintCheck.name(t.signatureAlgorithmOid()), t.tsaChain().get(0).getPublicKey())
                            + ", which the policy does not allow").orElse(timestamps.size() + " time-stamp signature(s) allowed: "
                            + AlgorithmConstraintCheck.describe(AlgorithmConstraintCheck.name(timestamps.get(0)
                            .signatureAlgorithmOid()), firstTsa.getPublicKey())),
                    SubIndication.CRYPTO_CONSTRAINTS_FAILURE));
        }
        Optional<CertRevReq> ttsRevReq = rules.timestampRevocation();
        if (ttsRevReq.isPresent() && !timestamps.isEmpty()) {
            List<X509Certificate> tsas = timestamps.stream().map(t -> t.tsaChain().get(0)).distinct().toList();
            List<X509Certificate> cas = timestamps.stream().filter(t -> t.tsaChain().size() > 2)
                    .flatMap(t -> t.tsaChain().subList(1, t.tsaChain().size() - 1).stream()).distinct().toList();
            out.add(revocationRule("timeStampTrustCondition.ttsRevReq.", "policy.tsa-revocation.", "endCertRevReq",
                    ttsRevReq.get().endCertRevReq(), tsas, revocationKinds));
            out.add(revocationRule("timeStampTrustCondition.ttsRevReq.", "policy.tsa-revocation.", "caCerts",
                    ttsRevReq.get().caCerts(), cas, revocationKinds));
        }
        return out;
    }

    // RFC 3125 TimestampTrustCondition.ttsNameConstraints on each TSA certificate's names
    private static ConstraintOutcome tsaNames(byte[] nameConstraints, List<TimestampFacts> timestamps) {
        String name = "timeStampTrustCondition.ttsNameConstraints";
        PolicyNameConstraints names;
        try {
            names = PolicyNameConstraints.fromDer(nameConstraints);
        } catch (PolicyException e) {
            return ConstraintOutcome.failed("policy.tsa-names", CLAUSE_RULES, name, e.getMessage(),
                    SubIndication.POLICY_PROCESSING_ERROR);
        }
        Optional<String> violation = timestamps.stream().map(t -> names.violation(PolicyNameConstraints.namesOf(
                t.tsaChain().get(0))).map(v -> "TSA " + DisplayNames.subject(t.tsaChain().get(0)) + ": " + v))
                .flatMap(Optional::stream).findFirst();
        return rule("policy.tsa-names", name, violation.isEmpty(),
                violation.orElse(timestamps.size() + " TSA(s) named within the permitted name space"),
                SubIndication.CHAIN_CONSTRAINTS_FAILURE);
    }

    private static ConstraintOutcome revocationRule(String which, RevReq req, List<X509Certificate> certificates,
                                                    Function<X509Certificate, Set<RevocationData.Kind>> kinds) {
        return revocationRule("signingCertTrustCondition.signerRevReq.", "policy.signer-revocation.", which, req,
                certificates, kinds);
    }

    // RFC 3125 §3.6.2 EnuRevReq: which checks must have been possible for each certificate.
    private static ConstraintOutcome revocationRule(String namePrefix, String idPrefix, String which, RevReq req,
                                                    List<X509Certificate> certificates,
                                                    Function<X509Certificate, Set<RevocationData.Kind>> kinds) {
        String name = namePrefix + which + " " + req.enuRevReq().asn1Name();
        String id = idPrefix + which;
        if (req.enuRevReq() == EnuRevReq.OTHER) {
            return ConstraintOutcome.warning(id, CLAUSE_RULES, name, "revocation requirement 'other' is not interpreted");
        }
        for (X509Certificate c : certificates) {
            Set<RevocationData.Kind> have = kinds.apply(c);
            boolean ok = switch (req.enuRevReq()) {
                case CLR_CHECK -> have.contains(RevocationData.Kind.CRL);
                case OCSP_CHECK -> have.contains(RevocationData.Kind.OCSP);
                case BOTH_CHECK -> have.contains(RevocationData.Kind.CRL) && have.contains(RevocationData.Kind.OCSP);
                case EITHER_CHECK -> !have.isEmpty();
                default -> true;
            };
            if (!ok) {
                return ConstraintOutcome.failed(id, CLAUSE_RULES, name, "usable revocation data for "
                        + DisplayNames.subject(c) + ": " + (have.isEmpty() ? "none" : have),
                        SubIndication.CHAIN_CONSTRAINTS_FAILURE);
            }
        }
        return ConstraintOutcome.passed(id, CLAUSE_RULES, name, certificates.size() + " certificate(s) checked");
    }

    private static ConstraintOutcome rule(String id, String name, boolean ok, String detail, SubIndication sub) {
        return ok ? ConstraintOutcome.passed(id, CLAUSE_RULES, name, detail)
                : ConstraintOutcome.failed(id, CLAUSE_RULES, name, detail, sub);
    }

    private static List<String> types(List<org.bouncycastle.asn1.cms.Attribute> attributes) {
        return attributes.stream().map(a -> a.getAttrType().getId()).distinct().toList();
    }
}
