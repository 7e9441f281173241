package dev.vellum.formats.cms;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bouncy Castle key object per SubjectPublicKeyInfo, shared by every verification with that key.
 * Bouncy Castle keeps its elliptic-curve precomputation (the wNAF table of the public point) on the
 * key object, so a signer's or TSA's second verification costs a third of the first; a fresh key per
 * certificate object would recompute it every time. The key is derived from immutable bytes, so the
 * cache cannot give a wrong answer. Thread-safe, bounded.
 */
public final class VerificationKeys {
    private static final int MAX_ENTRIES = 10_000;
    private static final ConcurrentHashMap<DerBytes, PublicKey> KEYS = new ConcurrentHashMap<>();

    private VerificationKeys() {
    }

    /** The shared Bouncy Castle form of {@code key}, or {@code key} itself if Bouncy Castle cannot read it. */
    public static PublicKey of(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return key;
        }
        DerBytes spki = new DerBytes(encoded);
        PublicKey known = KEYS.get(spki);
        if (known != null) {
            return known;
        }
        PublicKey converted = convert(key, encoded);
        if (KEYS.size() >= MAX_ENTRIES) {
            KEYS.clear();
        }
        KEYS.putIfAbsent(spki, converted);
        return converted;
    }

    private static PublicKey convert(PublicKey key, byte[] encoded) {
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (Exception e) {
            return key;
        }
    }
}
