package dev.vellum.validation.data;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates, CRLs (DER) and OCSP responses (DER OCSPResponse or BasicOCSPResponse) available to a
 * validation without going online, each with its origin. Immutable.
 */
public record ValidationMaterial(List<Sourced<X509Certificate>> certificates, List<Sourced<byte[]>> crls,
                                 List<Sourced<byte[]>> ocspResponses) {

    /** An item with its origin. */
    public record Sourced<T>(T item, Origin origin) {
    }

    public ValidationMaterial {
        certificates = List.copyOf(certificates);
        crls = List.copyOf(crls);
        ocspResponses = List.copyOf(ocspResponses);
    }

    public static ValidationMaterial empty() {
        return new ValidationMaterial(List.of(), List.of(), List.of());
    }

    public static ValidationMaterial of(Origin origin, List<X509Certificate> certificates, List<byte[]> crls,
                                        List<byte[]> ocspResponses) {
        List<Sourced<X509Certificate>> certs = new ArrayList<>(certificates.size());
        for (X509Certificate c : certificates) {
            certs.add(new Sourced<>(c, origin));
        }
        List<Sourced<byte[]>> c = new ArrayList<>(crls.size());
        for (byte[] crl : crls) {
            c.add(new Sourced<>(crl.clone(), origin));
        }
        List<Sourced<byte[]>> o = new ArrayList<>(ocspResponses.size());
        for (byte[] response : ocspResponses) {
            o.add(new Sourced<>(response.clone(), origin));
        }
        return new ValidationMaterial(certs, c, o);
    }

    /** es-formats' validation data (as embedded in a signature or token) with an origin. */
    public static ValidationMaterial of(Origin origin, dev.vellum.formats.ValidationData data) {
        List<byte[]> crls = new ArrayList<>();
        for (java.security.cert.X509CRL crl : data.crls()) {
            try {
                crls.add(crl.getEncoded());
            } catch (java.security.cert.CRLException e) {
                // a CRL that cannot be re-encoded cannot be checked either
            }
        }
        return of(origin, data.certificates(), crls,
                data.ocspResponses().stream().map(dev.vellum.formats.OcspResponseData::encoded).toList());
    }

    /** The same items as es-formats' validation data (what an LT extension embeds). */
    public dev.vellum.formats.ValidationData toValidationData() {
        List<java.security.cert.X509CRL> out = new ArrayList<>();
        for (Sourced<byte[]> c : crls) {
            try {
                out.add((java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCRL(new java.io.ByteArrayInputStream(c.item())));
            } catch (Exception e) {
                // skip what is not a CRL
            }
        }
        List<dev.vellum.formats.OcspResponseData> ocsp = new ArrayList<>();
        for (Sourced<byte[]> o : ocspResponses) {
            try {
                ocsp.add(dev.vellum.formats.OcspResponseData.fromOcspResponse(o.item()));
            } catch (RuntimeException notFull) {
                try {
                    ocsp.add(dev.vellum.formats.OcspResponseData.fromBasicResponse(o.item()));
                } catch (RuntimeException e) {
                    // skip what is not an OCSP response
                }
            }
        }
        return new dev.vellum.formats.ValidationData(certificateList(), out, ocsp);
    }

    /** Both sets together (this one's items first). */
    public ValidationMaterial with(ValidationMaterial other) {
        List<Sourced<X509Certificate>> certs = new ArrayList<>(certificates);
        certs.addAll(other.certificates);
        List<Sourced<byte[]>> c = new ArrayList<>(crls);
        c.addAll(other.crls);
        List<Sourced<byte[]>> o = new ArrayList<>(ocspResponses);
        o.addAll(other.ocspResponses);
        return new ValidationMaterial(certs, c, o);
    }

    public List<X509Certificate> certificateList() {
        X509Certificate[] out = new X509Certificate[certificates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = certificates.get(i).item();
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && crls.isEmpty() && ocspResponses.isEmpty();
    }
}
