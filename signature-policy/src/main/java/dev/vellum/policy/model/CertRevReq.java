package dev.vellum.policy.model;

/** RFC 3125 §3.9.4 CertRevReq: revocation requirements for the end certificate and for CA certificates. */
public record CertRevReq(RevReq endCertRevReq, RevReq caCerts) {
    public CertRevReq {
        Fields.required(endCertRevReq, "CertRevReq.endCertRevReq");
        Fields.required(caCerts, "CertRevReq.caCerts");
    }
}
