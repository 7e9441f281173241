package dev.vellum.validation.x509;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The URLs a certificate names: CRL distribution points, OCSP responders and caIssuers (RFC 5280 §4.2.1.13, §4.2.2.1). */
public final class CertificateUrls {

    private CertificateUrls() {
    }

    public static List<URI> crlDistributionPoints(X509Certificate c) {
        List<URI> out = new ArrayList<>();
        ASN1Primitive ext = extension(c, Extension.cRLDistributionPoints);
        if (ext == null) {
            return out;
        }
        try {
            for (DistributionPoint dp : CRLDistPoint.getInstance(ext).getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    addUris(GeneralNames.getInstance(name.getName()), out);
                }
            }
        } catch (RuntimeException malformed) {
            return out;
        }
        return out;
    }

    public static List<URI> ocspResponders(X509Certificate c) {
        return accessLocations(c, AccessDescription.id_ad_ocsp);
    }

    public static List<URI> caIssuers(X509Certificate c) {
        return accessLocations(c, AccessDescription.id_ad_caIssuers);
    }

    private static List<URI> accessLocations(X509Certificate c, ASN1ObjectIdentifier method) {
        List<URI> out = new ArrayList<>();
        ASN1Primitive ext = extension(c, Extension.authorityInfoAccess);
        if (ext == null) {
            return out;
        }
        try {
            for (AccessDescription d : AuthorityInformationAccess.getInstance(ext).getAccessDescriptions()) {
                if (d.getAccessMethod().equals(method)) {
                    addUri(d.getAccessLocation(), out);
                }
            }
        } catch (RuntimeException malformed) {
            return out;
        }
        return out;
    }

    private static void addUris(GeneralNames names, List<URI> out) {
        for (GeneralName n : names.getNames()) {
            addUri(n, out);
        }
    }

    private static void addUri(GeneralName n, List<URI> out) {
        if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
            try {
                out.add(URI.create(DERIA5String.getInstance(n.getName()).getString()));
            } catch (IllegalArgumentException bad) {
                // a malformed URL in a certificate is skipped, never fatal
            }
        }
    }

    static ASN1Primitive extension(X509Certificate c, ASN1ObjectIdentifier oid) {
        byte[] value = c.getExtensionValue(oid.getId());
        if (value == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
