package dev.vellum.formats;

/**
 * Validation material found inside a signature, with where it was found.
 *
 * @param origin the kind of place
 * @param location a human-readable place, e.g. "SignedData" or "archive-time-stamp-v3 #2 token"
 */
public record EmbeddedValidationData(Origin origin, String location, ValidationData data) {

    /** Where in a CAdES signature material can sit. */
    public enum Origin {
        /** SignedData.certificates and SignedData.crls (incl. OtherRevocationInfoFormat OCSP). */
        SIGNED_DATA,
        /** certificate-values / revocation-values unsigned attributes of the signature. */
        VALUE_ATTRIBUTES,
        /** Inside a time-stamp token: its SignedData and its own certificate-values/revocation-values. */
        TIMESTAMP_TOKEN
    }
}
