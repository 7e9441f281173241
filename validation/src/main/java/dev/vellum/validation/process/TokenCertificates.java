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
    private static final Map<X509CertificateHolder, X509Certificate> CERTIFICATES = new ConcurrentHashMap<>();
    private static final Map<X509Certificate, X509CertificateHolder> HOLDERS = new ConcurrentHashMap<>();

    private TokenCertificates() {
    }

    static X509Certificate certificate(X509CertificateHolder holder) throws java.security.cert.CertificateException {
        X509Certificate c = CERTIFICATES.get(holder);
        if (c == null) {
            c = new JcaX509CertificateConverter().getCertificate(holder);
            if (CERTIFICATES.size() >= MAX_ENTRIES) {
                CERTIFICATES.clear();
            }
            CERTIFICATES.put(holder, c);
        }
        return c;
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
