package dev.vellum.app.cli.policy;

import dev.vellum.policy.AlgorithmRole;
import dev.vellum.policy.ApplicableRules;
import dev.vellum.policy.HashAlgorithm;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.PolicyHash;
import dev.vellum.policy.PolicyHasher;
import dev.vellum.policy.PolicyRules;
import dev.vellum.policy.json.OidNames;
import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.CertRevReq;
import dev.vellum.policy.model.CertificateTrustPoint;
import dev.vellum.policy.model.IssuerName;
import dev.vellum.policy.model.SelectedCommitmentType;
import dev.vellum.policy.model.SignPolicyInfo;
import dev.vellum.policy.model.SignaturePolicy;
import dev.vellum.policy.model.SigningPeriod;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A plain-text account of a policy for records staff and auditors: who, what for, and what each commitment type requires. */
final class PolicyDescription {
    private final StringBuilder out = new StringBuilder();

    private PolicyDescription() {
    }

    static String describe(SignaturePolicy policy, byte[] der) {
        PolicyDescription d = new PolicyDescription();
        d.policy(policy, der);
        return d.out.toString();
    }

    private void policy(SignaturePolicy policy, byte[] der) {
        SignPolicyInfo info = policy.signPolicyInfo();
        line(0, "Signature policy " + policy.oid());
        line(1, "Issued:          " + info.dateOfIssue() + " by "
                + info.policyIssuerName().stream().map(IssuerName::value).collect(Collectors.joining("; ")));
        line(1, "Applies to:      " + info.fieldOfApplication().text());
        SigningPeriod period = info.signatureValidationPolicy().signingPeriod();
        line(1, "Signing period:  " + period.notBefore() + " to "
                + (period.notAfter() == null ? "(open-ended)" : period.notAfter().toString()));
        PolicyHash hash = PolicyHasher.sigPolicyHash(der);
        line(1, "Policy hash:     " + hash.algorithm().jcaName() + " " + hash.value().hex()
                + (policy.signPolicyHash() == null ? " (no embedded hash)" : " (embedded hash verified)"));
        line(1, "File hash:       " + HashAlgorithm.SHA256.jcaName() + " "
                + PolicyHasher.documentHash(der, HashAlgorithm.SHA256).hex() + " (not the policy hash)");
        if (info.signPolExtensions() != null) {
            line(1, "Extensions:      " + info.signPolExtensions().stream().map(x -> x.extnID()).toList());
        }
        PolicyRules rules;
        try {
            rules = PolicyRules.forDisplay(policy);
        } catch (PolicyException e) {
            line(1, "Rules:           not usable for validation: " + e.getMessage());
            return;
        }
        for (SelectedCommitmentType selected : rules.allowedCommitmentTypes()) {
            String oid = selected.isEmpty() ? null : selected.recognized().identifier();
            line(1, "");
            line(1, "Commitment type: " + (oid == null ? "none indicated (empty)" : name(oid) + " (" + oid + ")"));
            if (!selected.isEmpty() && selected.recognized().semantics() != null) {
                line(2, "meaning:              " + selected.recognized().semantics().text());
            }
            rules.forCommitmentType(oid).ifPresent(this::rules);
        }
    }

    private void rules(ApplicableRules r) {
        line(2, "signed attributes:    " + names(r.mandatedSignedAttributes()));
        line(2, "unsigned (signer):    " + names(r.mandatedUnsignedAttributes()));
        line(2, "unsigned (verifier):  " + names(r.verifierMandatedUnsignedAttributes()));
        line(2, "certificate refs:     " + r.certificateRefRequirement().asn1Name() + "; certificates carried: "
                + r.certificateInfoRequirement().asn1Name());
        line(2, "signer trust points:  " + trustPoints(r.signingCertTrust().signerTrustTrees()));
        line(2, "signer revocation:    " + revocation(r.signerRevocation()));
        if (r.timestampTrust().ttsCertificateTrustTrees() != null) {
            line(2, "TSA trust points:     " + trustPoints(r.timestampTrust().ttsCertificateTrustTrees()));
        }
        r.timestampRevocation().ifPresent(rev -> line(2, "TSA revocation:       " + revocation(rev)));
        r.signatureTimestampDelay().ifPresent(d -> line(2, "time-stamp within:    " + human(d) + " of signing-time"));
        r.cautionPeriod().ifPresent(d -> line(2, "caution period:       " + human(d)));
        for (AlgorithmRole role : AlgorithmRole.values()) {
            List<AlgAndLength> algs = r.algorithmConstraints(role);
            if (!algs.isEmpty()) {
                line(2, String.format("%-22s", label(role) + ":")
                        + algs.stream().map(a -> name(a.algID()) + (a.minKeyLength() == null ? "" : " >= " + a.minKeyLength()))
                                .collect(Collectors.joining(", ")));
            }
        }
        if (r.attributeTrust() != null) {
            line(2, "attributes:           " + (r.attributeTrust().attributeMandated() ? "mandated, " : "optional, ")
                    + r.attributeTrust().howCertAttribute().asn1Name());
        }
        if (!r.extensions().isEmpty()) {
            line(2, "rule extensions:      " + r.extensions().stream().map(x -> x.extnID()).toList());
        }
    }

    private static String label(AlgorithmRole role) {
        return switch (role) {
            case SIGNER -> "signature algorithms";
            case END_ENTITY_CERTIFICATE -> "end-entity certs";
            case CA_CERTIFICATE -> "CA certificates";
            case ATTRIBUTE_AUTHORITY_CERTIFICATE -> "AA certificates";
            case TSA_CERTIFICATE -> "TSA certificates";
        };
    }

    /** "30 days", "24 hours", "15 minutes", else the ISO-8601 form. */
    static String human(Duration d) {
        if (d.isZero()) {
            return "0 seconds";
        }
        if (d.toSeconds() % 86_400 == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toSeconds() % 3_600 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toString();
    }

    private static String trustPoints(List<CertificateTrustPoint> points) {
        return points.stream().map(tp -> {
            String subject;
            try {
                subject = tp.certificate().getSubjectX500Principal().getName();
            } catch (PolicyException e) {
                subject = "(unparsable certificate)";
            }
            return subject + (tp.pathLenConstraint() == null ? "" : " [path length <= " + tp.pathLenConstraint() + "]");
        }).collect(Collectors.joining("; "));
    }

    private static String revocation(CertRevReq rev) {
        return "end certificate " + rev.endCertRevReq().enuRevReq().asn1Name() + ", CA certificates "
                + rev.caCerts().enuRevReq().asn1Name();
    }

    private static String names(List<String> oids) {
        return oids.isEmpty() ? "(none)" : oids.stream().map(PolicyDescription::name).collect(Collectors.joining(", "));
    }

    private static String name(String oid) {
        return OidNames.nameOf(oid);
    }

    private void line(int indent, String text) {
        out.append(text.isEmpty() ? "" : "  ".repeat(indent)).append(text).append('\n');
    }
}
