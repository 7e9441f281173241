package dev.vellum.policy.model;

import java.util.List;

/** RFC 3125 §3.10 AttributeTrustCondition; the tagged fields are null when absent. */
public record AttributeTrustCondition(boolean attributeMandated, HowCertAttribute howCertAttribute,
        List<CertificateTrustPoint> attrCertificateTrustTrees, CertRevReq attrRevReq,
        AttributeConstraints attributeConstraints) {
    public AttributeTrustCondition {
        Fields.required(howCertAttribute, "AttributeTrustCondition.howCertAttribute");
        attrCertificateTrustTrees = Fields.optionalList(attrCertificateTrustTrees);
    }
}
