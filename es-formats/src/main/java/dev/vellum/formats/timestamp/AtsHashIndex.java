package dev.vellum.formats.timestamp;

import java.util.List;

/**
 * An ats-hash-index found in an ATSv3 token (EN 319 122-1 §5.5.2; v1/v2 of TS 101 733 also read).
 *
 * @param version 1 (0.4.0.1733.2.5), 2 (0.4.0.19122.1.4) or 3 (0.4.0.19122.1.5)
 * @param unsignedAttributes v3: H(attrType ‖ one AttributeValue) per value; v1/v2: H(whole Attribute)
 * @param encodedValue the index value (the SEQUENCE, not the Attribute) as stored: part of the imprint
 */
public record AtsHashIndex(int version, String hashAlgorithmOid, List<byte[]> certificates, List<byte[]> crls,
                           List<byte[]> unsignedAttributes, byte[] encodedValue) {
    public AtsHashIndex {
        certificates = List.copyOf(certificates);
        crls = List.copyOf(crls);
        unsignedAttributes = List.copyOf(unsignedAttributes);
        encodedValue = encodedValue.clone();
    }

    @Override
    public byte[] encodedValue() {
        return encodedValue.clone();
    }
}
