package dev.vellum.formats.create;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.attribute.SignerLocation;
import dev.vellum.formats.cms.Bc;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.SignedDataEditor;
import dev.vellum.formats.create.attributes.AlgorithmProtectionAttribute;
import dev.vellum.formats.create.attributes.CommitmentTypeAttribute;
import dev.vellum.formats.create.attributes.ContentTimestampAttribute;
import dev.vellum.formats.create.attributes.ContentTypeAttribute;
import dev.vellum.formats.create.attributes.MessageDigestAttribute;
import dev.vellum.formats.create.attributes.MimeTypeAttribute;
import dev.vellum.formats.create.attributes.SignaturePolicyAttribute;
import dev.vellum.formats.create.attributes.SignerLocationAttribute;
import dev.vellum.formats.create.attributes.SigningCertificateAttribute;
import dev.vellum.formats.create.attributes.SigningTimeAttribute;
import dev.vellum.policy.RegisteredPolicy;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates CAdES B-B and EPES signatures — detached, enveloping, or as an S/MIME multipart/signed
 * message — and archive seals (a countersignature with the same attributes over an existing
 * SignerInfo). Signed attributes: content-type, message-digest, signing-time, signing-certificate-v2
 * (v1 for SHA-1), and optionally signature-policy-identifier, commitment-type-indication,
 * signer-location, mime-type, content-time-stamp and cms-algorithm-protection.
 */
public final class CadesSigner {
    private final SigningKey key;
    private final DigestAlgorithm digest;
    private final boolean rsaPss;
    private final Clock clock;
    private final boolean signingTime;
    private final List<SignedAttributeBuilder> optional;

    private CadesSigner(Builder b) {
        this.key = b.key;
        this.digest = b.digest != null ? b.digest : SignatureAlgorithms.defaultDigest(b.key.certificate().getPublicKey());
        this.rsaPss = b.rsaPss;
        this.clock = b.clock;
        this.signingTime = b.signingTime;
        List<SignedAttributeBuilder> list = new ArrayList<>();
        if (b.policy != null) {
            list.add(new SignaturePolicyAttribute(b.policy));
        }
        if (b.commitmentType != null) {
            list.add(new CommitmentTypeAttribute(b.commitmentType));
        }
        if (b.location != null) {
            list.add(new SignerLocationAttribute(b.location));
        }
        if (b.mimeType != null) {
            list.add(new MimeTypeAttribute(b.mimeType));
        }
        if (b.contentTimestamps != null) {
            list.add(new ContentTimestampAttribute(b.contentTimestamps, digest));
        }
        if (b.algorithmProtection) {
            list.add(new AlgorithmProtectionAttribute());
        }
        list.addAll(b.extra);
        this.optional = List.copyOf(list);
    }

    public static Builder builder(SigningKey key) {
        return new Builder(key);
    }

    public DigestAlgorithm digestAlgorithm() {
        return digest;
    }

    /** A detached signature (.p7s); the content is streamed, never loaded. */
    public byte[] signDetached(SignedContent content) {
        return signedData(content, false);
    }

    /** An enveloping signature (.p7m) holding the content. */
    public byte[] signEnveloping(SignedContent content) {
        return signedData(content, true);
    }

