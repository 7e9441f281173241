package dev.vellum.formats.attribute;

import java.util.List;

/** One CrlOcspRef of complete-revocation-references: the CRL and OCSP references for one certificate. */
public record RevocationRefs(List<CrlRef> crls, List<OcspRef> ocspResponses, boolean hasOtherRefs) {
    public RevocationRefs {
        crls = List.copyOf(crls);
        ocspResponses = List.copyOf(ocspResponses);
    }
}
