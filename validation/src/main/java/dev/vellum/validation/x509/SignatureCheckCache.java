package dev.vellum.validation.x509;

import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which certificate and CRL signatures verified under which issuer key, so a batch of
 * signatures from one CA checks each CA signature once. Safe because the inputs are immutable: the
 * key is the signed object's hash plus the issuer key's hash. Thread-safe, bounded.
 */
public final class SignatureCheckCache {

    private static final int MAX_ENTRIES = 100_000;
    private final ConcurrentHashMap<String, Boolean> results = new ConcurrentHashMap<>();

    /** Whether {@code issuerKey} verifies the signature of {@code certificate}. */
    public boolean verifies(X509Certificate certificate, PublicKey issuerKey) {
        String key = Fingerprints.of(certificate) + "/" + Fingerprints.sha256Hex(issuerKey.getEncoded());
        return lookup(key, () -> {
            try {
                certificate.verify(issuerKey);
                return true;
            } catch (Exception e) {
                return verifyWithBouncyCastle(certificate, issuerKey);
            }
        });
    }

    /** Whether {@code issuerKey} verifies the signature of {@code crl}. */
    public boolean verifies(X509CRL crl, byte[] crlEncoded, PublicKey issuerKey) {
        String key = "crl:" + Fingerprints.sha256Hex(crlEncoded) + "/" + Fingerprints.sha256Hex(issuerKey.getEncoded());
        return lookup(key, () -> {
            try {
                crl.verify(issuerKey);
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    public int size() {
        return results.size();
    }

    private boolean lookup(String key, java.util.function.BooleanSupplier check) {
        Boolean known = results.get(key);
        if (known != null) {
            return known;
        }
        boolean ok = check.getAsBoolean();
        if (results.size() >= MAX_ENTRIES) {
            results.clear();
        }
        results.put(key, ok);
        return ok;
    }

    /** Some signature algorithms (e.g. RSASSA-PSS with unusual parameters) are only in BC. */
    private static boolean verifyWithBouncyCastle(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey, BouncyCastleHolder.PROVIDER);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static final class BouncyCastleHolder {
        static final java.security.Provider PROVIDER = dev.vellum.timestamping.BouncyCastle.provider();
    }
}
