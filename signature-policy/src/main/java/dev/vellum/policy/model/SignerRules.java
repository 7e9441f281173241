package dev.vellum.policy.model;

import java.util.List;

/**
 * RFC 3125 §3.8.1 SignerRules. Attribute lists hold attribute-type OIDs. {@code mandatedCertificateRef}
 * and {@code mandatedCertificateInfo} are null when absent, in which case their ASN.1 DEFAULTs
 * ({@code signerOnly}, {@code none}) apply — see the {@code effective…} accessors.
 */
public record SignerRules(Boolean externalSignedData, List<String> mandatedSignedAttr, List<String> mandatedUnsignedAttr,
        CertRefReq mandatedCertificateRef, CertInfoReq mandatedCertificateInfo, List<SignPolExtension> signPolExtensions) {
    public SignerRules {
        mandatedSignedAttr = Fields.requiredList(mandatedSignedAttr, "SignerRules.mandatedSignedAttr");
        mandatedUnsignedAttr = Fields.requiredList(mandatedUnsignedAttr, "SignerRules.mandatedUnsignedAttr");
        signPolExtensions = Fields.optionalList(signPolExtensions);
    }

    public CertRefReq effectiveCertificateRef() {
        return mandatedCertificateRef == null ? CertRefReq.SIGNER_ONLY : mandatedCertificateRef;
    }

    public CertInfoReq effectiveCertificateInfo() {
        return mandatedCertificateInfo == null ? CertInfoReq.NONE : mandatedCertificateInfo;
    }
}
