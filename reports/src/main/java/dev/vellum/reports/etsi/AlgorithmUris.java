package dev.vellum.reports.etsi;

import java.util.Locale;
import java.util.Map;

/**
 * XML Signature algorithm identifiers (RFC 9231, W3C XMLDSig/XMLEnc) for the names the validation
 * module reports, as TS 119 102-2 wants URIs. Unknown names become {@code urn:vellum:algorithm:<name>}
 * rather than a guess.
 */
final class AlgorithmUris {
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("MD5", "http://www.w3.org/2001/04/xmldsig-more#md5"),
            Map.entry("SHA-1", "http://www.w3.org/2000/09/xmldsig#sha1"),
            Map.entry("SHA-224", "http://www.w3.org/2001/04/xmldsig-more#sha224"),
            Map.entry("SHA-256", "http://www.w3.org/2001/04/xmlenc#sha256"),
            Map.entry("SHA-384", "http://www.w3.org/2001/04/xmldsig-more#sha384"),
            Map.entry("SHA-512", "http://www.w3.org/2001/04/xmlenc#sha512"),
            Map.entry("SHA3-256", "http://www.w3.org/2007/05/xmldsig-more#sha3-256"),
            Map.entry("SHA3-384", "http://www.w3.org/2007/05/xmldsig-more#sha3-384"),
            Map.entry("SHA3-512", "http://www.w3.org/2007/05/xmldsig-more#sha3-512"),
            Map.entry("RIPEMD-160", "http://www.w3.org/2001/04/xmlenc#ripemd160"));

    private AlgorithmUris() {
    }

    static String digest(String name) {
        if (name == null) {
            return DIGESTS.get("SHA-256");
        }
        String uri = DIGESTS.get(name.toUpperCase(Locale.ROOT).replace("SHA256", "SHA-256").replace("SHA1", "SHA-1"));
        return uri != null ? uri : other(name);
    }

    /** For "SHA-256 with ECDSA 256" (the validation module's description of an algorithm use). */
    static String signature(String description) {
        if (description == null || description.isBlank()) {
            return other("unknown");
        }
        String d = description.toUpperCase(Locale.ROOT);
        String digest = d.contains(" WITH ") ? d.substring(0, d.indexOf(" WITH ")).replace("-", "").toLowerCase(Locale.ROOT)
                : "";
        String key = d.contains(" WITH ") ? d.substring(d.indexOf(" WITH ") + 6) : d;
        if (key.startsWith("EDDSA")) {
            return key.contains("456") ? "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed448"
                    : "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519";
        }
        if (key.startsWith("ECDSA") && !digest.isEmpty() && !digest.startsWith("sha3")) {
            return "http://www.w3.org/2001/04/xmldsig-more#ecdsa-" + digest;
        }
        if (key.startsWith("RSASSA-PSS") && !digest.isEmpty()) {
            return "http://www.w3.org/2007/05/xmldsig-more#" + digest + "-rsa-MGF1";
        }
        if (key.startsWith("RSA") && !digest.isEmpty()) {
            return digest.equals("sha1") ? "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
                    : "http://www.w3.org/2001/04/xmldsig-more#rsa-" + digest;
        }
        if (key.startsWith("DSA") && digest.equals("sha1")) {
            return "http://www.w3.org/2000/09/xmldsig#dsa-sha1";
        }
        return other(description);
    }

    private static String other(String name) {
        return "urn:vellum:algorithm:" + name.replaceAll("[^A-Za-z0-9.-]+", "-");
    }
}
