package dev.vellum.app.cli.validate;

import dev.vellum.validation.ValidationException;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.trust.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --validation-data DIR}: every certificate, CRL and OCSP response found in the directory
 * (recursively), recognised by content, not by name. Files that are none of these are skipped.
 */
final class ValidationDataDirectory {

    private static final long MAX_FILE = 64L * 1024 * 1024;

    private ValidationDataDirectory() {
    }

    static ValidationMaterial read(Path dir) {
        List<X509Certificate> certs = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        List<byte[]> ocsp = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 8)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (Files.size(f) > MAX_FILE) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                if (isCrl(bytes)) {
                    crls.add(bytes);
                } else if (isOcsp(bytes)) {
                    ocsp.add(bytes);
                } else {
                    try {
                        certs.addAll(TrustAnchors.parseCertificates(bytes, f.toString()));
                    } catch (ValidationException notCertificates) {
                        // neither certificate, CRL nor OCSP response: not validation data
                    }
                }
            }
        } catch (IOException e) {
            throw new ValidationException("cannot read validation data directory " + dir + ": " + e.getMessage(), e);
        }
        return ValidationMaterial.of(Origin.SUPPLIED, certs, crls, ocsp);
    }

    private static boolean isCrl(byte[] bytes) {
        try {
            return CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes)) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isOcsp(byte[] bytes) {
        try {
            org.bouncycastle.asn1.ocsp.OCSPResponse.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(bytes));
            return true;
        } catch (Exception e) {
            try {
                org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(bytes));
                return true;
            } catch (Exception e2) {
                return false;
            }
        }
    }
}
