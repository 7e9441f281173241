package dev.vellum.validation.policy;

import java.util.Map;

/** Names of the attribute OIDs policies mandate, for rule messages people can read. */
final class OidLabels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.9.3", "content-type"),
            Map.entry("1.2.840.113549.1.9.4", "message-digest"),
            Map.entry("1.2.840.113549.1.9.5", "signing-time"),
            Map.entry("1.2.840.113549.1.9.16.2.12", "signing-certificate"),
            Map.entry("1.2.840.113549.1.9.16.2.47", "signing-certificate-v2"),
            Map.entry("1.2.840.113549.1.9.16.2.15", "signature-policy-identifier"),
            Map.entry("1.2.840.113549.1.9.16.2.16", "commitment-type-indication"),
            Map.entry("1.2.840.113549.1.9.16.2.17", "signer-location"),
            Map.entry("1.2.840.113549.1.9.16.2.14", "signature-time-stamp"),
            Map.entry("1.2.840.113549.1.9.16.2.20", "content-time-stamp"),
            Map.entry("1.2.840.113549.1.9.16.2.23", "certificate-values"),
            Map.entry("1.2.840.113549.1.9.16.2.24", "revocation-values"),
            Map.entry("0.4.0.1733.2.4", "archive-time-stamp-v3"),
            Map.entry("1.2.840.113549.1.9.16.2.4", "content-hints"),
            Map.entry("0.4.0.1733.2.1", "mime-type"));

    private OidLabels() {
    }

    static String of(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }
}
