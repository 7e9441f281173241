package dev.vellum.policy.model;

/** RFC 3125 §3.10 HowCertAttribute ::= ENUMERATED { claimedAttribute(0), certifiedAttribtes(1) [sic], either(2) }. */
public enum HowCertAttribute {
    CLAIMED_ATTRIBUTE(0, "claimedAttribute"), CERTIFIED_ATTRIBUTES(1, "certifiedAttribtes"), EITHER(2, "either");

    private final int value;
    private final String asn1Name;

    HowCertAttribute(int value, String asn1Name) {
        this.value = value;
        this.asn1Name = asn1Name;
    }

    public int value() {
        return value;
    }

    /** The ASN.1 identifier, including the standard's own spelling "certifiedAttribtes". */
    public String asn1Name() {
        return asn1Name;
    }

    public static HowCertAttribute of(int value) {
        return EnumValues.byValue(values(), value, HowCertAttribute::value, "HowCertAttribute");
    }

    public static HowCertAttribute named(String name) {
        return EnumValues.byName(values(), name, HowCertAttribute::asn1Name, "HowCertAttribute");
    }
}
