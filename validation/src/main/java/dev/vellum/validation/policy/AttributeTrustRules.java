package dev.vellum.validation.policy;

import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.AttributeConstraints;
import dev.vellum.policy.model.AttributeTrustCondition;
import dev.vellum.policy.model.HowCertAttribute;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.report.ConstraintOutcome;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.AttributeCertificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * RFC 3125 AttributeTrustCondition on the signer's claimed and certified attributes
 * (signer-attributes / signer-attributes-v2): attributeMandated, howCertAttribute and
 * attributeConstraints, plus AlgorithmConstraintSet.aaCertAlgorithmConstraints on the attribute certificates'
 * signatures, and attrCertificateTrustTrees (each attribute certificate is the signer's, valid at the
 * signing time, and its authority chains to a policy trust point whose constraints it meets). attrRevReq
 * is reported as a warning: revocation of attribute certificates is not checked. Stateless.
 */
final class AttributeTrustRules {

    private static final String NAME = "attributeTrustCondition.";

    private AttributeTrustRules() {
    }

    static List<ConstraintOutcome> evaluate(AttributeTrustCondition condition, List<AlgAndLength> aaAlgorithms,
                                            List<org.bouncycastle.asn1.cms.Attribute> signedAttributes,
                                            List<X509Certificate> certificatesAtHand, X509Certificate signer,
                                            java.time.Instant signingTime) {
        List<ConstraintOutcome> out = new ArrayList<>();
        SignerAttributes attrs;
        try {
            attrs = SignerAttributes.of(signedAttributes);
        } catch (RuntimeException e) {
            out.add(failed("policy.attribute-mandated", NAME + "attributeMandated " + condition.attributeMandated(),
                    "the signer-attributes attribute cannot be decoded: " + e.getMessage()));
            return out;
        }
        HowCertAttribute how = condition.howCertAttribute();
        boolean claimedAllowed = how != HowCertAttribute.CERTIFIED_ATTRIBUTES;
        boolean certifiedAllowed = how != HowCertAttribute.CLAIMED_ATTRIBUTE;
        int usable = (claimedAllowed ? attrs.claimed().size() : 0) + (certifiedAllowed ? attrs.certified().size() : 0);
        String counts = attrs.claimed().size() + " claimed attribute(s), " + attrs.certified().size()
                + " attribute certificate(s)";
        // attributeMandated: an attribute of an allowed kind must be present
        if (condition.attributeMandated()) {
            out.add(rule("policy.attribute-mandated", NAME + "attributeMandated true", usable > 0,
                    usable > 0 ? counts : "the policy requires " + kinds(how) + " attributes of the signer and the signature has "
                            + (attrs.isEmpty() ? "none" : "only " + counts)));
        } else {
            out.add(ConstraintOutcome.passed("policy.attribute-mandated", SignaturePolicyValidation.CLAUSE_RULES,
                    NAME + "attributeMandated false", counts));
        }
        // howCertAttribute: attributes of a kind the policy does not accept are not allowed
        Optional<String> wrongKind = !claimedAllowed && !attrs.claimed().isEmpty()
                ? Optional.of(attrs.claimed().size() + " claimed attribute(s) present, the policy accepts certified attributes only")
                : !certifiedAllowed && !attrs.certified().isEmpty()
                ? Optional.of(attrs.certified().size() + " attribute certificate(s) present, the policy accepts claimed attributes only")
                : Optional.empty();
        out.add(rule("policy.attribute-kind", NAME + "howCertAttribute " + how.asn1Name(), wrongKind.isEmpty(),
                wrongKind.orElse(counts)));
        // attributeConstraints: allowed types, and allowed values for the types they list
        if (condition.attributeConstraints() != null && !attrs.isEmpty()) {
            Optional<String> violation = constraintViolation(condition.attributeConstraints(), allAttributes(attrs));
            out.add(rule("policy.attribute-constraints", NAME + "attributeConstraints", violation.isEmpty(),
                    violation.orElse("every attribute type and value is allowed")));
        }
        // attrCertificateTrustTrees: each attribute certificate's authority chains to a policy trust point
        List<dev.vellum.policy.model.CertificateTrustPoint> trees = condition.attrCertificateTrustTrees();
        if (!attrs.certified().isEmpty() && trees != null && !trees.isEmpty()) {
            List<List<ConstraintOutcome>> perCertificate = new ArrayList<>();
            Optional<String> problem = Optional.empty();
            for (AttributeCertificate ac : attrs.certified()) {
                AttributeCertificatePath.Result r = AttributeCertificatePath.check(ac, signer, signingTime, certificatesAtHand, trees);
                if (!r.ok()) {
                    problem = Optional.of(r.problem());
                    break;
                }
                perCertificate.add(TrustPointConstraints.evaluate(NAME + "attrCertificateTrustTrees",
                        "policy.attribute-authority-trust", trees, r.chain()));
            }
            out.add(problem.isPresent()
                    ? ConstraintOutcome.failed("policy.attribute-authority-trust", SignaturePolicyValidation.CLAUSE_RULES,
                    NAME + "attrCertificateTrustTrees", problem.get(), SubIndication.CHAIN_CONSTRAINTS_FAILURE)
                    : ConstraintOutcome.passed("policy.attribute-authority-trust", SignaturePolicyValidation.CLAUSE_RULES,
                    NAME + "attrCertificateTrustTrees", attrs.certified().size()
                            + " attribute certificate(s) of the signer, valid at the signing time, from an authority under a policy trust point"));
            if (problem.isEmpty()) {
                out.addAll(TrustPointConstraints.merge(perCertificate));
            }
        }
        if (!attrs.certified().isEmpty() && condition.attrRevReq() != null) {
            out.add(ConstraintOutcome.warning("policy.attribute-revocation", SignaturePolicyValidation.CLAUSE_RULES,
                    NAME + "attrRevReq", "not evaluated: Vellum does not check the revocation of attribute certificates"
                            + " and their authorities"));
        }
        if (!aaAlgorithms.isEmpty() && !attrs.certified().isEmpty()) {
            out.add(aaAlgorithms(aaAlgorithms, attrs.certified(), certificatesAtHand));
        }
        return out;
    }

