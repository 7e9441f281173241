package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.9 SigningCertTrustCondition: the trust points for the signer's certificate and how to check revocation. */
public record SigningCertTrustCondition(List<CertificateTrustPoint> signerTrustTrees, CertRevReq signerRevReq) {
    public SigningCertTrustCondition {
        signerTrustTrees = Fields.requiredList(signerTrustTrees, "SigningCertTrustCondition.signerTrustTrees");
        Fields.required(signerRevReq, "SigningCertTrustCondition.signerRevReq");
    }
}
