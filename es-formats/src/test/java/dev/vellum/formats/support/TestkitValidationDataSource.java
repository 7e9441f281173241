package dev.vellum.formats.support;

import dev.vellum.formats.OcspResponseData;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.cms.Material;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A simple {@link ValidationDataSource} for tests (the real one comes from the validation module):
 * builds chains from the known certificates up to a trust anchor, fetches each certificate's CRL
 * from its CRL distribution point and, for end entities, an OCSP response from its AIA responder —
 * real HTTP against the testkit's 127.0.0.1 services.
 */
public final class TestkitValidationDataSource implements ValidationDataSource {
    private final List<X509Certificate> anchors;
    private final List<X509Certificate> pool;
    private final boolean ocspForEndEntities;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestkitValidationDataSource(List<X509Certificate> anchors, List<X509Certificate> pool, boolean ocspForEndEntities) {
        this.anchors = List.copyOf(anchors);
        this.pool = List.copyOf(pool);
        this.ocspForEndEntities = ocspForEndEntities;
    }

    @Override
    public ValidationData validationData(Request request) {
        Set<X509Certificate> certs = new LinkedHashSet<>();
        List<X509CRL> crls = new ArrayList<>();
        List<OcspResponseData> ocsps = new ArrayList<>();
        List<X509Certificate> known = new ArrayList<>(pool);
        known.addAll(request.available());
        known.addAll(anchors);
        List<X509Certificate> pending = new ArrayList<>(request.targets());
        Set<X509Certificate> done = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            X509Certificate cert = pending.remove(0);
            if (!done.add(cert)) {
                continue;
            }
            certs.add(cert);
            if (selfSigned(cert)) {
                continue;
            }
            X509Certificate issuer = known.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && verifies(cert, c))
                    .findFirst().orElseThrow(() -> new SignatureFormatException("no issuer for " + cert.getSubjectX500Principal()));
            pending.add(issuer);
            if (cert.getExtensionValue("1.3.6.1.5.5.7.48.1.5") != null) {
                continue; // id-pkix-ocsp-nocheck: a delegated OCSP responder needs no revocation data
            }
            boolean endEntity = cert.getBasicConstraints() < 0;
            Optional<URI> ocspUrl = aiaOcsp(cert);
            if (ocspForEndEntities && endEntity && ocspUrl.isPresent()) {
                OcspResponseData ocsp = ocsp(ocspUrl.get(), cert, issuer);
                ocsps.add(ocsp);
                for (var holder : ocsp.basic().getCerts()) {
                    try {
                        X509Certificate responder = Material.certificate(holder.getEncoded());
                        known.add(responder);
                        pending.add(responder);
                    } catch (java.io.IOException e) {
                        throw new SignatureFormatException("bad responder certificate", e);
                    }
                }
            } else {
                for (URI url : crlUrls(cert)) {
                    X509CRL crl = Material.crl(get(url));
                    if (crls.stream().noneMatch(c -> c.equals(crl))) {
                        crls.add(crl);
                    }
                }
            }
        }
        return new ValidationData(new ArrayList<>(certs), crls, ocsps);
    }

    private static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifies(c, c);
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private byte[] get(URI url) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new SignatureFormatException("GET " + url + " answered " + r.statusCode());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new SignatureFormatException("GET " + url + " failed: " + e, e);
        }
    }

    private OcspResponseData ocsp(URI url, X509Certificate cert, X509Certificate issuer) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
            byte[] req = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(req)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return OcspResponseData.fromOcspResponse(r.body());
        } catch (SignatureFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new SignatureFormatException("OCSP request to " + url + " failed: " + e, e);
        }
    }

    private static List<URI> crlUrls(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return out;
        }
        CRLDistPoint dp = CRLDistPoint.getInstance(octets(ext));
        for (DistributionPoint p : dp.getDistributionPoints()) {
            if (p.getDistributionPoint() != null && p.getDistributionPoint().getName() instanceof GeneralNames names) {
                for (GeneralName n : names.getNames()) {
                    if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        out.add(URI.create(n.getName().toString()));
                    }
                }
            }
        }
        return out;
    }

    private static Optional<URI> aiaOcsp(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return Optional.empty();
        }
        for (AccessDescription d : AuthorityInformationAccess.getInstance(octets(ext)).getAccessDescriptions()) {
            if (d.getAccessMethod().equals(X509ObjectIdentifiers.id_ad_ocsp)
                    && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                return Optional.of(URI.create(d.getAccessLocation().getName().toString()));
            }
        }
        return Optional.empty();
    }

    private static ASN1Primitive octets(byte[] ext) {
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets());
        } catch (java.io.IOException e) {
            throw new SignatureFormatException("bad extension", e);
        }
    }

}
