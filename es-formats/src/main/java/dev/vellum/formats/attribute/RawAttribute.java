package dev.vellum.formats.attribute;

import java.util.List;
import java.util.Optional;

/**
 * Any attribute as found, known or not: nothing is dropped. {@code values} are the DER/BER
 * encodings of each AttributeValue as stored.
 *
 * @param name the standard's name when we know the attribute
 * @param parseError why a known attribute's value could not be read, if it could not
 */
public record RawAttribute(String oid, Optional<String> name, boolean signed, List<byte[]> values,
                           Optional<String> parseError) {
    public RawAttribute {
        values = List.copyOf(values);
    }

    public boolean known() {
        return name.isPresent();
    }
}
