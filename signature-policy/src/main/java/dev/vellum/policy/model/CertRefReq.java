package dev.vellum.policy.model;

/** RFC 3125 §3.8.1 CertRefReq ::= ENUMERATED { signerOnly(1), fullPath(2) }: which certificate references must be present. */
public enum CertRefReq {
    SIGNER_ONLY(1, "signerOnly"), FULL_PATH(2, "fullPath");

    private final int value;
    private final String asn1Name;

    CertRefReq(int value, String asn1Name) {
        this.value = value;
        this.asn1Name = asn1Name;
    }

    public int value() {
        return value;
    }

    public String asn1Name() {
        return asn1Name;
    }

    public static CertRefReq of(int value) {
        return EnumValues.byValue(values(), value, CertRefReq::value, "CertRefReq");
    }

    public static CertRefReq named(String name) {
        return EnumValues.byName(values(), name, CertRefReq::asn1Name, "CertRefReq");
    }
}
