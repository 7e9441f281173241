package dev.vellum.validation.report;

import dev.vellum.validation.data.Origin;
import java.time.Instant;
import java.util.Objects;

/**
 * A piece of validation data the validation used (TS 119 102-2 SignatureValidationObjects): the
 * DER bytes, so a second tool can re-check the verdict.
 *
 * @param id SHA-256 of the DER, hex
 * @param type CERTIFICATE, CRL, OCSP_RESPONSE, TIMESTAMP or EVIDENCE_RECORD
 * @param origin where it came from
 * @param poeTime earliest proof of existence, or null
 */
public record ValidationObject(String id, Type type, byte[] encoded, Origin origin, Instant poeTime) {

    /** Object kinds, with the TS 119 102-2 URIs. */
    public enum Type {
        CERTIFICATE("certificate"),
        CRL("CRL"),
        OCSP_RESPONSE("OCSPResponse"),
        TIMESTAMP("timestamp"),
        EVIDENCE_RECORD("evidencerecord");

        private final String uriSuffix;

        Type(String uriSuffix) {
            this.uriSuffix = uriSuffix;
        }

        public String uri() {
            return "urn:etsi:019102:validationObject:" + uriSuffix;
        }
    }

    public ValidationObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
