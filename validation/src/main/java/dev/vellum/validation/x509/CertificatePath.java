package dev.vellum.validation.x509;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A chain from a target certificate up to and including a trust anchor.
 *
 * @param certificates target first, trust anchor last
 * @param fetched certificates of the chain that came from AIA caIssuers
 */
public record CertificatePath(List<X509Certificate> certificates, List<X509Certificate> fetched) {

    public CertificatePath {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a certificate path needs at least the target");
        }
        certificates = List.copyOf(certificates);
        fetched = List.copyOf(fetched);
    }

    public X509Certificate target() {
        return certificates.get(0);
    }

    public X509Certificate anchor() {
        return certificates.get(certificates.size() - 1);
    }

    /** The issuer of the certificate at {@code index} (the anchor is its own issuer). */
    public X509Certificate issuerOf(int index) {
        return certificates.get(Math.min(index + 1, certificates.size() - 1));
    }

    public int size() {
        return certificates.size();
    }
}
