package dev.vellum.formats.extend;

import dev.vellum.formats.OcspResponseData;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.cms.Material;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * A {@link ValidationDataSource} over a fixed set of certificates, CRLs and OCSP responses (for
 * example a directory an operator collected). It builds each target's chain from the set and picks
 * the CRLs issued by each issuer and the OCSP responses naming each certificate. It fetches nothing:
 * the validation module's source, which fetches and checks freshness, replaces it in production.
 */
public final class StaticValidationDataSource implements ValidationDataSource {
    private final ValidationData pool;

    public StaticValidationDataSource(ValidationData pool) {
        this.pool = pool;
    }

    /**
     * Reads every file of a directory: DER or PEM certificates and CRLs, and DER OCSP responses.
     * Files that are none of these are reported, not skipped silently.
     */
    public static StaticValidationDataSource fromDirectory(Path directory) {
        List<X509Certificate> certs = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        List<OcspResponseData> ocsps = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (!readInto(bytes, certs, crls, ocsps)) {
                    unreadable.add(f.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new SignatureFormatException("cannot read validation data directory " + directory + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty() && crls.isEmpty() && ocsps.isEmpty()) {
            throw new SignatureFormatException("no certificate, CRL or OCSP response found in " + directory
                    + (unreadable.isEmpty() ? "" : " (unreadable: " + unreadable + ")"));
        }
        return new StaticValidationDataSource(new ValidationData(certs, crls, ocsps));
    }

    private static boolean readInto(byte[] bytes, List<X509Certificate> certs, List<X509CRL> crls, List<OcspResponseData> ocsps) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN")) {
            boolean any = false;
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----").matcher(text);
            while (m.find()) {
                byte[] der = java.util.Base64.getMimeDecoder().decode(m.group(2));
                any |= readInto(der, certs, crls, ocsps);
            }
            return any;
        }
        try {
            certs.add(Material.certificate(bytes));
            return true;
        } catch (SignatureFormatException notACertificate) {
            // try the next kind
        }
        try {
            crls.add(Material.crl(bytes));
            return true;
        } catch (SignatureFormatException notACrl) {
            // try the next kind
        }
        try {
            ocsps.add(OcspResponseData.fromOcspResponse(bytes));
            return true;
        } catch (SignatureFormatException notOcsp) {
            return false;
        }
    }

    public ValidationData pool() {
        return pool;
    }

    @Override
    public ValidationData validationData(Request request) {
        List<X509Certificate> known = new ArrayList<>(pool.certificates());
        known.addAll(request.available());
        LinkedHashSet<X509Certificate> certs = new LinkedHashSet<>();
        LinkedHashSet<X509CRL> crls = new LinkedHashSet<>();
        LinkedHashSet<OcspResponseData> ocsps = new LinkedHashSet<>();
        List<X509Certificate> pending = new ArrayList<>(request.targets());
        while (!pending.isEmpty()) {
            X509Certificate cert = pending.remove(0);
            if (!certs.add(cert) || selfIssued(cert)) {
                continue;
            }
            Optional<X509Certificate> issuer = known.stream().filter(c -> issued(cert, c)).findFirst();
            if (issuer.isEmpty()) {
                continue; // chain ends here: the validator decides whether that is a trust anchor
            }
            pending.add(issuer.get());
            for (X509CRL crl : pool.crls()) {
                if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(crl, issuer.get())) {
                    crls.add(crl);
                }
            }
            for (OcspResponseData ocsp : pool.ocspResponses()) {
                if (names(ocsp, cert)) {
                    ocsps.add(ocsp);
                    for (var holder : ocsp.basic().getCerts()) {
                        try {
                            pending.add(Material.certificate(holder.getEncoded()));
                        } catch (IOException e) {
                            throw new SignatureFormatException("unreadable OCSP responder certificate", e);
                        }
                    }
                }
            }
        }
        return new ValidationData(new ArrayList<>(certs), new ArrayList<>(crls), new ArrayList<>(ocsps));
    }

    private static boolean names(OcspResponseData ocsp, X509Certificate cert) {
        for (SingleResp r : ocsp.basic().getResponses()) {
            if (r.getCertID().getSerialNumber().equals(cert.getSerialNumber())) {
                return true;
            }
        }
        return false;
    }

    private static boolean selfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && issued(c, c);
    }

    private static boolean issued(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
