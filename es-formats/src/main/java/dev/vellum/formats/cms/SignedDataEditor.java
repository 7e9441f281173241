package dev.vellum.formats.cms;

import dev.vellum.formats.OcspResponseData;
import dev.vellum.formats.SignatureFormatException;
import java.io.IOException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.BERSet;
import org.bouncycastle.asn1.BERTaggedObject;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.DLTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Adds unsigned data to a stored SignedData and re-encodes it so that every existing element keeps
 * its stored bytes: version … signature of each SignerInfo, its existing unsigned attributes,
 * encapContentInfo, and every existing certificate and CRL. Only new elements are new (DER).
 * Outer wrappers keep the input's choice of definite (DL) or indefinite (BER) lengths.
 */
public final class SignedDataEditor {
    private final SignedDataParts parts;
    private final Map<Integer, List<Attribute>> newUnsigned = new HashMap<>();
    private final List<ASN1Encodable> newCertificates = new ArrayList<>();
    private final List<ASN1Encodable> newRevocations = new ArrayList<>();
    private final List<AlgorithmIdentifier> newDigestAlgorithms = new ArrayList<>();

    public SignedDataEditor(SignedDataParts parts) {
        this.parts = parts;
    }

    /** Appends an unsigned attribute to the top-level SignerInfo at {@code signerIndex} (0-based, stored order). */
    public SignedDataEditor addUnsignedAttribute(int signerIndex, Attribute attribute) {
        newUnsigned.computeIfAbsent(signerIndex, i -> new ArrayList<>()).add(attribute);
        return this;
    }

