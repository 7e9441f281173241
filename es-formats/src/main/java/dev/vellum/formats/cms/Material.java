package dev.vellum.formats.cms;

import dev.vellum.formats.OcspResponseData;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.ValidationData;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.x509.CertificateList;

/** Turns CMS certificate and revocation elements into JCA certificates, CRLs and OCSP responses. */
public final class Material {
    private Material() {
    }

    /**
     * Certificates by their DER: the same CA, TSA and signer certificates recur in every signature of
     * a batch, and an X509Certificate is immutable. Bounded; only readable certificates are kept.
     */
    private static final int MAX_DECODED = 2_000;
    private static final java.util.concurrent.ConcurrentHashMap<DerBytes, X509Certificate> DECODED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The certificate of these DER bytes (the array is not kept: the certificate holds its own copy). */
    public static X509Certificate certificate(byte[] der) {
        DerBytes key = new DerBytes(der);
        X509Certificate known = DECODED.get(key);
        if (known != null) {
            return known;
        }
        X509Certificate decoded = decode(der);
        if (DECODED.size() >= MAX_DECODED) {
            DECODED.clear();
        }
        DECODED.putIfAbsent(new DerBytes(der.clone()), decoded);
        return decoded;
    }

    private static X509Certificate decode(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509", Bc.PROVIDER)
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException | RuntimeException e2) {
                throw new SignatureFormatException("unreadable certificate: " + e.getMessage(), e);
            }
        }
    }

    public static X509CRL crl(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException | RuntimeException e) {
            try {
                return (X509CRL) CertificateFactory.getInstance("X.509", Bc.PROVIDER).generateCRL(new ByteArrayInputStream(der));
            } catch (CertificateException | CRLException | RuntimeException e2) {
                throw new SignatureFormatException("unreadable CRL: " + e.getMessage(), e);
            }
        }
    }

    /** SignedData.certificates / crls elements; unknown choices (attribute certs, other formats) are skipped. */
    public static ValidationData fromSignedData(List<ASN1Encodable> certificateChoices, List<ASN1Encodable> revocationChoices) {
        return fromSignedData(certificateChoices, revocationChoices, StoredElements.NONE);
    }

    /**
     * As {@link #fromSignedData(List, List)}, taking each element's DER from {@code stored} where it holds
     * it (the same bytes {@link Encodings#der} gives) instead of encoding it.
     */
    public static ValidationData fromSignedData(List<ASN1Encodable> certificateChoices, List<ASN1Encodable> revocationChoices,
                                                StoredElements stored) {
        if (!stored.alignedWith(certificateChoices.size(), revocationChoices.size())) {
            stored = StoredElements.NONE;
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (int i = 0; i < certificateChoices.size(); i++) {
            ASN1Encodable c = certificateChoices.get(i);
            if (c.toASN1Primitive() instanceof ASN1Sequence) {
                byte[] der = stored.certificateDer(i);
                certs.add(certificate(der != null ? der : Encodings.der(c)));
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        List<OcspResponseData> ocsps = new ArrayList<>();
        for (int i = 0; i < revocationChoices.size(); i++) {
            ASN1Encodable p = revocationChoices.get(i).toASN1Primitive();
            if (p instanceof ASN1Sequence) {
                byte[] der = stored.revocationDer(i);
                crls.add(crl(der != null ? der : Encodings.der(p)));
            } else if (p instanceof ASN1TaggedObject t && t.getTagNo() == 1) {
                OtherRevocationInfoFormat other = OtherRevocationInfoFormat.getInstance(t, false);
                ocspFromOther(other, stored.otherRevocationInfoDer(i), ocsps);
            }
        }
        return new ValidationData(certs, crls, ocsps);
    }

    private static void ocspFromOther(OtherRevocationInfoFormat other, List<OcspResponseData> out) {
        ocspFromOther(other, null, out);
    }

    private static void ocspFromOther(OtherRevocationInfoFormat other, byte[] storedInfoDer, List<OcspResponseData> out) {
        if (CadesOids.RI_OCSP_RESPONSE.equals(other.getInfoFormat())) {
            out.add(OcspResponseData.fromOcspResponse(storedInfoDer != null ? storedInfoDer : Encodings.der(other.getInfo())));
        } else if (CadesOids.OCSP_BASIC.equals(other.getInfoFormat())) {
            out.add(OcspResponseData.fromBasicResponse(storedInfoDer != null ? storedInfoDer : Encodings.der(other.getInfo())));
        }
    }

    /** The certificate-values attribute value: SEQUENCE OF Certificate. */
    public static List<X509Certificate> certificateValues(ASN1Encodable value) {
        List<X509Certificate> certs = new ArrayList<>();
        for (ASN1Encodable c : ASN1Sequence.getInstance(value)) {
            certs.add(certificate(Encodings.der(c)));
        }
        return certs;
    }

    /** The revocation-values attribute value (EN 319 122-1 A.1.2.2). */
    public static ValidationData revocationValues(ASN1Encodable value) {
        RevocationValues rv = RevocationValues.getInstance(value);
        List<X509CRL> crls = new ArrayList<>();
        if (rv.getCrlVals() != null) {
            for (CertificateList cl : rv.getCrlVals()) {
                crls.add(crl(Encodings.der(cl)));
            }
        }
        List<OcspResponseData> ocsps = new ArrayList<>();
        if (rv.getOcspVals() != null) {
            for (BasicOCSPResponse b : rv.getOcspVals()) {
                ocsps.add(OcspResponseData.fromBasicResponse(Encodings.der(b)));
            }
        }
        if (rv.getOtherRevVals() != null) {
            OtherRevocationInfoFormat other = new OtherRevocationInfoFormat(
                    rv.getOtherRevVals().getOtherRevValType(), rv.getOtherRevVals().getOtherRevVals());
            ocspFromOther(other, ocsps);
        }
        return new ValidationData(List.of(), crls, ocsps);
    }
}
