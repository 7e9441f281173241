package dev.vellum.policy.model;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** An immutable byte string with value semantics, so that records holding bytes compare by content. */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    public static Bytes of(byte[] value) {
        return new Bytes(value.clone());
    }

    public static Bytes fromHex(String hex) {
        return new Bytes(HEX.parseHex(hex));
    }

    public static Bytes fromBase64(String base64) {
        return new Bytes(Base64.getMimeDecoder().decode(base64));
    }

    public byte[] toByteArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** True when every octet is zero (also for the empty string): the "hash unknown" convention. */
    public boolean isAllZero() {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public String hex() {
        return HEX.formatHex(value);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return value.length <= 64 ? hex() : hex().substring(0, 128) + "…(" + value.length + " bytes)";
    }
}
