package dev.vellum.validation.process;

import dev.vellum.validation.x509.DisplayNames;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.crypto.Suitability;
import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.revocation.RevocationStatus;
import dev.vellum.validation.x509.CertificateModel;
import dev.vellum.validation.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * EN 319 102-1 §5.6.2.2 validation time sliding: walks the chain from the certificate the trust
 * anchor issued down to the target and slides control-time back to the earliest moment at which
 * the chain is known to have been sound — a revocation (shell model; chain model only for
 * keyCompromise or an unspecified reason) or the sunset of a certificate's signature algorithm.
 * Each step needs revocation data issued before control-time with proofs of existence of it and of
 * the certificate at or before control-time (the validation time being a proof of existence of
 * everything at hand); without it the result is NO_POE.
 *
 * <p>Step 2 c) (sliding to the issuance time of revocation data that is not fresh at control-time)
 * is not applied: like DSS's default policy, Vellum sets no revocation-freshness constraint for past
 * validation, and an expired certificate's status is judged by past certificate validation instead
 * (revocation data proven to exist before the expiry). Stateless.
 */
final class ValidationTimeSliding {

    private ValidationTimeSliding() {
    }

    /**
     * Outcome of the walk.
     *
     * @param controlTime the control-time reached
     * @param failure NO_POE and why, when a certificate had no usable revocation data
     * @param steps what moved control-time, for the report
     */
    record Result(Instant controlTime, Optional<String> failure, List<String> steps) {

        boolean passed() {
            return failure.isEmpty();
        }

        SubIndication subIndication() {
            return passed() ? null : SubIndication.NO_POE;
        }
    }

    /**
     * @param revocationData every revocation data item at hand for a certificate (second argument: its issuer)
     * @param objectPoe the earliest proof of existence of an object by id, if any besides the current time
     */
    static Result slide(ChainValidation chain, BiFunction<X509Certificate, X509Certificate, List<RevocationData>> revocationData,
                        Instant currentTime, Function<String, Optional<Instant>> objectPoe,
                        CryptoSuitabilityPolicy cryptoPolicy, CertificateModel model) {
        // 1) control-time starts at the current time (no trust-anchor sunset date is configured)
        Instant control = currentTime;
        List<String> steps = new ArrayList<>();
        if (chain == null || chain.path() == null) {
            return new Result(control, Optional.of("no certificate chain"), steps);
        }
        List<X509Certificate> certs = chain.path().certificates();
        // 2) from the certificate the anchor issued down to the target
        for (int i = certs.size() - 2; i >= 0; i--) {
            X509Certificate cert = certs.get(i);
            String name = DisplayNames.subject(cert);
            List<RevocationData> data = new ArrayList<>(chain.revocation().getOrDefault(Fingerprints.of(cert), List.of()));
            data.addAll(revocationData.apply(cert, chain.path().issuerOf(i)));
            Instant at = control;
            Function<String, Instant> poe = id -> objectPoe.apply(id).orElse(currentTime);
            // a) revocation data issued before control-time, with POEs of it and of the certificate by then
            List<RevocationData> usable = data.stream()
                    .filter(d -> d.status() != RevocationStatus.UNKNOWN)
                    .filter(d -> !d.issuanceTime().isAfter(at))
                    .filter(d -> !poe.apply(d.id()).isAfter(at))
                    .toList();
            if (usable.isEmpty() || poe.apply(Fingerprints.of(cert)).isAfter(at)) {
                return new Result(control, Optional.of("no revocation data for " + name
                        + " issued and proven to exist at or before control-time " + at + " (EN 319 102-1 §5.6.2.2 step 2 a)"),
                        steps);
            }
            // b) revoked: control-time to the revocation time (shell; chain model only for key compromise or no reason)
            Optional<RevocationData> revoked = usable.stream().filter(d -> d.status() == RevocationStatus.REVOKED)
                    .max(Comparator.comparing(RevocationData::issuanceTime));
            if (revoked.isPresent()) {
                RevocationData r = revoked.get();
                boolean slides = model == CertificateModel.SHELL || r.reason() == null
                        || "keyCompromise".equals(r.reason()) || "unspecified".equals(r.reason());
                if (slides && r.revocationTime().isBefore(control)) {
                    control = r.revocationTime();
                    steps.add(name + " revoked at " + control + ": control-time moved there");
                }
            }
            // d) crypto constraints on the certificate's signature at control-time
            Suitability s = cryptoPolicy.evaluate(X509CertificateValidation.certificateSignatureUse(cert, chain.path().issuerOf(i)));
            if (!s.isSuitableAt(control) && s.suitableBefore().isPresent() && s.suitableBefore().get().isBefore(control)) {
                control = s.suitableBefore().get();
                steps.add("signature algorithm of " + name + " suitable until " + control + ": control-time moved there");
            }
        }
        return new Result(control, Optional.empty(), steps);
    }
}
