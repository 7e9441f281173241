package dev.vellum.formats.attribute;

import java.util.Optional;

/**
 * The ESS security-label attribute (RFC 2634 §3.2): the fields a reader shows, plus the whole
 * DER value for anything else (categories).
 */
public record SecurityLabel(Optional<String> policyIdentifier, Optional<Integer> classification,
                            Optional<String> privacyMark, byte[] encoded) {
    public SecurityLabel {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
