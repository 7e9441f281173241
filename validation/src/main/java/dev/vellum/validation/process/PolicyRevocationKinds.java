package dev.vellum.validation.process;

import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.revocation.RevocationStatus;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * For RFC 3125 §3.6.2 revocation requirements and the caution period: the revocation data (CRL,
 * OCSP) with a definite status and fresh at the validation time at hand for a certificate of a
 * chain (the signer's or a TSA's). Asks the revocation checker again (its parsing and signature checks are cached; what was
 * fetched for the chain is in the fetcher's cache).
 */
final class PolicyRevocationKinds {

    private PolicyRevocationKinds() {
    }

    static Set<RevocationData.Kind> at(X509Certificate certificate, ChainValidation chain, ValidationRun run) {
        Set<RevocationData.Kind> kinds = EnumSet.noneOf(RevocationData.Kind.class);
        for (RevocationData d : usable(certificate, chain, run)) {
            kinds.add(d.kind());
        }
        return kinds;
    }

    /** The revocation data at hand for a certificate of {@code chain} with a definite status, fresh at the validation time. */
    static List<RevocationData> usable(X509Certificate certificate, ChainValidation chain, ValidationRun run) {
        if (chain == null || chain.path() == null) {
            return List.of();
        }
        List<X509Certificate> certs = chain.path().certificates();
        int index = certs.indexOf(certificate);
        if (index < 0 || index >= certs.size() - 1) {
            return List.of();
        }
        List<X509Certificate> pool = new ArrayList<>(run.material().certificateList());
        pool.addAll(chain.path().fetched());
        List<RevocationData> out = new ArrayList<>();
        for (RevocationData d : run.services().revocationChecker().find(certificate, chain.path().issuerOf(index),
                run.material(), pool, run.time(), problem -> { })) {
            if (d.status() != RevocationStatus.UNKNOWN && d.isFreshAt(run.time())) {
                out.add(d);
            }
        }
        return out;
    }
}
