package dev.vellum.policy;

import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.AlgorithmConstraintSet;
import dev.vellum.policy.model.AttributeTrustCondition;
import dev.vellum.policy.model.CertInfoReq;
import dev.vellum.policy.model.CertRefReq;
import dev.vellum.policy.model.CertRevReq;
import dev.vellum.policy.model.DeltaTime;
import dev.vellum.policy.model.SignPolExtension;
import dev.vellum.policy.model.SignerRules;
import dev.vellum.policy.model.SigningCertTrustCondition;
import dev.vellum.policy.model.SigningPeriod;
import dev.vellum.policy.model.TimestampTrustCondition;
import dev.vellum.policy.model.VerifierRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The constraints one signature must meet under a policy, for the commitment type it indicates:
 * CommonRules merged with the matching CommitmentRule (ETSI TR 102 272 / RFC 3125 §3.4–3.5).
 * Plain data for {@code validation} to evaluate; nothing here looks at certificates.
 *
 * @param commitmentType        the commitment type OID these rules are for; null = none indicated
 * @param signerRules           never null (TR 102 272: in CommonRules or in every CommitmentRule)
 * @param signingCertTrust      never null (same rule)
 * @param timestampTrust        never null (same rule)
 * @param attributeTrust        null when the policy sets no attribute trust condition
 * @param algorithmConstraints  null when the policy sets no algorithm constraints
 * @param extensions            rule extensions from CommonRules, the CommitmentRule and the
 *                              validation policy; all understood by the caller (see {@link PolicyRules})
 */
public record ApplicableRules(String policyOid, String commitmentType, SigningPeriod signingPeriod,
        SignerRules signerRules, VerifierRules verifierRules, SigningCertTrustCondition signingCertTrust,
        TimestampTrustCondition timestampTrust, AttributeTrustCondition attributeTrust,
        AlgorithmConstraintSet algorithmConstraints, List<SignPolExtension> extensions) {

    public ApplicableRules {
        extensions = List.copyOf(extensions);
    }

    /** RFC 3125 §3.3: whether the claimed signing time lies in the policy's signing period. */
    public boolean signingTimeAllowed(Instant signingTime) {
        return signingPeriod.contains(signingTime);
    }

    /** Signed attributes (type OIDs) the signature must carry. */
    public List<String> mandatedSignedAttributes() {
        return signerRules.mandatedSignedAttr();
    }

    /** Unsigned attributes the signer must add. */
    public List<String> mandatedUnsignedAttributes() {
        return signerRules.mandatedUnsignedAttr();
    }

    /** Unsigned attributes the verifier must add (e.g. a signature time-stamp, archive time-stamps). */
    public List<String> verifierMandatedUnsignedAttributes() {
        return verifierRules.mandatedUnsignedAttr();
    }

    /** Which certificate references must be present (DEFAULT signerOnly applied). */
    public CertRefReq certificateRefRequirement() {
        return signerRules.effectiveCertificateRef();
    }

    /** Which certificates must be carried in the signature (DEFAULT none applied). */
    public CertInfoReq certificateInfoRequirement() {
        return signerRules.effectiveCertificateInfo();
    }

    /** Whether the signed data must be external (detached); empty when the policy does not say. */
    public Optional<Boolean> externalSignedData() {
        return Optional.ofNullable(signerRules.externalSignedData());
    }

    /** Revocation checking required for the signer's certificate and its CAs. */
    public CertRevReq signerRevocation() {
        return signingCertTrust.signerRevReq();
    }

    /** Revocation checking required for the TSA's certificate and its CAs, if the policy gives it. */
    public Optional<CertRevReq> timestampRevocation() {
        return Optional.ofNullable(timestampTrust.ttsRevReq());
    }

    /** RFC 3125 §3.9.5: a signature time-stamp later than signing-time by more than this makes the signature invalid. */
    public Optional<Duration> signatureTimestampDelay() {
        return Optional.ofNullable(timestampTrust.signatureTimestampDelay()).map(DeltaTime::toDuration);
    }

    /** RFC 3125 §3.9.5: how long after signing the verifier waits before trusting revocation status. */
    public Optional<Duration> cautionPeriod() {
        return Optional.ofNullable(timestampTrust.cautionPeriod()).map(DeltaTime::toDuration);
    }

    /**
     * The algorithms allowed for a role, each with its minimum key length. An empty list means the
     * policy does not constrain that role (it does not mean "nothing allowed").
     */
    public List<AlgAndLength> algorithmConstraints(AlgorithmRole role) {
        if (algorithmConstraints == null) {
            return List.of();
        }
        List<AlgAndLength> list = switch (role) {
            case SIGNER -> algorithmConstraints.signerAlgorithmConstraints();
            case END_ENTITY_CERTIFICATE -> algorithmConstraints.eeCertAlgorithmConstraints();
            case CA_CERTIFICATE -> algorithmConstraints.caCertAlgorithmConstraints();
            case ATTRIBUTE_AUTHORITY_CERTIFICATE -> algorithmConstraints.aaCertAlgorithmConstraints();
            case TSA_CERTIFICATE -> algorithmConstraints.tsaCertAlgorithmConstraints();
        };
        return list == null ? List.of() : list;
    }
}
