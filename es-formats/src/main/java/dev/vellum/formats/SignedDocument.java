package dev.vellum.formats;

import dev.vellum.formats.cms.Material;
import dev.vellum.formats.cms.RawSignerInfo;
import dev.vellum.formats.cms.SignedDataParts;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A signed container as read: its CMS SignedData, one {@link CadesSignature} per SignerInfo, the
 * signed content (streamed when large), and signed documents nested inside it (forwarded
 * message/rfc822 parts, RFC 3274 compressed data). Made by {@link SignedDocumentReader}.
 */
public final class SignedDocument {
    private final ContainerType containerType;
    private final List<String> wrappers;
    private final SignedDataParts parts;
    private final List<X509Certificate> extraCertificates;
    private final Optional<SmimeEnvelope> smime;
    private final List<SignedDocument> nested;
    private final List<CadesSignature> signatures;
    private final ValidationData signedDataMaterial;

    SignedDocument(ContainerType containerType, List<String> wrappers, SignedDataParts parts,
                   List<X509Certificate> extraCertificates, Optional<SmimeEnvelope> smime, List<SignedDocument> nested) {
        this.containerType = containerType;
        this.wrappers = List.copyOf(wrappers);
        this.parts = parts;
        this.extraCertificates = List.copyOf(extraCertificates);
        this.smime = smime;
        this.nested = List.copyOf(nested);
        if (parts == null) {
            this.signatures = List.of();
            this.signedDataMaterial = ValidationData.EMPTY;
        } else {
            ValidationData material;
            try {
                material = Material.fromSignedData(parts.certificateChoices(), parts.revocationChoices(), parts.stored());
            } catch (SignatureFormatException e) {
                throw new SignatureFormatException("unreadable certificates or CRLs in SignedData: " + e.getMessage(), e);
            }
            this.signedDataMaterial = material;
            List<CadesSignature> list = new ArrayList<>();
            int n = 0;
            for (RawSignerInfo raw : parts.rawSigners()) {
                list.add(new CadesSignature(this, parts, raw, "S" + (++n), null));
            }
            this.signatures = List.copyOf(list);
        }
    }

    public ContainerType containerType() {
        return containerType;
    }

    /** What this document was found inside, outermost first, e.g. ["message/rfc822", "compressed-data"]. */
    public List<String> wrappers() {
        return wrappers;
    }

    /** Top-level signatures (one per SignerInfo), in stored order. */
    public List<CadesSignature> signatures() {
        return signatures;
    }

    /** Top-level signatures and all their countersignatures, depth first. */
    public List<CadesSignature> allSignatures() {
        List<CadesSignature> out = new ArrayList<>();
        for (CadesSignature s : signatures) {
            collect(s, out);
        }
        return out;
    }

    private static void collect(CadesSignature s, List<CadesSignature> out) {
        out.add(s);
        for (CadesSignature c : s.counterSignatures()) {
            collect(c, out);
        }
    }

    /** Signed documents found inside this one's content (or inside an unsigned message). */
    public List<SignedDocument> nestedDocuments() {
        return nested;
    }

    public Optional<SignedContent> content() {
        return parts == null ? Optional.empty() : parts.content();
    }

    public boolean detached() {
        return parts != null && parts.detached();
    }

    public boolean hasSignatures() {
        return parts != null;
    }

    /** The CMS ContentInfo as stored (DER or BER). Not for a streamed large file: see {@link #streamed()}. */
    public byte[] cmsEncoded() {
        requireCms();
        if (parts.streamed().isPresent()) {
            throw new SignatureFormatException(parts.streamed().get().file() + " is read as a stream (too large to hold)");
        }
        return parts.encoded();
    }

    /** Whether this is a large enveloping file read as a stream (its content stays on disk). */
    public boolean streamed() {
        return parts != null && parts.streamed().isPresent();
    }

    public String encapsulatedContentTypeOid() {
        requireCms();
        return parts.eContentType().getId();
    }

    /** SignedData.certificates and SignedData.crls (CRLs and OtherRevocationInfoFormat OCSP). */
    public ValidationData signedDataMaterial() {
        return signedDataMaterial;
    }

    /** Certificates supplied to the reader from outside (e.g. for a -nocerts signature). */
    public List<X509Certificate> extraCertificates() {
        return extraCertificates;
    }

    /** For S/MIME containers: where the CMS sits in the message (the extender rewrites only that). */
    public Optional<SmimeEnvelope> smime() {
        return smime;
    }

    /** The parsed SignedData (internal to es-formats). */
    public SignedDataParts parts() {
        requireCms();
        return parts;
    }

    private void requireCms() {
        if (parts == null) {
            throw new SignatureFormatException("this message is not signed itself; see its nested documents");
        }
    }

    @Override
    public String toString() {
        return containerType + " with " + signatures.size() + " signature(s)"
                + (nested.isEmpty() ? "" : ", " + nested.size() + " nested document(s)");
    }
}
