/**
 * The RFC 3125 / ETSI TR 102 272 signature policy as immutable records, one per ASN.1 type, with
 * the ASN.1 field names.
 *
 * <p>Conventions: a field that is {@code OPTIONAL} (or has a {@code DEFAULT}) in the ASN.1 is a
 * nullable record component, and {@code null} means "absent in the encoding" — kept apart from an
 * empty list so that DER → model → DER is byte-identical. Mandatory lists are never null. All lists
 * are unmodifiable copies. Values we do not interpret (certificates, name constraints, extension
 * values, algorithm parameters) are kept as their DER bytes in {@link dev.vellum.policy.model.Bytes}.
 */
package dev.vellum.policy.model;
