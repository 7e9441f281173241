package dev.vellum.testkit.pki;

import org.bouncycastle.asn1.x509.CRLReason;

/** CRL reason codes (RFC 5280 §5.3.1). */
public enum RevocationReason {
    UNSPECIFIED(CRLReason.unspecified),
    KEY_COMPROMISE(CRLReason.keyCompromise),
    CA_COMPROMISE(CRLReason.cACompromise),
    AFFILIATION_CHANGED(CRLReason.affiliationChanged),
    SUPERSEDED(CRLReason.superseded),
    CESSATION_OF_OPERATION(CRLReason.cessationOfOperation),
    CERTIFICATE_HOLD(CRLReason.certificateHold),
    PRIVILEGE_WITHDRAWN(CRLReason.privilegeWithdrawn),
    AA_COMPROMISE(CRLReason.aACompromise);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The ReasonFlags code used in CRL entries and OCSP RevokedInfo. */
    public int code() {
        return code;
    }
}
