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

    public static X509Certificate certificate(byte[] der) {
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
        List<X509Certificate> certs = new ArrayList<>();
        for (ASN1Encodable c : certificateChoices) {
            if (c.toASN1Primitive() instanceof ASN1Sequence) {
                certs.add(certificate(Encodings.der(c)));
            }
        }
        List<X509CRL> crls = new ArrayList<>();
        List<OcspResponseData> ocsps = new ArrayList<>();
        for (ASN1Encodable r : revocationChoices) {
            ASN1Encodable p = r.toASN1Primitive();
            if (p instanceof ASN1Sequence) {
                crls.add(crl(Encodings.der(p)));
            } else if (p instanceof ASN1TaggedObject t && t.getTagNo() == 1) {
                OtherRevocationInfoFormat other = OtherRevocationInfoFormat.getInstance(t, false);
                ocspFromOther(other, ocsps);
            }
        }
        return new ValidationData(certs, crls, ocsps);
    }

    private static void ocspFromOther(OtherRevocationInfoFormat other, List<OcspResponseData> out) {
        if (CadesOids.RI_OCSP_RESPONSE.equals(other.getInfoFormat())) {
            out.add(OcspResponseData.fromOcspResponse(Encodings.der(other.getInfo())));
        } else if (CadesOids.OCSP_BASIC.equals(other.getInfoFormat())) {
            out.add(OcspResponseData.fromBasicResponse(Encodings.der(other.getInfo())));
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
