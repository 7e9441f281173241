package dev.vellum.validation;

/**
 * Every sub-indication of EN 319 102-1 V1.4.1 Table 6 (6 under TOTAL-FAILED, 20 under INDETERMINATE,
 * including CUSTOM, which DSS lacks). A building block that fails uses the same sub-indications with
 * FAILED in place of TOTAL-FAILED.
 */
public enum SubIndication {
    // TOTAL-FAILED
    FORMAT_FAILURE(Indication.TOTAL_FAILED, "the signature is not conformant to its base standard far enough to be verified"),
    HASH_FAILURE(Indication.TOTAL_FAILED, "the hash of a signed data object does not match the signed value"),
    SIG_CRYPTO_FAILURE(Indication.TOTAL_FAILED, "the signature value does not verify with the signer's public key"),
    REVOKED(Indication.TOTAL_FAILED, "the signing certificate was revoked and the signature is proven to be made after the revocation"),
    EXPIRED(Indication.TOTAL_FAILED, "the signature is proven to be made after the signing certificate expired"),
    NOT_YET_VALID(Indication.TOTAL_FAILED, "the signature is proven to be made before the signing certificate was valid"),
    // INDETERMINATE
    SIG_CONSTRAINTS_FAILURE(Indication.INDETERMINATE, "signature attributes do not meet the validation constraints"),
    CHAIN_CONSTRAINTS_FAILURE(Indication.INDETERMINATE, "the certificate chain does not meet the X.509 validation constraints"),
    CERTIFICATE_CHAIN_GENERAL_FAILURE(Indication.INDETERMINATE, "the certificate chain could not be validated for an unspecified reason"),
    CRYPTO_CONSTRAINTS_FAILURE(Indication.INDETERMINATE, "an algorithm or key size is below the required level and no earlier proof protects it"),
    POLICY_PROCESSING_ERROR(Indication.INDETERMINATE, "the formal signature policy could not be processed"),
    SIGNATURE_POLICY_NOT_AVAILABLE(Indication.INDETERMINATE, "the signature policy document is not available"),
    TIMESTAMP_ORDER_FAILURE(Indication.INDETERMINATE, "time-stamps are not in the order the constraints require"),
    NO_SIGNING_CERTIFICATE_FOUND(Indication.INDETERMINATE, "the signing certificate cannot be identified"),
    NO_CERTIFICATE_CHAIN_FOUND(Indication.INDETERMINATE, "no certificate chain to a trust anchor was found"),
    REVOKED_NO_POE(Indication.INDETERMINATE, "the signing certificate was revoked and nothing proves the signature existed before"),
    REVOKED_CA_NO_POE(Indication.INDETERMINATE, "a CA certificate in the chain was revoked and nothing proves the signature existed before"),
    OUT_OF_BOUNDS_NOT_REVOKED(Indication.INDETERMINATE, "the signing certificate is expired or not yet valid, known not revoked, and nothing proves when the signature was made"),
    OUT_OF_BOUNDS_NO_POE(Indication.INDETERMINATE, "the signing certificate is expired or not yet valid and nothing proves when the signature was made"),
    REVOCATION_OUT_OF_BOUNDS_NO_POE(Indication.INDETERMINATE, "the revocation data's signer certificate was out of its validity and its issuance cannot be placed"),
    CRYPTO_CONSTRAINTS_FAILURE_NO_POE(Indication.INDETERMINATE, "an algorithm or key is no longer suitable and nothing proves the material existed before its sunset"),
    NO_POE(Indication.INDETERMINATE, "proof of existence is missing to show an object existed before a compromising event"),
    TRY_LATER(Indication.INDETERMINATE, "revocation data fresh enough is not yet available; more may arrive later"),
    SIGNED_DATA_NOT_FOUND(Indication.INDETERMINATE, "the signed data cannot be obtained"),
    NO_CERTIFICATE_CHAIN_FOUND_NO_POE(Indication.INDETERMINATE, "the trust anchor is not trusted at the validation time and the signing time cannot be placed in its trust period"),
    CUSTOM(Indication.INDETERMINATE, "an implementation-specific reason given in the messages");

    private static final String URI_PREFIX = "urn:etsi:019102:subindication:";
    private final Indication mainIndication;
    private final String meaning;

    SubIndication(Indication mainIndication, String meaning) {
        this.mainIndication = mainIndication;
        this.meaning = meaning;
    }

    /** TOTAL_FAILED or INDETERMINATE: the process-level main indication this belongs to. */
    public Indication mainIndication() {
        return mainIndication;
    }

    /** One sentence for people, e.g. for a report banner. */
    public String meaning() {
        return meaning;
    }

    /** The TS 119 102-2 URI, e.g. {@code urn:etsi:019102:subindication:HASH_FAILURE}. */
    public String uri() {
        return URI_PREFIX + name();
    }

    /** The sub-indication with this TS 119 102-2 URI. */
    public static SubIndication fromUri(String uri) {
        for (SubIndication s : values()) {
            if (s.uri().equals(uri)) {
                return s;
            }
        }
        throw new ValidationException("unknown sub-indication URI " + uri);
    }
}
