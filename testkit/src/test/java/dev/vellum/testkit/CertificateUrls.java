package dev.vellum.testkit;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;

/** Reads the URLs a certificate carries, for the tests' assertions. */
public final class CertificateUrls {
    private CertificateUrls() {
    }

    public static List<String> crl(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return List.of();
        }
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
        return Arrays.stream(points.getDistributionPoints())
                .flatMap(p -> Arrays.stream(GeneralNames.getInstance(p.getDistributionPoint().getName()).getNames()))
                .map(n -> n.getName().toString())
                .toList();
    }

    public static List<String> ocsp(X509Certificate cert) {
        return aia(cert, X509ObjectIdentifiers.id_ad_ocsp);
    }

    public static List<String> caIssuers(X509Certificate cert) {
        return aia(cert, X509ObjectIdentifiers.id_ad_caIssuers);
    }

    private static List<String> aia(X509Certificate cert, ASN1ObjectIdentifier method) {
        byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return List.of();
        }
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(value).getOctets());
        return Arrays.stream(aia.getAccessDescriptions())
                .filter(d -> d.getAccessMethod().equals(method))
                .map(AccessDescription::getAccessLocation)
                .map(n -> n.getName().toString())
                .toList();
    }
}
