package dev.vellum.validation.process;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.Suitability;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.x509.CertificatePath;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Output of the X.509 certificate validation building block (EN 319 102-1 §5.2.6).
 *
 * @param indication PASSED, FAILED or INDETERMINATE
 * @param subIndication why, or null when PASSED
 * @param message the reason, for people
 * @param path the chain, when one was built
 * @param certificates per-certificate outcome, target first
 * @param revocation the revocation data that decided each certificate's status, by certificate id
 * @param revocationTime the revocation time of the certificate that made it REVOKED(_CA)_NO_POE
 * @param cryptoIssues certificate signatures the crypto policy rejects at the validation time
 * @param issues every problem found, target certificate first, in the order of §5.2.6's checks
 */
public record ChainValidation(Indication indication, SubIndication subIndication, String message,
                              CertificatePath path, List<CertificateReport> certificates,
                              Map<String, List<RevocationData>> revocation, Instant revocationTime,
                              List<CryptoIssue> cryptoIssues, List<Issue> issues) {

    /**
     * One problem with one certificate of the chain.
     *
     * @param index position in the path (0 = target)
     * @param eventTime the time that matters for later resolution with a POE: the revocation time
     *     (REVOKED*), the end of validity (OUT_OF_BOUNDS*), the algorithm sunset (CRYPTO*), else null
     */
    public record Issue(int index, X509Certificate certificate, SubIndication subIndication, String message,
                        Instant eventTime) {
    }

    /** A certificate (or other object) whose algorithm the policy no longer accepts. */
    public record CryptoIssue(X509Certificate certificate, Suitability suitability) {
    }

    public ChainValidation {
        certificates = List.copyOf(certificates);
        revocation = Map.copyOf(revocation);
        cryptoIssues = List.copyOf(cryptoIssues);
        issues = List.copyOf(issues);
    }

    /** Whether every certificate that needs revocation data has some that is fresh at {@code time}. */
    public boolean revocationFreshAt(X509Certificate certificate, Instant time) {
        List<RevocationData> data = revocation.get(dev.vellum.validation.x509.Fingerprints.of(certificate));
        return data != null && data.stream().anyMatch(d -> d.isFreshAt(time)
                && d.status() != dev.vellum.validation.revocation.RevocationStatus.UNKNOWN);
    }

    public boolean passed() {
        return indication == Indication.PASSED;
    }

    public X509Certificate target() {
        return path == null ? null : path.target();
    }
}
