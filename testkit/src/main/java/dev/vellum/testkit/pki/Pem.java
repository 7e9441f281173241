package dev.vellum.testkit.pki;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text (RFC 7468) for handing test objects to command-line tools such as {@code openssl}. */
public final class Pem {
    private Pem() {
    }

    /** The DER bytes wrapped as PEM with the given label, e.g. {@code CERTIFICATE}, {@code X509 CRL}. */
    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
