package dev.vellum.policy.model;

/** RFC 3125 §3.9.4 EnuRevReq: how revocation must be checked. */
public enum EnuRevReq {
    CLR_CHECK(0, "clrCheck"), OCSP_CHECK(1, "ocspCheck"), BOTH_CHECK(2, "bothCheck"),
    EITHER_CHECK(3, "eitherCheck"), NO_CHECK(4, "noCheck"), OTHER(5, "other");

    private final int value;
    private final String asn1Name;

    EnuRevReq(int value, String asn1Name) {
        this.value = value;
        this.asn1Name = asn1Name;
    }

    public int value() {
        return value;
    }

    public String asn1Name() {
        return asn1Name;
    }

    public static EnuRevReq of(int value) {
        return EnumValues.byValue(values(), value, EnuRevReq::value, "EnuRevReq");
    }

    public static EnuRevReq named(String name) {
        return EnumValues.byName(values(), name, EnuRevReq::asn1Name, "EnuRevReq");
    }
}
