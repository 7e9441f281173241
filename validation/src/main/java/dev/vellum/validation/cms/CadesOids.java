package dev.vellum.validation.cms;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Attribute OIDs the validator reads (STANDARDS.md §1.1). */
final class CadesOids {
    static final ASN1ObjectIdentifier SIGNING_TIME = new ASN1ObjectIdentifier("1.2.840.113549.1.9.5");
    static final ASN1ObjectIdentifier CONTENT_TYPE = new ASN1ObjectIdentifier("1.2.840.113549.1.9.3");
    static final ASN1ObjectIdentifier MESSAGE_DIGEST = new ASN1ObjectIdentifier("1.2.840.113549.1.9.4");
    static final ASN1ObjectIdentifier SIGNING_CERTIFICATE = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.12");
    static final ASN1ObjectIdentifier SIGNING_CERTIFICATE_V2 = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.47");
    static final ASN1ObjectIdentifier SIGNATURE_POLICY = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.15");
    static final ASN1ObjectIdentifier SIGNATURE_TIMESTAMP = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.14");
    static final ASN1ObjectIdentifier CONTENT_TIMESTAMP = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.20");
    static final ASN1ObjectIdentifier COMPLETE_CERT_REFS = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.21");
    static final ASN1ObjectIdentifier COMPLETE_REVOCATION_REFS = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.22");
    static final ASN1ObjectIdentifier CERTIFICATE_VALUES = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.23");
    static final ASN1ObjectIdentifier REVOCATION_VALUES = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.24");
    static final ASN1ObjectIdentifier ESC_TIMESTAMP = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.25");
    static final ASN1ObjectIdentifier CERT_CRL_TIMESTAMP = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.26");
    static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V2 = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.48");
    static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 = new ASN1ObjectIdentifier("0.4.0.1733.2.4");
    static final ASN1ObjectIdentifier ATS_HASH_INDEX_V1 = new ASN1ObjectIdentifier("0.4.0.1733.2.5");
    static final ASN1ObjectIdentifier ATS_HASH_INDEX_V3 = new ASN1ObjectIdentifier("0.4.0.19122.1.5");
    static final ASN1ObjectIdentifier SIGNATURE_POLICY_STORE = new ASN1ObjectIdentifier("0.4.0.19122.1.3");
    static final ASN1ObjectIdentifier OCSP_RESPONSE_FORMAT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.16.2");
    static final ASN1ObjectIdentifier OCSP_BASIC_FORMAT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.1.1");

    private CadesOids() {
    }
}
