package dev.vellum.formats.attribute;

import java.util.List;
import java.util.Optional;

/** The signer-location attribute (EN 319 122-1 §5.2.5). */
public record SignerLocation(Optional<String> countryName, Optional<String> localityName, List<String> postalAddress) {

    public SignerLocation {
        postalAddress = List.copyOf(postalAddress);
    }
}
