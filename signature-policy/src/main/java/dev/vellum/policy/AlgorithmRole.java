package dev.vellum.policy;

/** Whose algorithm an RFC 3125 §3.11 AlgorithmConstraintSet entry constrains. */
public enum AlgorithmRole {
    /** signerAlgorithmConstraints [0]: the signature itself. */
    SIGNER,
    /** eeCertAlgorithmConstraints [1]: end-entity certificates. */
    END_ENTITY_CERTIFICATE,
    /** caCertAlgorithmConstraints [2]: CA certificates. */
    CA_CERTIFICATE,
    /** aaCertAlgorithmConstraints [3]: attribute authority certificates. */
    ATTRIBUTE_AUTHORITY_CERTIFICATE,
    /** tsaCertAlgorithmConstraints [4]: time-stamping authority certificates. */
    TSA_CERTIFICATE
}
