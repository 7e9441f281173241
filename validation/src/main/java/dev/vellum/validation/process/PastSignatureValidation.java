package dev.vellum.validation.process;

import dev.vellum.validation.SubIndication;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolving chain problems with time: EN 319 102-1 §5.5.4 step 4 ("comparing times", with
 * best-signature-time) and §5.6.2.4 past signature validation with §5.6.2.1 past certificate
 * validation (with the proofs of existence gathered by §5.6.2.3). A problem is resolved when the
 * signature (or, for a certificate's own algorithm, the certificate) is proven to have existed
 * before the event that causes it.
 */
public final class PastSignatureValidation {

    private PastSignatureValidation() {
    }

    /** The problems left, and a definitive failure if the times prove one. */
    public record Resolution(List<ChainValidation.Issue> remaining, Conclusion definitiveFailure) {

        public boolean resolved() {
            return remaining.isEmpty() && definitiveFailure == null;
        }

        /** The conclusion these leftovers amount to (PASSED when nothing is left). */
        public Conclusion conclusion() {
            if (definitiveFailure != null) {
                return definitiveFailure;
            }
            if (remaining.isEmpty()) {
                return Conclusion.PASSED;
            }
            ChainValidation.Issue first = remaining.get(0);
            return Conclusion.indeterminate(first.subIndication(), first.message());
        }
    }

    /**
     * @param existedAt the signature is proven to exist at this time (best-signature-time or POE)
     * @param certificatePoe proof of existence of a certificate, for its own algorithm's sunset
     * @param past true in §5.6 (POE-based past validation), false in §5.5
     */
    public static Resolution resolve(ChainValidation chain, X509Certificate signer, Instant existedAt,
                                     Function<X509Certificate, Optional<Instant>> certificatePoe, boolean past) {
        return resolve(chain, signer, existedAt, certificatePoe, id -> Optional.empty(), past);
    }

    /**
     * As above; {@code objectPoe} gives the proof of existence of revocation data by id: §5.6.2.2
     * slides the validation time back to a certificate's expiry only with revocation data proven to
     * exist before it.
     */
    public static Resolution resolve(ChainValidation chain, X509Certificate signer, Instant existedAt,
                                     Function<X509Certificate, Optional<Instant>> certificatePoe,
                                     Function<String, Optional<Instant>> objectPoe, boolean past) {
        return resolve(chain, signer, existedAt, certificatePoe, objectPoe, past, null);
    }

    /**
     * As above, with the control-time of §5.6.2.2 validation time sliding ({@code sliding}, may be
     * null): a revocation or expiry problem is then resolved only if the signature is also proven to
     * exist before control-time (§5.6.2.4), and not at all when the sliding found no proof of existence.
     */
    static Resolution resolve(ChainValidation chain, X509Certificate signer, Instant existedAt,
                              Function<X509Certificate, Optional<Instant>> certificatePoe,
                              Function<String, Optional<Instant>> objectPoe, boolean past,
                              ValidationTimeSliding.Result sliding) {
        List<ChainValidation.Issue> remaining = new ArrayList<>();
        Instant notBefore = signer.getNotBefore().toInstant();
        Instant notAfter = signer.getNotAfter().toInstant();
        for (ChainValidation.Issue issue : chain.issues()) {
            X509Certificate cert = issue.certificate();
            SubIndication sub = issue.subIndication();
            boolean target = issue.index() == 0;
            boolean resolved = switch (sub) {
                case REVOKED_NO_POE, REVOKED_CA_NO_POE -> existedAt.isBefore(issue.eventTime());
                case OUT_OF_BOUNDS_NOT_REVOKED -> target ? within(existedAt, notBefore, notAfter)
                        : past && within(existedAt, cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
                case OUT_OF_BOUNDS_NO_POE -> past && within(existedAt, cert.getNotBefore().toInstant(),
                        cert.getNotAfter().toInstant()) && notRevokedWithPoe(chain, cert, objectPoe);
                case TRY_LATER -> chain.revocationFreshAt(cert, existedAt);
                case CRYPTO_CONSTRAINTS_FAILURE_NO_POE -> past && issue.eventTime() != null
                        && certificatePoe.apply(cert).map(t -> t.isBefore(issue.eventTime())).orElse(false);
                default -> false;
            };
            if (resolved && sliding != null && SLIDING_DECIDES.contains(sub)
                    && (!sliding.passed() || !existedAt.isBefore(sliding.controlTime()))) {
                remaining.add(new ChainValidation.Issue(issue.index(), cert, sub, issue.message() + "; validation time sliding: "
                        + sliding.failure().orElse("the signature is not proven to exist before control-time "
                        + sliding.controlTime()), issue.eventTime()));
                continue;
            }
            if (!resolved) {
                remaining.add(issue);
            }
        }
        // §5.5.4 4) a)i, b), d): a signature proven to exist before its certificate was issued.
        boolean timingIssue = chain.issues().stream().anyMatch(i -> i.index() == 0 && (i.subIndication() == SubIndication.REVOKED_NO_POE
                || i.subIndication() == SubIndication.OUT_OF_BOUNDS_NO_POE || i.subIndication() == SubIndication.OUT_OF_BOUNDS_NOT_REVOKED));
        if ((chain.passed() || timingIssue) && existedAt.isBefore(notBefore)) {
            return new Resolution(remaining, Conclusion.failed(SubIndication.NOT_YET_VALID,
                    "the signature existed at " + existedAt + ", before its certificate was issued (" + notBefore + ")"));
        }
        // §5.5.4 4) a)iii: revoked after the proven time but also expired by then.
        List<ChainValidation.Issue> adjusted = new ArrayList<>();
        for (ChainValidation.Issue i : remaining) {
            adjusted.add(i);
        }
        boolean revokedResolved = chain.issues().stream().anyMatch(i -> i.index() == 0 && i.subIndication() == SubIndication.REVOKED_NO_POE)
                && remaining.stream().noneMatch(i -> i.index() == 0 && i.subIndication() == SubIndication.REVOKED_NO_POE);
        if (revokedResolved && existedAt.isAfter(notAfter) && !past) {
            adjusted.add(0, new ChainValidation.Issue(0, signer, SubIndication.OUT_OF_BOUNDS_NOT_REVOKED,
                    "the signature is proven only after its certificate expired (" + notAfter + ")", notAfter));
        }
        return new Resolution(adjusted, null);
    }

    /** The problems §5.6.2.4 resolves with the control-time of §5.6.2.2. */
    private static final java.util.Set<SubIndication> SLIDING_DECIDES = java.util.EnumSet.of(SubIndication.REVOKED_NO_POE,
            SubIndication.REVOKED_CA_NO_POE, SubIndication.OUT_OF_BOUNDS_NO_POE, SubIndication.OUT_OF_BOUNDS_NOT_REVOKED,
            SubIndication.TRY_LATER);

    // §5.6.2.1 past certificate validation of an expired certificate: revocation data saying GOOD, proven to exist before the expiry.
    private static boolean notRevokedWithPoe(ChainValidation chain, X509Certificate cert,
                                             Function<String, Optional<Instant>> objectPoe) {
        java.util.List<dev.vellum.validation.revocation.RevocationData> data =
                chain.revocation().get(dev.vellum.validation.x509.Fingerprints.of(cert));
        if (data == null) {
            return false;
        }
        Instant notAfter = cert.getNotAfter().toInstant();
        return data.stream().anyMatch(d -> d.status() == dev.vellum.validation.revocation.RevocationStatus.GOOD
                && objectPoe.apply(d.id()).map(t -> !t.isAfter(notAfter)).orElse(false));
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && !t.isAfter(to);
    }
}
