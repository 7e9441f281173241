package dev.vellum.formats.timestamp;

import dev.vellum.formats.cms.CadesOids;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The time-stamp attributes of CAdES, each with its own message-imprint input (STANDARDS.md §1.2). */
public enum TimestampKind {
    /** content-time-stamp (signed; §1.2 A). */
    CONTENT(CadesOids.CONTENT_TIMESTAMP),
    /** signature-time-stamp (§1.2 B). */
    SIGNATURE(CadesOids.SIGNATURE_TIMESTAMP),
    /** CAdES-C-time-stamp, ES-X type 1 (§1.2 C). */
    ESC_TYPE1(CadesOids.ESC_TIMESTAMP),
    /** time-stamped-certs-crls-references, ES-X type 2 (§1.2 D). */
    CERTS_CRLS_TYPE2(CadesOids.CERT_CRL_TIMESTAMP),
    /** archiveTimestamp v1 of TS 101 733 ≤ 1.6.3 (deprecated). */
    ARCHIVE_V1(CadesOids.ARCHIVE_TIMESTAMP_V1),
    /** archive-time-stamp (v2) of RFC 5126 (§1.2 E). */
    ARCHIVE_V2(CadesOids.ARCHIVE_TIMESTAMP_V2),
    /** archive-time-stamp-v3 with ats-hash-index(-v3) (§1.2 F). */
    ARCHIVE_V3(CadesOids.ARCHIVE_TIMESTAMP_V3);

    private final ASN1ObjectIdentifier oid;

    TimestampKind(ASN1ObjectIdentifier oid) {
        this.oid = oid;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public boolean isArchive() {
        return this == ARCHIVE_V1 || this == ARCHIVE_V2 || this == ARCHIVE_V3;
    }

    public static Optional<TimestampKind> of(ASN1ObjectIdentifier attributeType) {
        for (TimestampKind k : values()) {
            if (k.oid.equals(attributeType)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
