package dev.vellum.policy.model;

import java.util.List;

/**
 * RFC 3125 §3.10 AttributeConstraints: allowed attribute types [0] and allowed type/value pairs [1]
 * (values as DER). Null = absent.
 */
public record AttributeConstraints(List<String> attributeTypeConstraints,
        List<AttributeValueConstraint> attributeValueConstraints) {
    public AttributeConstraints {
        attributeTypeConstraints = Fields.optionalList(attributeTypeConstraints);
        attributeValueConstraints = Fields.optionalList(attributeValueConstraints);
    }

    /** One AttributeTypeAndValue: the type OID and the DER of the value. */
    public record AttributeValueConstraint(String type, Bytes value) {
        public AttributeValueConstraint {
            Fields.required(type, "AttributeTypeAndValue.type");
            Fields.required(value, "AttributeTypeAndValue.value");
        }
    }
}
