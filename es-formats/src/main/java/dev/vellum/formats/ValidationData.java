package dev.vellum.formats;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Certificates, CRLs and OCSP responses: what a signature embeds or what a {@link ValidationDataSource} supplies. */
public record ValidationData(List<X509Certificate> certificates, List<X509CRL> crls, List<OcspResponseData> ocspResponses) {

    public static final ValidationData EMPTY = new ValidationData(List.of(), List.of(), List.of());

    public ValidationData {
        certificates = List.copyOf(certificates);
        crls = List.copyOf(crls);
        ocspResponses = List.copyOf(ocspResponses);
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && crls.isEmpty() && ocspResponses.isEmpty();
    }

    public boolean hasRevocationData() {
        return !crls.isEmpty() || !ocspResponses.isEmpty();
    }

    /** Both sets, without duplicates, this one's items first. */
    public ValidationData plus(ValidationData other) {
        return new ValidationData(union(certificates, other.certificates), union(crls, other.crls),
                union(ocspResponses, other.ocspResponses));
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> set = new LinkedHashSet<>(a);
        set.addAll(b);
        return new ArrayList<>(set);
    }
}