    private static List<Attribute> allAttributes(SignerAttributes attrs) {
        List<Attribute> all = new ArrayList<>(attrs.claimed());
        for (AttributeCertificate ac : attrs.certified()) {
            for (ASN1Encodable a : ac.getAcinfo().getAttributes()) {
                all.add(Attribute.getInstance(a));
            }
        }
        return all;
    }

    private static Optional<String> constraintViolation(AttributeConstraints c, List<Attribute> attributes) {
        List<AttributeConstraints.AttributeValueConstraint> valueConstraints = c.attributeValueConstraints() == null
                ? List.of() : c.attributeValueConstraints();
        Set<String> allowedTypes = new HashSet<>(c.attributeTypeConstraints() == null ? List.of() : c.attributeTypeConstraints());
        valueConstraints.forEach(v -> allowedTypes.add(v.type()));
        for (Attribute a : attributes) {
            String type = a.getAttrType().getId();
            if (!allowedTypes.isEmpty() && !allowedTypes.contains(type)) {
                return Optional.of("attribute type " + type + " is not among the allowed types " + allowedTypes);
            }
            List<AttributeConstraints.AttributeValueConstraint> values = valueConstraints.stream()
                    .filter(v -> v.type().equals(type)).toList();
            if (values.isEmpty()) {
                continue;
            }
            for (ASN1Encodable value : a.getAttrValues()) {
                byte[] der = encoded(value);
                if (values.stream().noneMatch(v -> Arrays.equals(v.value().toByteArray(), der))) {
                    return Optional.of("a value of attribute " + type + " is not among the values the policy allows");
                }
            }
        }
        return Optional.empty();
    }

    // AlgorithmConstraintSet.aaCertAlgorithmConstraints: the attribute authority's signature on each attribute certificate.
    private static ConstraintOutcome aaAlgorithms(List<AlgAndLength> allowed, List<AttributeCertificate> acs,
                                                  List<X509Certificate> certificatesAtHand) {
        String name = "algorithmConstraintSet.aaCertAlgorithmConstraints";
        String id = "policy.aa-algorithm";
        for (AttributeCertificate ac : acs) {
            String sigOid = ac.getSignatureAlgorithm().getAlgorithm().getId();
            Optional<X509Certificate> aa = issuerOf(ac, certificatesAtHand);
            boolean ok = aa.isPresent() ? AlgorithmConstraintCheck.allowed(allowed, sigOid, aa.get().getPublicKey())
                    : allowed.stream().anyMatch(a -> a.algID().equals(sigOid));
            if (!ok) {
                return ConstraintOutcome.failed(id, SignaturePolicyValidation.CLAUSE_RULES, name, "an attribute certificate is signed with "
                        + (aa.isPresent() ? AlgorithmConstraintCheck.describe(AlgorithmConstraintCheck.name(sigOid),
                        aa.get().getPublicKey()) : AlgorithmConstraintCheck.name(sigOid))
                        + ", which the policy does not allow", SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
            }
            if (aa.isEmpty()) {
                return ConstraintOutcome.warning(id, SignaturePolicyValidation.CLAUSE_RULES, name, "algorithm "
                        + AlgorithmConstraintCheck.name(sigOid) + " allowed; the attribute authority's certificate is not at hand, so its key length is not checked");
            }
        }
        return ConstraintOutcome.passed(id, SignaturePolicyValidation.CLAUSE_RULES, name,
                acs.size() + " attribute certificate signature(s) allowed");
    }

    private static Optional<X509Certificate> issuerOf(AttributeCertificate ac, List<X509Certificate> candidates) {
        ASN1Encodable form = ac.getAcinfo().getIssuer().getIssuer();
        GeneralNames names = form instanceof org.bouncycastle.asn1.x509.V2Form v2 ? v2.getIssuerName()
                : form instanceof GeneralNames g ? g : null;
        if (names == null) {
            return Optional.empty();
        }
        for (GeneralName n : names.getNames()) {
            if (n.getTagNo() == GeneralName.directoryName) {
                X500Principal issuer = new X500Principal(encoded(n.getName()));
                Optional<X509Certificate> found = candidates.stream()
                        .filter(c -> c.getSubjectX500Principal().equals(issuer)).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] encoded(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String kinds(HowCertAttribute how) {
        return switch (how) {
            case CLAIMED_ATTRIBUTE -> "claimed";
            case CERTIFIED_ATTRIBUTES -> "certified";
            case EITHER -> "claimed or certified";
        };
    }

    private static ConstraintOutcome rule(String id, String name, boolean ok, String detail) {
        return ok ? ConstraintOutcome.passed(id, SignaturePolicyValidation.CLAUSE_RULES, name, detail) : failed(id, name, detail);
    }

    private static ConstraintOutcome failed(String id, String name, String detail) {
        return ConstraintOutcome.failed(id, SignaturePolicyValidation.CLAUSE_RULES, name, detail,
                SubIndication.SIG_CONSTRAINTS_FAILURE);
    }
}