    /**
     * An enveloping signature written as a stream: the content is read twice (digest, then copy) and
     * never held in memory; the eContent is a BER constructed OCTET STRING of 64 KiB chunks.
     */
    public void signEnveloping(SignedContent content, java.io.OutputStream out) {
        byte[] contentDigest = content.digest(digest.newMessageDigest());
        ASN1EncodableVector signerInfo = signerInfo(contentDigest, alg -> content.digest(alg.newMessageDigest()), false);
        try {
            out.write(new byte[] {0x30, (byte) 0x80});
            out.write(CadesOids.SIGNED_DATA.getEncoded(ASN1Encoding.DER));
            out.write(new byte[] {(byte) 0xA0, (byte) 0x80, 0x30, (byte) 0x80});
            out.write(new ASN1Integer(1).getEncoded(ASN1Encoding.DER));
            out.write(new DERSet(digest.algorithmIdentifier()).getEncoded(ASN1Encoding.DER));
            out.write(new byte[] {0x30, (byte) 0x80});
            out.write(CadesOids.DATA.getEncoded(ASN1Encoding.DER));
            out.write(new byte[] {(byte) 0xA0, (byte) 0x80, 0x24, (byte) 0x80});
            try (java.io.InputStream in = content.open()) {
                byte[] chunk = new byte[64 * 1024];
                int n;
                while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                    out.write(new DEROctetString(java.util.Arrays.copyOf(chunk, n)).getEncoded(ASN1Encoding.DER));
                }
            }
            out.write(new byte[] {0, 0, 0, 0, 0, 0}); // OCTET STRING, [0], encapContentInfo
            out.write(new DERTaggedObject(false, 0, new DERSet(certificates())).getEncoded(ASN1Encoding.DER));
            out.write(new DERSet(new DERSequence(signerInfo)).getEncoded(ASN1Encoding.DER));
            out.write(new byte[] {0, 0, 0, 0, 0, 0}); // SignedData, [0], ContentInfo
        } catch (IOException e) {
            throw new SignatureFormatException("cannot write the enveloping signature: " + e.getMessage(), e);
        }
    }

    /**
     * An S/MIME multipart/signed message over {@code mimeEntity} (a MIME entity: headers, blank line,
     * body), signed in CRLF canonical form; see {@link SmimeMessageWriter}.
     */
    public byte[] signSmime(byte[] mimeEntity, SmimeMessageWriter.Headers headers) {
        byte[] canonical = dev.vellum.formats.container.CrlfCanonicalizer.canonicalize(mimeEntity);
        byte[] p7s = signDetached(SignedContent.of(canonical));
        return SmimeMessageWriter.multipartSigned(canonical, p7s, digest, headers, clock);
    }

    /**
     * An archive seal: a countersignature by this signer over {@code target}'s signature value,
     * added as an unsigned countersignature attribute (RFC 5652 §11.4). Nothing signed changes.
     *
     * @return the new CMS bytes
     */
    public byte[] counterSign(SignedDocument document, CadesSignature target) {
        if (target.isCounterSignature()) {
            throw new SignatureFormatException("archive seals go on top-level signatures; " + target.id() + " is a countersignature");
        }
        int index = document.signatures().indexOf(target);
        if (index < 0) {
            throw new SignatureFormatException("signature " + target.id() + " is not one of this document's signatures");
        }
        byte[] parentSignature = target.signatureValue();
        ASN1EncodableVector si = signerInfo(digest.digest(parentSignature), alg -> alg.digest(parentSignature), true);
        Attribute counter = new Attribute(CadesOids.COUNTER_SIGNATURE, new DERSet(new DERSequence(si)));
        SignedDataEditor editor = new SignedDataEditor(document.parts()).addUnsignedAttribute(index, counter)
                .addDigestAlgorithm(digest.algorithmIdentifier());
        key.chain().forEach(editor::addCertificate); // the sealer's chain, so verifiers find its certificate (req a)
        return editor.encode();
    }

    private byte[] signedData(SignedContent content, boolean enveloping) {
        byte[] contentDigest = content.digest(digest.newMessageDigest());
        ASN1EncodableVector signerInfo = signerInfo(contentDigest, alg -> content.digest(alg.newMessageDigest()), false);
        ASN1EncodableVector certs = certificates();
        ASN1EncodableVector encap = new ASN1EncodableVector();
        encap.add(CadesOids.DATA);
        if (enveloping) {
            encap.add(new DERTaggedObject(true, 0, new DEROctetString(content.readAllBytes())));
        }
        ASN1EncodableVector sd = new ASN1EncodableVector();
        sd.add(new ASN1Integer(1));
        sd.add(new DERSet(digest.algorithmIdentifier()));
        sd.add(new DERSequence(encap));
        sd.add(new DERTaggedObject(false, 0, new DERSet(certs)));
        sd.add(new DERSet(new DERSequence(signerInfo)));
        try {
            return new ContentInfo(CadesOids.SIGNED_DATA, new DERSequence(sd)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new SignatureFormatException("cannot encode SignedData", e);
        }
    }

    private ASN1EncodableVector certificates() {
        ASN1EncodableVector certs = new ASN1EncodableVector();
        for (X509Certificate c : key.chain()) {
            try {
                certs.add(Certificate.getInstance(c.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new SignatureFormatException("cannot encode certificate " + c.getSubjectX500Principal(), e);
            }
        }
        return certs;
    }

    /** version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature (RFC 5652 §5.3). */
    private ASN1EncodableVector signerInfo(byte[] contentDigest, SigningContext.ContentSupplier content, boolean counter) {
        X509Certificate cert = key.certificate();
        ContentSigner signer = contentSigner();
        SigningContext ctx = new SigningContext(key, digest, signer.getAlgorithmIdentifier(), contentDigest, content, counter,
                clock.instant());
        List<SignedAttributeBuilder> builders = new ArrayList<>(List.of(new ContentTypeAttribute(),
                new MessageDigestAttribute()));
        if (signingTime) {
            builders.add(new SigningTimeAttribute());
        }
        builders.add(new SigningCertificateAttribute());
        builders.addAll(optional);
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        for (SignedAttributeBuilder b : builders) {
            b.build(ctx).ifPresent(attrs::add);
        }
        DERSet signedAttrs = new DERSet(attrs); // DER: the signature covers this exact encoding (RFC 5652 §5.4)
        try (OutputStream out = signer.getOutputStream()) {
            out.write(signedAttrs.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new SignatureFormatException("signing failed: " + e.getMessage(), e);
        }
        byte[] signature = signer.getSignature();
        ASN1EncodableVector si = new ASN1EncodableVector();
        si.add(new ASN1Integer(1));
        si.add(new SignerIdentifier(new IssuerAndSerialNumber(
                X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()), cert.getSerialNumber())));
        si.add(digest.algorithmIdentifier());
        si.add(new DERTaggedObject(false, 0, signedAttrs));
        si.add(signer.getAlgorithmIdentifier());
        si.add(new DEROctetString(signature));
        return si;
    }

    private ContentSigner contentSigner() {
        String name = SignatureAlgorithms.jcaName(key.certificate().getPublicKey(), digest, rsaPss);
        try {
            return new JcaContentSignerBuilder(name).setProvider(key.provider().orElse(Bc.PROVIDER)).build(key.privateKey());
        } catch (OperatorCreationException | RuntimeException e) {
            throw new SignatureFormatException("cannot sign with " + name + " using the key of "
                    + key.certificate().getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }

    /** Settings for a signer; only the key is required. */
    public static final class Builder {
        private final SigningKey key;
        private DigestAlgorithm digest;
        private boolean rsaPss;
        private Clock clock = Clock.systemUTC();
        private RegisteredPolicy policy;
        private String commitmentType;
        private SignerLocation location;
        private String mimeType;
        private TimestampSource contentTimestamps;
        private boolean algorithmProtection = true;
        private boolean signingTime = true;
        private final List<SignedAttributeBuilder> extra = new ArrayList<>();

        private Builder(SigningKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** Default SHA-256; SHA-512 for Ed25519 (RFC 8419). SHA-1 gives signing-certificate v1. */
        public Builder digestAlgorithm(DigestAlgorithm digest) {
            this.digest = digest;
            return this;
        }

        /** Sign an RSA key with RSASSA-PSS instead of PKCS#1 v1.5. */
        public Builder rsaPss(boolean pss) {
            this.rsaPss = pss;
            return this;
        }

        /** The clock the signing-time is read from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Makes an EPES: the policy comes from the signature-policy registry, which knows its hash. */
        public Builder policy(RegisteredPolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder commitmentType(String oid) {
            this.commitmentType = oid;
            return this;
        }

        public Builder signerLocation(SignerLocation location) {
            this.location = location;
            return this;
        }

        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        /** Adds a content-time-stamp from this source. */
        public Builder contentTimestamp(TimestampSource source) {
            this.contentTimestamps = source;
            return this;
        }

        /**
         * The signing-time attribute; on by default (CAdES baseline requires it). Off for the CMS inside a
         * PAdES signature, where the time goes in the signature dictionary's M entry and the attribute
         * shall not be present (EN 319 142-1 §6.3, PAdES-BASELINE-B).
         */
        public Builder signingTimeAttribute(boolean on) {
            this.signingTime = on;
            return this;
        }

        /** cms-algorithm-protection (RFC 6211); on by default. */
        public Builder algorithmProtection(boolean on) {
            this.algorithmProtection = on;
            return this;
        }

        /** Any further signed attribute. */
        public Builder attribute(SignedAttributeBuilder builder) {
            extra.add(builder);
            return this;
        }

        public CadesSigner build() {
            return new CadesSigner(this);
        }
    }

}
