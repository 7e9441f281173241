package dev.vellum.formats.attribute;

import dev.vellum.formats.cms.CadesOids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;

/** Typed access to the signed attributes of one SignerInfo (EN 319 122-1 §5.1, §5.2). */
public final class SignedAttributes extends AttributeList {

    private static final Map<ASN1ObjectIdentifier, Function<ASN1Encodable, ?>> DECODERS = Map.ofEntries(
            Map.entry(CadesOids.CONTENT_TYPE, AttributeValues::contentType),
            Map.entry(CadesOids.MESSAGE_DIGEST, AttributeValues::octets),
            Map.entry(CadesOids.SIGNING_TIME, AttributeValues::signingTime),
            Map.entry(CadesOids.SIGNING_CERTIFICATE, AttributeValues::signingCertificateV1),
            Map.entry(CadesOids.SIGNING_CERTIFICATE_V2, AttributeValues::signingCertificateV2),
            Map.entry(CadesOids.OTHER_SIGNING_CERTIFICATE, AttributeValues::otherSigningCertificate),
            Map.entry(CadesOids.SIGNATURE_POLICY, AttributeValues::signaturePolicy),
            Map.entry(CadesOids.COMMITMENT_TYPE, AttributeValues::commitmentType),
            Map.entry(CadesOids.SIGNER_LOCATION, AttributeValues::signerLocation),
            Map.entry(CadesOids.CONTENT_HINTS, AttributeValues::contentHints),
            Map.entry(CadesOids.MIME_TYPE, AttributeValues::mimeType),
            Map.entry(CadesOids.CONTENT_IDENTIFIER, AttributeValues::octets),
            Map.entry(CadesOids.SECURITY_LABEL, AttributeValues::securityLabel),
            Map.entry(CadesOids.RECEIPT_REQUEST, AttributeValues::receiptRequest),
            Map.entry(CadesOids.CMS_ALGORITHM_PROTECTION, AttributeValues::algorithmProtection),
            Map.entry(CadesOids.CONTENT_TIMESTAMP, dev.vellum.formats.timestamp.Tokens::parse));

    public SignedAttributes(ASN1Set set) {
        super(set, true, DECODERS);
    }

    public Optional<String> contentType() {
        return firstDecoded(CadesOids.CONTENT_TYPE);
    }

    public Optional<byte[]> messageDigest() {
        return this.<byte[]>firstDecoded(CadesOids.MESSAGE_DIGEST).map(byte[]::clone);
    }

    public Optional<Instant> signingTime() {
        return firstDecoded(CadesOids.SIGNING_TIME);
    }

    /** ESS signing-certificate (v1, SHA-1) references; the first is the signer's. */
    public List<CertificateRef> signingCertificateV1() {
        return flat(decodedValues(CadesOids.SIGNING_CERTIFICATE));
    }

    /** ESS signing-certificate-v2 references; the first is the signer's. */
    public List<CertificateRef> signingCertificateV2() {
        return flat(decodedValues(CadesOids.SIGNING_CERTIFICATE_V2));
    }

    /** The deprecated other-signing-certificate references. */
    public List<CertificateRef> otherSigningCertificate() {
        return flat(decodedValues(CadesOids.OTHER_SIGNING_CERTIFICATE));
    }

    /** The signer's own certificate reference: first of v2, else v1, else other-signing-certificate. */
    public Optional<CertificateRef> signerCertificateRef() {
        for (List<CertificateRef> refs : List.of(signingCertificateV2(), signingCertificateV1(), otherSigningCertificate())) {
            if (!refs.isEmpty()) {
                return Optional.of(refs.get(0));
            }
        }
        return Optional.empty();
    }

    public Optional<SignaturePolicyId> signaturePolicy() {
        return firstDecoded(CadesOids.SIGNATURE_POLICY);
    }

    public List<CommitmentTypeIndication> commitmentTypes() {
        return decodedValues(CadesOids.COMMITMENT_TYPE);
    }

    public Optional<SignerLocation> signerLocation() {
        return firstDecoded(CadesOids.SIGNER_LOCATION);
    }

    public Optional<ContentHints> contentHints() {
        return firstDecoded(CadesOids.CONTENT_HINTS);
    }

    public Optional<String> mimeType() {
        return firstDecoded(CadesOids.MIME_TYPE);
    }

    public Optional<byte[]> contentIdentifier() {
        return this.<byte[]>firstDecoded(CadesOids.CONTENT_IDENTIFIER).map(byte[]::clone);
    }

    /** The content-reference value as stored (RFC 2634 ContentReference). */
    public Optional<byte[]> contentReference() {
        return first(CadesOids.CONTENT_REFERENCE, AttributeValues::encoded);
    }

    public Optional<SecurityLabel> securityLabel() {
        return firstDecoded(CadesOids.SECURITY_LABEL);
    }

    public Optional<ReceiptRequest> receiptRequest() {
        return firstDecoded(CadesOids.RECEIPT_REQUEST);
    }

    public Optional<AlgorithmProtection> algorithmProtection() {
        return firstDecoded(CadesOids.CMS_ALGORITHM_PROTECTION);
    }

    /** signer-attributes (v1) or signer-attributes-v2 values as stored. */
    public List<byte[]> signerAttributes() {
        List<byte[]> out = new ArrayList<>(values(CadesOids.SIGNER_ATTRIBUTES_V2, AttributeValues::encoded));
        out.addAll(values(CadesOids.SIGNER_ATTRIBUTES, AttributeValues::encoded));
        return out;
    }

    private static List<CertificateRef> flat(List<List<CertificateRef>> lists) {
        List<CertificateRef> out = new ArrayList<>();
        lists.forEach(out::addAll);
        return out;
    }
}
