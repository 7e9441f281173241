package dev.vellum.policy.model;

import dev.vellum.policy.PolicyException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * RFC 3125 §3.9.3 CertificateTrustPoint. {@code trustpoint} is the DER certificate;
 * {@code nameConstraints} is the DER of the NameConstraints field (note: inside this module the
 * tags are EXPLICIT, unlike RFC 5280's implicit NameConstraints). Optional fields are null when absent.
 */
public record CertificateTrustPoint(Bytes trustpoint, Integer pathLenConstraint, List<String> acceptablePolicySet,
        Bytes nameConstraints, PolicyConstraints policyConstraints) {
    public CertificateTrustPoint {
        Fields.required(trustpoint, "CertificateTrustPoint.trustpoint");
        Fields.nonNegative(pathLenConstraint, "CertificateTrustPoint.pathLenConstraint");
        acceptablePolicySet = Fields.optionalList(acceptablePolicySet);
    }

    /** Parses the trust-point certificate (parsing only; no validation happens here). */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(trustpoint.toByteArray()));
        } catch (CertificateException | RuntimeException e) {
            throw new PolicyException("trust point certificate cannot be parsed: " + e.getMessage(), e);
        }
    }
}
