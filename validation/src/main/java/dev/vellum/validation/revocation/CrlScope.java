package dev.vellum.validation.revocation;

import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

/**
 * What a CRL speaks about: its issuingDistributionPoint (RFC 5280 §5.2.5) — only user or only CA
 * certificates, only some reasons, indirect, the distribution point names — read once per check.
 * A CRL without the extension covers every certificate of its issuer.
 *
 * @param present whether the CRL has an issuingDistributionPoint
 * @param onlyUserCerts onlyContainsUserCerts
 * @param onlyCaCerts onlyContainsCACerts
 * @param onlyAttributeCerts onlyContainsAttributeCerts
 * @param someReasons onlySomeReasons present (the CRL is partitioned by reason)
 * @param indirect indirectCRL
 * @param names the distributionPoint's fullName entries (DER of each GeneralName), empty when absent
 */
public record CrlScope(boolean present, boolean onlyUserCerts, boolean onlyCaCerts, boolean onlyAttributeCerts,
                       boolean someReasons, boolean indirect, Set<String> names) {

    /** The scope of a CRL without issuingDistributionPoint. */
    public static final CrlScope COMPLETE = new CrlScope(false, false, false, false, false, false, Set.of());

    public CrlScope {
        names = Set.copyOf(names);
    }

    /** The CRL's scope; a malformed extension gives a scope that covers nothing ({@link #unreadable()}). */
    public static CrlScope of(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.issuingDistributionPoint.getId());
        if (value == null) {
            return COMPLETE;
        }
        try {
            IssuingDistributionPoint idp = IssuingDistributionPoint.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()));
            return new CrlScope(true, idp.onlyContainsUserCerts(), idp.onlyContainsCACerts(),
                    idp.onlyContainsAttributeCerts(), idp.getOnlySomeReasons() != null, idp.isIndirectCRL(),
                    Set.copyOf(fullNames(idp.getDistributionPoint())));
        } catch (java.io.IOException | RuntimeException e) {
            return new CrlScope(true, true, true, true, true, false, Set.of());
        }
    }

    /** A scope that covers nothing (an unreadable issuingDistributionPoint). */
    public boolean unreadable() {
        return onlyUserCerts && onlyCaCerts;
    }

    /**
     * Why the CRL cannot give the complete status of {@code certificate}, or null when it can (RFC 5280
     * §6.3.3 b 2: the distribution point names match, the user/CA/attribute restriction fits, and the
     * CRL is not partitioned by reason — Vellum does not combine reason partitions).
     */
    public String whyNotCovering(X509Certificate certificate) {
        if (!present) {
            return null;
        }
        if (unreadable()) {
            return "its issuingDistributionPoint cannot be decoded";
        }
        boolean ca = certificate.getBasicConstraints() >= 0;
        if (onlyUserCerts && ca) {
            return "it covers only end-entity certificates (onlyContainsUserCerts) and this is a CA certificate";
        }
        if (onlyCaCerts && !ca) {
            return "it covers only CA certificates (onlyContainsCACerts) and this is an end-entity certificate";
        }
        if (onlyAttributeCerts) {
            return "it covers only attribute certificates (onlyContainsAttributeCerts)";
        }
        if (someReasons) {
            return "it covers only some revocation reasons (onlySomeReasons)";
        }
        if (!names.isEmpty()) {
            List<DistributionPoint> points = distributionPoints(certificate);
            if (!points.isEmpty()) {
                boolean match = points.stream().anyMatch(dp -> fullNames(dp.getDistributionPoint()).stream().anyMatch(names::contains)
                        || (dp.getCRLIssuer() != null && indirect));
                if (!match) {
                    return "its distribution point is not one the certificate names";
                }
            }
        }
        return null;
    }

    /**
     * The cRLIssuer names of the certificate's distribution points: the issuers whose indirect CRLs
     * may speak about it (RFC 5280 §6.3.3 b 1).
     */
    public static Set<X500Principal> crlIssuers(X509Certificate certificate) {
        Set<X500Principal> out = new java.util.HashSet<>();
        for (DistributionPoint dp : distributionPoints(certificate)) {
            if (dp.getCRLIssuer() == null) {
                continue;
            }
            for (GeneralName n : dp.getCRLIssuer().getNames()) {
                if (n.getTagNo() == GeneralName.directoryName) {
                    try {
                        out.add(new X500Principal(X500Name.getInstance(n.getName()).getEncoded("DER")));
                    } catch (java.io.IOException | RuntimeException e) {
                        // an unreadable name names nobody
                    }
                }
            }
        }
        return Set.copyOf(out);
    }

    /**
     * The entry of an indirect CRL for {@code certificate}: entries belong to the issuer their
     * certificateIssuer extension names, or the previous entry's (RFC 5280 §5.3.3), which the JDK tracks.
     */
    public static ParsedCrl.Revoked indirectEntry(X509CRL crl, X509Certificate certificate) {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry == null) {
            return null;
        }
        return new ParsedCrl.Revoked(entry.getRevocationDate().toInstant(),
                entry.getRevocationReason() == null ? null : CrlCache.reasonName(entry.getRevocationReason()));
    }

    private static List<DistributionPoint> distributionPoints(X509Certificate c) {
        byte[] v = c.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (v == null) {
            return List.of();
        }
        try {
            return List.of(CRLDistPoint.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v).getOctets()))
                    .getDistributionPoints());
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> fullNames(DistributionPointName name) {
        List<String> out = new ArrayList<>();
        if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
            return out;
        }
        for (GeneralName n : GeneralNames.getInstance(name.getName()).getNames()) {
            try {
                out.add(java.util.HexFormat.of().formatHex(n.getEncoded("DER")));
            } catch (java.io.IOException e) {
                // an unencodable name matches nothing
            }
        }
        return out;
    }
}
