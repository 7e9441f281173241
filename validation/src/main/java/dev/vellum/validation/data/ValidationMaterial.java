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
        return new ValidationMaterial(
                certificates.stream().map(c -> new Sourced<>(c, origin)).toList(),
                crls.stream().map(c -> new Sourced<>(c.clone(), origin)).toList(),
                ocspResponses.stream().map(o -> new Sourced<>(o.clone(), origin)).toList());
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
        return certificates.stream().map(Sourced::item).toList();
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && crls.isEmpty() && ocspResponses.isEmpty();
    }
}
