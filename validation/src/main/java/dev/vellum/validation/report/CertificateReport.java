package dev.vellum.validation.report;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.revocation.RevocationStatus;
import java.time.Instant;
import java.util.List;

/**
 * One certificate of a chain as validated: identity, validity window, revocation and the outcome of
 * the X.509 checks for it.
 *
 * @param id SHA-256 of the DER, hex (also the id of its {@link ValidationObject})
 * @param role SIGNER, TSA, OCSP_RESPONDER, CA or TRUST_ANCHOR
 * @param trustAnchor whether this certificate is the anchor the chain ends at
 * @param revocationStatus GOOD, REVOKED, UNKNOWN, or null when not checked (anchor, ocsp-nocheck)
 * @param revocationTime when revoked, else null
 * @param revocationReason the reason name, else null
 * @param revocationDataIds ids of the CRLs/OCSP responses that gave the status
 * @param indication PASSED, or the failing indication for this certificate
 * @param subIndication why, or null
 * @param messages what was found, for people
 */
public record CertificateReport(String id, String subject, String issuer, String serialNumber, Instant notBefore,
                                Instant notAfter, String role, boolean trustAnchor, String publicKey,
                                String signatureAlgorithm, RevocationStatus revocationStatus,
                                Instant revocationTime, String revocationReason, List<String> revocationDataIds,
                                Indication indication, SubIndication subIndication, List<String> messages) {

    public CertificateReport {
        revocationDataIds = List.copyOf(revocationDataIds);
        messages = List.copyOf(messages);
    }
}
