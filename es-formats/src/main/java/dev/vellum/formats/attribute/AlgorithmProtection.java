package dev.vellum.formats.attribute;

import java.util.Optional;

/** The cms-algorithm-protection attribute (RFC 6211): the algorithms the signer meant. */
public record AlgorithmProtection(String digestAlgorithmOid, Optional<String> signatureAlgorithmOid,
                                  Optional<String> macAlgorithmOid) {
}
