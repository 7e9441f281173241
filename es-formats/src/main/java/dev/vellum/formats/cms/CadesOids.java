package dev.vellum.formats.cms;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The attribute and content-type OIDs of STANDARDS.md §1.1 (EN 319 122-1 Annex D, RFC 5126, RFC 5652). */
public final class CadesOids {
    private CadesOids() {
    }

    private static final String PKCS9 = "1.2.840.113549.1.9.";
    private static final String SMIME_AA = "1.2.840.113549.1.9.16.2.";

    public static final ASN1ObjectIdentifier DATA = oid("1.2.840.113549.1.7.1");
    public static final ASN1ObjectIdentifier SIGNED_DATA = oid("1.2.840.113549.1.7.2");
    public static final ASN1ObjectIdentifier COMPRESSED_DATA = oid("1.2.840.113549.1.9.16.1.9");
    public static final ASN1ObjectIdentifier TST_INFO = oid("1.2.840.113549.1.9.16.1.4");

    public static final ASN1ObjectIdentifier CONTENT_TYPE = oid(PKCS9 + "3");
    public static final ASN1ObjectIdentifier MESSAGE_DIGEST = oid(PKCS9 + "4");
    public static final ASN1ObjectIdentifier SIGNING_TIME = oid(PKCS9 + "5");
    public static final ASN1ObjectIdentifier COUNTER_SIGNATURE = oid(PKCS9 + "6");
    public static final ASN1ObjectIdentifier SMIME_CAPABILITIES = oid(PKCS9 + "15");
    public static final ASN1ObjectIdentifier CMS_ALGORITHM_PROTECTION = oid(PKCS9 + "52");

    public static final ASN1ObjectIdentifier RECEIPT_REQUEST = oid(SMIME_AA + "1");
    public static final ASN1ObjectIdentifier SECURITY_LABEL = oid(SMIME_AA + "2");
    public static final ASN1ObjectIdentifier ML_EXPAND_HISTORY = oid(SMIME_AA + "3");
    public static final ASN1ObjectIdentifier CONTENT_HINTS = oid(SMIME_AA + "4");
    public static final ASN1ObjectIdentifier MSG_SIG_DIGEST = oid(SMIME_AA + "5");
    public static final ASN1ObjectIdentifier CONTENT_IDENTIFIER = oid(SMIME_AA + "7");
    public static final ASN1ObjectIdentifier EQUIVALENT_LABELS = oid(SMIME_AA + "9");
    public static final ASN1ObjectIdentifier CONTENT_REFERENCE = oid(SMIME_AA + "10");
    public static final ASN1ObjectIdentifier ENCRYPTION_KEY_PREFERENCE = oid(SMIME_AA + "11");
    public static final ASN1ObjectIdentifier SIGNING_CERTIFICATE = oid(SMIME_AA + "12");
    public static final ASN1ObjectIdentifier SIGNATURE_TIMESTAMP = oid(SMIME_AA + "14");
    public static final ASN1ObjectIdentifier SIGNATURE_POLICY = oid(SMIME_AA + "15");
    public static final ASN1ObjectIdentifier COMMITMENT_TYPE = oid(SMIME_AA + "16");
    public static final ASN1ObjectIdentifier SIGNER_LOCATION = oid(SMIME_AA + "17");
    public static final ASN1ObjectIdentifier SIGNER_ATTRIBUTES = oid(SMIME_AA + "18");
    public static final ASN1ObjectIdentifier OTHER_SIGNING_CERTIFICATE = oid(SMIME_AA + "19");
    public static final ASN1ObjectIdentifier CONTENT_TIMESTAMP = oid(SMIME_AA + "20");
    public static final ASN1ObjectIdentifier COMPLETE_CERTIFICATE_REFS = oid(SMIME_AA + "21");
    public static final ASN1ObjectIdentifier COMPLETE_REVOCATION_REFS = oid(SMIME_AA + "22");
    public static final ASN1ObjectIdentifier CERTIFICATE_VALUES = oid(SMIME_AA + "23");
    public static final ASN1ObjectIdentifier REVOCATION_VALUES = oid(SMIME_AA + "24");
    public static final ASN1ObjectIdentifier ESC_TIMESTAMP = oid(SMIME_AA + "25");
    public static final ASN1ObjectIdentifier CERT_CRL_TIMESTAMP = oid(SMIME_AA + "26");
    public static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V1 = oid(SMIME_AA + "27");
    public static final ASN1ObjectIdentifier ATTRIBUTE_CERTIFICATE_REFS = oid(SMIME_AA + "44");
    public static final ASN1ObjectIdentifier ATTRIBUTE_REVOCATION_REFS = oid(SMIME_AA + "45");
    public static final ASN1ObjectIdentifier SIGNING_CERTIFICATE_V2 = oid(SMIME_AA + "47");
    public static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V2 = oid(SMIME_AA + "48");
    public static final ASN1ObjectIdentifier INTERNAL_EVIDENCE_RECORDS = oid(SMIME_AA + "49");
    public static final ASN1ObjectIdentifier EXTERNAL_EVIDENCE_RECORDS = oid(SMIME_AA + "50");

