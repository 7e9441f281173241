package dev.vellum.validation.x509;

import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * RFC 5280 §6.1 path processing by the JDK's PKIX validator (basic constraints, path length, name
 * constraints, policies, key usage of CAs, unknown critical extensions). Date and algorithm
 * questions are not asked of it: Vellum judges validity periods per certificate model and
 * algorithms per its crypto policy, so the JDK runs at a date inside every certificate's validity
 * window and its algorithm-constraint complaints are ignored. That makes the answer depend only on
 * the certificates, so it is cached per path. Thread-safe.
 */
public final class Rfc5280Checks {

    private static final int MAX_ENTRIES = 10_000;
    private final ConcurrentHashMap<String, Optional<String>> results = new ConcurrentHashMap<>();

    /** Empty when the path passes, else the reason. */
    public Optional<String> check(CertificatePath path) {
        if (path.size() < 2) {
            return Optional.empty();
        }
        String key = path.certificates().stream().map(Fingerprints::of).collect(Collectors.joining("/"));
        Optional<String> known = results.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> result = run(path);
        if (results.size() >= MAX_ENTRIES) {
            results.clear();
        }
        results.put(key, result);
        return result;
    }

    private static Optional<String> run(CertificatePath path) {
        List<X509Certificate> certs = path.certificates();
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(certs.subList(0, certs.size() - 1));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(path.anchor(), null)));
            params.setRevocationEnabled(false);
            params.setDate(dateInsideAllWindows(certs.subList(0, certs.size() - 1)));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            CertPathValidatorException.Reason reason = e.getReason();
            if (reason == CertPathValidatorException.BasicReason.EXPIRED
                    || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID
                    || reason == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED
                    || (e.getMessage() != null && e.getMessage().contains("Algorithm constraints"))) {
                return Optional.empty();
            }
            int index = e.getIndex();
            String who = index >= 0 && index < certs.size() ? DisplayNames.subject(certs.get(index)) : "the path";
            return Optional.of("RFC 5280 path validation failed at " + who + ": " + e.getMessage());
        } catch (Exception e) {
            return Optional.of("RFC 5280 path validation could not run: " + e.getMessage());
        }
    }

    private static Date dateInsideAllWindows(List<X509Certificate> certs) {
        Date latestStart = certs.stream().map(X509Certificate::getNotBefore).max(Date::compareTo).orElseThrow();
        Date earliestEnd = certs.stream().map(X509Certificate::getNotAfter).min(Date::compareTo).orElseThrow();
        return latestStart.after(earliestEnd) ? earliestEnd : latestStart;
    }
}
