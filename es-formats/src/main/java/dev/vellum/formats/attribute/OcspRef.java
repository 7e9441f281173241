package dev.vellum.formats.attribute;

import java.time.Instant;
import java.util.Optional;

/**
 * An OcspResponsesID of complete-revocation-references (EN 319 122-1 A.1.2.1).
 *
 * @param responderId the responder's name (RFC 2253) or key hash (hex)
 */
public record OcspRef(String responderId, Instant producedAt, Optional<String> hashAlgorithmOid, Optional<byte[]> hash) {
}