    public static final ASN1ObjectIdentifier MIME_TYPE = oid("0.4.0.1733.2.1");
    public static final ASN1ObjectIdentifier LONG_TERM_VALIDATION = oid("0.4.0.1733.2.2");
    /** EN 319 122-1 Annex D (not the "id-aa-signatureTimeStampToken" of §5.5.3 prose: trap 1). */
    public static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 = oid("0.4.0.1733.2.4");
    public static final ASN1ObjectIdentifier ATS_HASH_INDEX_V1 = oid("0.4.0.1733.2.5");
    public static final ASN1ObjectIdentifier SIGNER_ATTRIBUTES_V2 = oid("0.4.0.19122.1.1");
    public static final ASN1ObjectIdentifier SIGNATURE_POLICY_STORE = oid("0.4.0.19122.1.3");
    public static final ASN1ObjectIdentifier ATS_HASH_INDEX_V2 = oid("0.4.0.19122.1.4");
    public static final ASN1ObjectIdentifier ATS_HASH_INDEX_V3 = oid("0.4.0.19122.1.5");

    public static final ASN1ObjectIdentifier SP_URI = oid("1.2.840.113549.1.9.16.5.1");
    public static final ASN1ObjectIdentifier SP_USER_NOTICE = oid("1.2.840.113549.1.9.16.5.2");
    public static final ASN1ObjectIdentifier SP_DOC_SPECIFICATION = oid("0.4.0.19122.2.1");

    public static final ASN1ObjectIdentifier RI_OCSP_RESPONSE = oid("1.3.6.1.5.5.7.16.2");
    public static final ASN1ObjectIdentifier OCSP_BASIC = oid("1.3.6.1.5.5.7.48.1.1");

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(CONTENT_TYPE, "content-type"),
            Map.entry(MESSAGE_DIGEST, "message-digest"),
            Map.entry(SIGNING_TIME, "signing-time"),
            Map.entry(COUNTER_SIGNATURE, "countersignature"),
            Map.entry(SMIME_CAPABILITIES, "smime-capabilities"),
            Map.entry(CMS_ALGORITHM_PROTECTION, "cms-algorithm-protection"),
            Map.entry(RECEIPT_REQUEST, "receipt-request"),
            Map.entry(SECURITY_LABEL, "security-label"),
            Map.entry(ML_EXPAND_HISTORY, "ml-expansion-history"),
            Map.entry(CONTENT_HINTS, "content-hints"),
            Map.entry(MSG_SIG_DIGEST, "msg-sig-digest"),
            Map.entry(CONTENT_IDENTIFIER, "content-identifier"),
            Map.entry(EQUIVALENT_LABELS, "equivalent-labels"),
            Map.entry(CONTENT_REFERENCE, "content-reference"),
            Map.entry(ENCRYPTION_KEY_PREFERENCE, "smime-encryption-key-preference"),
            Map.entry(SIGNING_CERTIFICATE, "signing-certificate"),
            Map.entry(SIGNATURE_TIMESTAMP, "signature-time-stamp"),
            Map.entry(SIGNATURE_POLICY, "signature-policy-identifier"),
            Map.entry(COMMITMENT_TYPE, "commitment-type-indication"),
            Map.entry(SIGNER_LOCATION, "signer-location"),
            Map.entry(SIGNER_ATTRIBUTES, "signer-attributes"),
            Map.entry(OTHER_SIGNING_CERTIFICATE, "other-signing-certificate"),
            Map.entry(CONTENT_TIMESTAMP, "content-time-stamp"),
            Map.entry(COMPLETE_CERTIFICATE_REFS, "complete-certificate-references"),
            Map.entry(COMPLETE_REVOCATION_REFS, "complete-revocation-references"),
            Map.entry(CERTIFICATE_VALUES, "certificate-values"),
            Map.entry(REVOCATION_VALUES, "revocation-values"),
            Map.entry(ESC_TIMESTAMP, "CAdES-C-time-stamp"),
            Map.entry(CERT_CRL_TIMESTAMP, "time-stamped-certs-crls-references"),
            Map.entry(ARCHIVE_TIMESTAMP_V1, "archive-time-stamp-v1"),
            Map.entry(ATTRIBUTE_CERTIFICATE_REFS, "attribute-certificate-references"),
            Map.entry(ATTRIBUTE_REVOCATION_REFS, "attribute-revocation-references"),
            Map.entry(SIGNING_CERTIFICATE_V2, "signing-certificate-v2"),
            Map.entry(ARCHIVE_TIMESTAMP_V2, "archive-time-stamp-v2"),
            Map.entry(INTERNAL_EVIDENCE_RECORDS, "internal-evidence-records"),
            Map.entry(EXTERNAL_EVIDENCE_RECORDS, "external-evidence-records"),
            Map.entry(MIME_TYPE, "mime-type"),
            Map.entry(LONG_TERM_VALIDATION, "long-term-validation"),
            Map.entry(ARCHIVE_TIMESTAMP_V3, "archive-time-stamp-v3"),
            Map.entry(ATS_HASH_INDEX_V1, "ats-hash-index"),
            Map.entry(SIGNER_ATTRIBUTES_V2, "signer-attributes-v2"),
            Map.entry(SIGNATURE_POLICY_STORE, "signature-policy-store"),
            Map.entry(ATS_HASH_INDEX_V2, "ats-hash-index-v2"),
            Map.entry(ATS_HASH_INDEX_V3, "ats-hash-index-v3"));

    /** The standard's name of an attribute, or empty for attributes we do not know. */
    public static java.util.Optional<String> name(ASN1ObjectIdentifier oid) {
        return java.util.Optional.ofNullable(NAMES.get(oid));
    }

    private static ASN1ObjectIdentifier oid(String dotted) {
        return new ASN1ObjectIdentifier(dotted).intern();
    }
}
