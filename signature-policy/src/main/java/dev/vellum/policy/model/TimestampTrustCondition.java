package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.9.5 TimestampTrustCondition; every field is optional (null = absent). */
public record TimestampTrustCondition(List<CertificateTrustPoint> ttsCertificateTrustTrees, CertRevReq ttsRevReq,
        Bytes ttsNameConstraints, DeltaTime cautionPeriod, DeltaTime signatureTimestampDelay) {
    public TimestampTrustCondition {
        ttsCertificateTrustTrees = Fields.optionalList(ttsCertificateTrustTrees);
    }
}
