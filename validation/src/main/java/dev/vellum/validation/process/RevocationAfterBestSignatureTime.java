package dev.vellum.validation.process;

import dev.vellum.validation.x509.DisplayNames;
import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.revocation.RevocationStatus;
import dev.vellum.validation.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * EN 319 102-1 §5.5.4 with §5.2.5: once a time-stamp proves the signature existed at
 * best-signature-time, the signing certificate's status must come from revocation data issued at or
 * after that time — older data cannot show that the key was not compromised before the signature
 * was made. Times are compared at the one-second precision of CRL and OCSP times. Stateless.
 */
final class RevocationAfterBestSignatureTime {

    private RevocationAfterBestSignatureTime() {
    }

    /** Why the signer's revocation data is too old for {@code bestSignatureTime}, or empty when it is not. */
    static Optional<String> problem(ChainValidation chain, X509Certificate signer, Instant bestSignatureTime) {
        List<RevocationData> data = chain == null ? null : chain.revocation().get(Fingerprints.of(signer));
        if (data == null || data.isEmpty()) {
            return Optional.empty(); // no revocation check for this certificate (anchor, or decided elsewhere)
        }
        Instant bound = bestSignatureTime.truncatedTo(ChronoUnit.SECONDS);
        if (data.stream().anyMatch(d -> d.status() != RevocationStatus.UNKNOWN && !d.issuanceTime().isBefore(bound))) {
            return Optional.empty();
        }
        Instant newest = data.stream().map(RevocationData::issuanceTime).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of("the newest revocation data for " + DisplayNames.subject(signer) + " was issued at "
                + newest + ", before the best-signature-time " + bestSignatureTime
                + "; revocation data issued after it is needed (EN 319 102-1 §5.5.4, §5.2.5)");
    }
}
