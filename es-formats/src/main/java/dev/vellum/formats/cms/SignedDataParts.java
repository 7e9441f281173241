package dev.vellum.formats.cms;

import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.io.InputStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetStringParser;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLTaggedObject;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * One parsed CMS SignedData with its elements as stored, for reading and for the hash inputs of
 * STANDARDS.md §1.2 that need exact encodings. Internal to es-formats.
 */
public final class SignedDataParts {
    private final byte[] encoded;
    private final ContentInfo contentInfo;
    private final SignedData signedData;
    private final CMSSignedData cms;
    private final Optional<SignedContent> content;
    private final Optional<StreamedEnvelope> streamed;
    private final StoredElements stored;

    private SignedDataParts(byte[] encoded, ContentInfo contentInfo, SignedData signedData, CMSSignedData cms,
                            Optional<SignedContent> content, Optional<StreamedEnvelope> streamed) {
        this.encoded = encoded;
        StoredElements s = StoredElements.of(encoded);
        this.stored = s.alignedWith(size(signedData.getCertificates()), size(signedData.getCRLs())) ? s : StoredElements.NONE;
        this.contentInfo = contentInfo;
        this.signedData = signedData;
        this.cms = cms;
        this.content = content;
        this.streamed = streamed;
    }

    /**
     * A large enveloping file read without loading its content: the parts are a view of the file's
     * SignedData without eContent, and the content streams from the file on each use.
     */
    public static SignedDataParts streamedView(StreamedEnvelope env, String what) {
        try {
            ASN1EncodableVector sd = new ASN1EncodableVector();
            try (ASN1InputStream head = new ASN1InputStream(env.read(env.signedDataStart(), env.encapStart()))) {
                sd.add(head.readObject());
                sd.add(head.readObject());
            }
            ASN1ObjectIdentifier type;
            try (InputStream in = env.open(env.encapStart(), env.encapEnd())) {
                type = new ContentInfoParser((ASN1SequenceParser) new ASN1StreamParser(in).readObject()).getContentType();
            }
            sd.add(new DLSequence(type));
            try (ASN1InputStream tail = new ASN1InputStream(env.read(env.encapEnd(), env.tailEnd()))) {
                ASN1Primitive p;
                while ((p = tail.readObject()) != null) {
                    sd.add(p);
                }
            }
            byte[] view = new DLSequence(new ASN1Encodable[] {CadesOids.SIGNED_DATA,
                    new DLTaggedObject(true, 0, new DLSequence(sd))}).getEncoded(ASN1Encoding.DL);
            SignedContent content = SignedContent.of(env.file() + " (eContent)", () -> eContent(env));
            return parse(view, Optional.of(content), what).withStreamed(env);
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof SignatureFormatException sfe) {
                throw sfe;
            }
            throw new SignatureFormatException(what + ": malformed SignedData (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream eContent(StreamedEnvelope env) throws java.io.IOException {
        InputStream in = env.open(env.encapStart(), env.encapEnd());
        ContentInfoParser cip = new ContentInfoParser((ASN1SequenceParser) new ASN1StreamParser(in).readObject());
        ASN1OctetStringParser octets = (ASN1OctetStringParser) cip.getContent(org.bouncycastle.asn1.BERTags.OCTET_STRING);
        if (octets == null) {
            in.close();
            throw new SignatureFormatException(env.file() + ": enveloping CMS without eContent");
        }
        InputStream content = octets.getOctetStream();
        return new java.io.FilterInputStream(content) {
            @Override
            public void close() throws java.io.IOException {
                in.close();
            }
        };
    }

    /** The same view with another stored SignedData (after unsigned data was added). */
    public SignedDataParts rebased(byte[] viewEncoded, String what) {
        SignedDataParts p = parse(viewEncoded, content, what);
        return streamed.map(p::withStreamed).orElse(p);
    }

    private SignedDataParts withStreamed(StreamedEnvelope env) {
        return new SignedDataParts(encoded, contentInfo, signedData, cms, content, Optional.of(env));
    }

    /** For a large enveloping file: where its encapContentInfo lies (it is not in {@link #encoded()}). */
    public Optional<StreamedEnvelope> streamed() {
        return streamed;
    }

    /**
     * Parses a DER or BER ContentInfo holding SignedData.
     *
     * @param detachedContent the content when the signature is detached (ignored when encapsulated)
     */
    public static SignedDataParts parse(byte[] encoded, Optional<SignedContent> detachedContent, String what) {
        return parse(encoded, Encodings.parse(encoded, what), detachedContent, what);
    }

    /** As {@link #parse(byte[], Optional, String)}, with {@code encoded} already parsed into {@code p}. */
    public static SignedDataParts parse(byte[] encoded, ASN1Primitive p, Optional<SignedContent> detachedContent,
                                        String what) {
        ContentInfo ci;
        SignedData sd;
        try {
            ci = ContentInfo.getInstance(p);
            if (!CadesOids.SIGNED_DATA.equals(ci.getContentType())) {
                throw new SignatureFormatException(what + ": CMS content type " + ci.getContentType()
                        + " is not signedData");
            }
            sd = SignedData.getInstance(ci.getContent());
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new SignatureFormatException(what + ": not a CMS SignedData (" + e.getMessage() + ")", e);
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(ci);
            cms.getSignerInfos(); // forces SignerInfo parsing so malformed input fails here
        } catch (CMSException | RuntimeException e) {
            throw new SignatureFormatException(what + ": malformed SignedData (" + e.getMessage() + ")", e);
        }
        Optional<SignedContent> content;
        ASN1Encodable eContent = sd.getEncapContentInfo().getContent();
        if (eContent != null) {
            try {
                content = Optional.of(SignedContent.of(ASN1OctetString.getInstance(eContent).getOctets()));
            } catch (IllegalArgumentException e) {
                throw new SignatureFormatException(what + ": eContent is not an OCTET STRING", e);
            }
        } else {
            content = detachedContent;
        }
        return new SignedDataParts(encoded, ci, sd, cms, content, Optional.empty());
    }

    /** The ContentInfo bytes as read. */
    public byte[] encoded() {
        return encoded.clone();
    }

    public ContentInfo contentInfo() {
        return contentInfo;
    }

    /** The SignedData SEQUENCE as stored: version, digestAlgorithms, encapContentInfo, [0], [1], signerInfos. */
    public org.bouncycastle.asn1.ASN1Sequence rawSignedData() {
        return org.bouncycastle.asn1.ASN1Sequence.getInstance(contentInfo.getContent());
    }

    /** The SignerInfos as stored, in order. */
    public List<RawSignerInfo> rawSigners() {
        List<RawSignerInfo> out = new ArrayList<>();
        int i = 0;
        for (ASN1Encodable e : signedData.getSignerInfos()) {
            out.add(new RawSignerInfo(e, stored, i++));
        }
        return out;
    }

    /** Stored bytes of certificates, revocation choices and unsigned attribute values, where they equal the re-encoding. */
    public StoredElements stored() {
        return stored;
    }

    /** Each CertificateChoices as {@link Encodings#asStored} gives it, in order (the ATSv3 hash-index inputs). */
    public List<byte[]> certificateChoiceEncodings() {
        List<byte[]> out = new ArrayList<>();
        List<ASN1Encodable> choices = certificateChoices();
        for (int i = 0; i < choices.size(); i++) {
            byte[] b = stored.certificateAsStored(i);
            out.add(b != null ? b : Encodings.asStored(choices.get(i)));
        }
        return out;
    }

    /** Each RevocationInfoChoice as {@link Encodings#asStored} gives it (OCSP with its [1] tag), in order. */
    public List<byte[]> revocationChoiceEncodings() {
        List<byte[]> out = new ArrayList<>();
        List<ASN1Encodable> choices = revocationChoices();
        for (int i = 0; i < choices.size(); i++) {
            byte[] b = stored.revocationAsStored(i);
            out.add(b != null ? b : Encodings.asStored(choices.get(i)));
        }
        return out;
    }

    private static int size(ASN1Set set) {
        return set == null ? 0 : set.size();
    }

    /** Whether the stored ContentInfo uses indefinite lengths (BER); rewrites keep that choice. */
    public boolean ber() {
        return encoded.length > 1 && (encoded[1] & 0xFF) == 0x80;
    }

    public SignedData signedData() {
        return signedData;
    }

    public CMSSignedData cms() {
        return cms;
    }

    public boolean detached() {
        return streamed.isEmpty() && signedData.getEncapContentInfo().getContent() == null;
    }

    public ASN1ObjectIdentifier eContentType() {
        return signedData.getEncapContentInfo().getContentType();
    }

    /** The signed content: eContent if encapsulated, else the supplied detached content, if any. */
    public Optional<SignedContent> content() {
        return content;
    }

    /** The CertificateChoices of SignedData.certificates, each as stored. */
    public List<ASN1Encodable> certificateChoices() {
        return elements(signedData.getCertificates());
    }

    /** The RevocationInfoChoices of SignedData.crls, each as stored (OCSP: the [1] tagged form). */
    public List<ASN1Encodable> revocationChoices() {
        return elements(signedData.getCRLs());
    }

    public List<SignerInformation> signers() {
        return new ArrayList<>(cms.getSignerInfos().getSigners());
    }

    private static List<ASN1Encodable> elements(ASN1Set set) {
        if (set == null) {
            return List.of();
        }
        List<ASN1Encodable> list = new ArrayList<>(set.size());
        Collections.addAll(list, set.toArray());
        return list;
    }
}
