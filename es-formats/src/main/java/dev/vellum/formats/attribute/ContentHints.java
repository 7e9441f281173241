package dev.vellum.formats.attribute;

import java.util.Optional;

/** The ESS content-hints attribute (RFC 2634 §2.9, EN 319 122-1 §5.2.4.1). */
public record ContentHints(Optional<String> description, String contentTypeOid) {
}
