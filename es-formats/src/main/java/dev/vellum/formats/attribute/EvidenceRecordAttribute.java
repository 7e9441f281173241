package dev.vellum.formats.attribute;

/**
 * An RFC 4998 evidence record carried as the TS 119 122-3 internal- or external-evidence-records
 * unsigned attribute: the DER of the EvidenceRecord, for the timestamping module to verify.
 */
public record EvidenceRecordAttribute(boolean internal, byte[] encoded) {
    public EvidenceRecordAttribute {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