    /** Adds a certificate to SignedData.certificates unless an equal one is there (req e: no duplicates). */
    public SignedDataEditor addCertificate(X509Certificate certificate) {
        try {
            byte[] der = certificate.getEncoded();
            if (!present(parts.certificateChoices(), newCertificates, der)) {
                newCertificates.add(Encodings.parse(der, "certificate"));
            }
        } catch (CertificateEncodingException e) {
            throw new SignatureFormatException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
        return this;
    }

    /** Adds a CRL to SignedData.crls unless present (req q). */
    public SignedDataEditor addCrl(X509CRL crl) {
        try {
            byte[] der = crl.getEncoded();
            if (!present(parts.revocationChoices(), newRevocations, der)) {
                newRevocations.add(Encodings.parse(der, "CRL"));
            }
        } catch (CRLException e) {
            throw new SignatureFormatException("cannot encode CRL of " + crl.getIssuerX500Principal(), e);
        }
        return this;
    }

    /** Adds an OCSP response as [1] OtherRevocationInfoFormat id-ri-ocsp-response (RFC 5940; req r). */
    public SignedDataEditor addOcsp(OcspResponseData ocsp) {
        ASN1Encodable element = new DLTaggedObject(false, 1, new OtherRevocationInfoFormat(CadesOids.RI_OCSP_RESPONSE,
                Encodings.parse(ocsp.encoded(), "OCSP response")));
        byte[] der = Encodings.der(element);
        if (!present(parts.revocationChoices(), newRevocations, der)) {
            newRevocations.add(element);
        }
        return this;
    }

    /** Lists a digest algorithm in SignedData.digestAlgorithms if missing (e.g. the ATSv3 hash, EN 319 122-1 §5.5.3). */
    public SignedDataEditor addDigestAlgorithm(AlgorithmIdentifier algorithm) {
        for (ASN1Encodable e : parts.signedData().getDigestAlgorithms()) {
            if (AlgorithmIdentifier.getInstance(e).getAlgorithm().equals(algorithm.getAlgorithm())) {
                return this;
            }
        }
        if (newDigestAlgorithms.stream().noneMatch(a -> a.getAlgorithm().equals(algorithm.getAlgorithm()))) {
            newDigestAlgorithms.add(algorithm);
        }
        return this;
    }

    public boolean hasChanges() {
        return !newUnsigned.isEmpty() || !newCertificates.isEmpty() || !newRevocations.isEmpty() || !newDigestAlgorithms.isEmpty();
    }

    private static boolean present(List<ASN1Encodable> existing, List<ASN1Encodable> added, byte[] der) {
        for (ASN1Encodable e : existing) {
            if (Arrays.equals(Encodings.der(e), der)) {
                return true;
            }
        }
        for (ASN1Encodable e : added) {
            if (Arrays.equals(Encodings.der(e), der)) {
                return true;
            }
        }
        return false;
    }

    /** The new ContentInfo bytes. */
    public byte[] encode() {
        boolean ber = parts.ber();
        ASN1Sequence sd = parts.rawSignedData();
        ASN1EncodableVector out = new ASN1EncodableVector();
        boolean addsOther = newRevocations.stream().anyMatch(r -> r instanceof ASN1TaggedObject);
        int version = ASN1Integer.getInstance(sd.getObjectAt(0)).intValueExact();
        // RFC 5652 §5.1: version 5 when any RevocationInfoChoice is "other"
        out.add(addsOther && version < 5 ? new ASN1Integer(5) : sd.getObjectAt(0));
        out.add(newDigestAlgorithms.isEmpty() ? sd.getObjectAt(1) : appended(ASN1Set.getInstance(sd.getObjectAt(1)),
                new ArrayList<>(newDigestAlgorithms), ber));
        out.add(sd.getObjectAt(2));
        ASN1TaggedObject certs = null;
        ASN1TaggedObject crls = null;
        ASN1Set signerInfos = null;
        for (int i = 3; i < sd.size(); i++) {
            ASN1Encodable e = sd.getObjectAt(i);
            if (e instanceof ASN1TaggedObject t && t.getTagNo() == 0) {
                certs = t;
            } else if (e instanceof ASN1TaggedObject t && t.getTagNo() == 1) {
                crls = t;
            } else {
                signerInfos = ASN1Set.getInstance(e);
            }
        }
        ASN1Encodable newCerts = field(certs, 0, newCertificates, ber);
        if (newCerts != null) {
            out.add(newCerts);
        }
        ASN1Encodable newCrls = field(crls, 1, newRevocations, ber);
        if (newCrls != null) {
            out.add(newCrls);
        }
        out.add(signerInfos(signerInfos, ber));
        ASN1Encodable signedData = ber ? new BERSequence(out) : new DLSequence(out);
        ASN1EncodableVector ci = new ASN1EncodableVector();
        ci.add(CadesOids.SIGNED_DATA);
        ci.add(ber ? new BERTaggedObject(true, 0, signedData) : new DLTaggedObject(true, 0, signedData));
        try {
            return (ber ? new BERSequence(ci) : new DLSequence(ci)).getEncoded(ber ? ASN1Encoding.BER : ASN1Encoding.DL);
        } catch (IOException e) {
            throw new SignatureFormatException("cannot encode the extended SignedData", e);
        }
    }

    private static ASN1Encodable field(ASN1TaggedObject existing, int tag, List<ASN1Encodable> added, boolean ber) {
        if (added.isEmpty()) {
            return existing;
        }
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (existing != null) {
            for (ASN1Encodable e : ASN1Set.getInstance(existing, false)) {
                v.add(e);
            }
        }
        added.forEach(v::add);
        ASN1Set set = ber ? new BERSet(v) : new DLSet(v);
        return ber ? new BERTaggedObject(false, tag, set) : new DLTaggedObject(false, tag, set);
    }

    private ASN1Set signerInfos(ASN1Set signerInfos, boolean ber) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        int index = 0;
        for (ASN1Encodable e : signerInfos) {
            List<Attribute> add = newUnsigned.get(index++);
            v.add(add == null ? e : withUnsigned(ASN1Sequence.getInstance(e), add, ber));
        }
        return ber ? new BERSet(v) : new DLSet(v);
    }

    /** The SignerInfo with attributes appended to its unsigned attributes; every other element as stored. */
    public static ASN1Sequence withUnsigned(ASN1Sequence signerInfo, List<Attribute> add, boolean ber) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        ASN1TaggedObject unsigned = null;
        for (ASN1Encodable e : signerInfo) {
            if (e instanceof ASN1TaggedObject t && t.getTagNo() == 1) {
                unsigned = t;
            } else {
                v.add(e);
            }
        }
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        if (unsigned != null) {
            for (ASN1Encodable a : ASN1Set.getInstance(unsigned, false)) {
                attrs.add(a);
            }
        }
        add.forEach(attrs::add);
        ASN1Set set = ber ? new BERSet(attrs) : new DLSet(attrs);
        v.add(ber ? new BERTaggedObject(false, 1, set) : new DLTaggedObject(false, 1, set));
        return ber ? new BERSequence(v) : new DLSequence(v);
    }

    private static ASN1Set appended(ASN1Set set, List<ASN1Encodable> add, boolean ber) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ASN1Encodable e : set) {
            v.add(e);
        }
        add.forEach(v::add);
        return ber ? new BERSet(v) : new DLSet(v);
    }
}
