package dev.vellum.app.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 of a blob, as 64 lower-case hex digits: the blob's name in the store. */
public record ContentHash(String hex) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new StoreException("not a SHA-256 content hash: " + hex);
        }
    }

    public static ContentHash of(byte[] bytes) {
        return fromDigest(newDigest().digest(bytes));
    }

    public static ContentHash fromDigest(byte[] digest) {
        return new ContentHash(HexFormat.of().formatHex(digest));
    }

    public static ContentHash parse(String hex) {
        return new ContentHash(hex == null ? null : hex.toLowerCase(java.util.Locale.ROOT));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The first 12 hex digits, enough for people to tell blobs apart in output. */
    public String shortForm() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return hex;
    }
}
