package dev.vellum.validation.x509;

import java.security.cert.X509Certificate;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * Distinguished names as a person reads them in messages: RFC 4514 order, with the PKCS #9
 * emailAddress attribute shown as {@code E=address} rather than the hex DER that
 * {@link X500Principal#getName()} gives for attributes RFC 4514 has no keyword for.
 */
public final class DisplayNames {

    // PKCS #9 emailAddress (RFC 2985 §5.2.1); "E" is the keyword most tools print.
    private static final Map<String, String> KEYWORDS = Map.of("1.2.840.113549.1.9.1", "E");

    private DisplayNames() {
    }

    public static String of(X500Principal name) {
        return name.getName(X500Principal.RFC2253, KEYWORDS);
    }

    public static String subject(X509Certificate certificate) {
        return of(certificate.getSubjectX500Principal());
    }
}
