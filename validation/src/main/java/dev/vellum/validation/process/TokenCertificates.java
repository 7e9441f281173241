package dev.vellum.validation.process;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * Conversions between Bouncy Castle certificate holders and JDK certificates, shared by the
 * validations: a TSA's certificate arrives in every token it signs. Both are keyed by the
 * certificate's encoding (the equality of either type), so a result depends on the bytes only.
 */
final class TokenCertificates {

    private static final int MAX_ENTRIES = 256;
    private static final Map<HolderKey, X509Certificate> CERTIFICATES = new ConcurrentHashMap<>();
    private static final Map<X509Certificate, X509CertificateHolder> HOLDERS = new ConcurrentHashMap<>();

    private TokenCertificates() {
    }

    static X509Certificate certificate(X509CertificateHolder holder) throws java.security.cert.CertificateException {
        HolderKey key = new HolderKey(holder);
        X509Certificate c = CERTIFICATES.get(key);
        if (c == null) {
            c = new JcaX509CertificateConverter().getCertificate(holder);
            if (CERTIFICATES.size() >= MAX_ENTRIES) {
                CERTIFICATES.clear();
            }
            CERTIFICATES.put(key, c);
        }
        return c;
    }

    /**
     * A holder as a key: equal as the holder is (by its whole content), hashed by its signature value
     * only — a holder's own hash walks the whole decoded certificate, and the hash of a key is taken
     * for every certificate of every token.
     */
    static final class HolderKey {
        private final X509CertificateHolder holder;
        private final int hash;

        HolderKey(X509CertificateHolder holder) {
            this.holder = holder;
            this.hash = holder.toASN1Structure().getSignature().hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HolderKey k && hash == k.hash && holder.equals(k.holder);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) throws java.security.cert.CertificateEncodingException {
        X509CertificateHolder h = HOLDERS.get(certificate);
        if (h == null) {
            h = new JcaX509CertificateHolder(certificate);
            if (HOLDERS.size() >= MAX_ENTRIES) {
                HOLDERS.clear();
            }
            HOLDERS.put(certificate, h);
        }
        return h;
    }
}
