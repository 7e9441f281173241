package dev.vellum.policy.model;

/** RFC 3125 §3.8.1 CertInfoReq ::= ENUMERATED { none(0), signerOnly(1), fullPath(2) }: which certificates must be carried. */
public enum CertInfoReq {
    NONE(0, "none"), SIGNER_ONLY(1, "signerOnly"), FULL_PATH(2, "fullPath");

    private final int value;
    private final String asn1Name;

    CertInfoReq(int value, String asn1Name) {
        this.value = value;
        this.asn1Name = asn1Name;
    }

    public int value() {
        return value;
    }

    public String asn1Name() {
        return asn1Name;
    }

    public static CertInfoReq of(int value) {
        return EnumValues.byValue(values(), value, CertInfoReq::value, "CertInfoReq");
    }

    public static CertInfoReq named(String name) {
        return EnumValues.byName(values(), name, CertInfoReq::asn1Name, "CertInfoReq");
    }
}
