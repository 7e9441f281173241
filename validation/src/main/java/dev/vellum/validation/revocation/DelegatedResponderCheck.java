package dev.vellum.validation.revocation;

import dev.vellum.validation.x509.DisplayNames;
import dev.vellum.validation.x509.CertificateRole;
import dev.vellum.validation.x509.SignatureCheckCache;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The checks on a delegated OCSP responder beyond its authorisation (issued by the CA with
 * id-kp-OCSPSigning, RFC 6960 §4.2.2.2): it must have been valid when it produced the response,
 * and, unless it carries id-pkix-ocsp-nocheck (§4.2.2.2.1), it must not have been revoked by then
 * according to the CA's CRLs at hand. Stateless and thread-safe.
 */
final class DelegatedResponderCheck {

    private final SignatureCheckCache signatures;

    DelegatedResponderCheck(SignatureCheckCache signatures) {
        this.signatures = signatures;
    }

    /** Why a response signed by {@code responder} for {@code issuer}'s certificates must not be used, if it must not. */
    Optional<String> refusal(X509Certificate responder, X509Certificate issuer, Instant producedAt,
                             Supplier<List<ParsedCrl>> crls, Consumer<String> problems) {
        if (isIssuer(responder, issuer)) {
            return Optional.empty();
        }
        String who = DisplayNames.subject(responder);
        if (producedAt.isBefore(responder.getNotBefore().toInstant()) || producedAt.isAfter(responder.getNotAfter().toInstant())) {
            return Optional.of("delegated responder " + who + " was not valid when it produced the response (" + producedAt
                    + "; valid " + responder.getNotBefore().toInstant() + " to " + responder.getNotAfter().toInstant() + ")");
        }
        if (CertificateRole.hasOcspNoCheck(responder)) {
            return Optional.empty();
        }
        // RFC 6960 §4.2.2.2.1: without id-pkix-ocsp-nocheck the responder's own status is checked.
        boolean checked = false;
        for (ParsedCrl crl : crls.get()) {
            if (crl.isDelta() || !crl.issuer().equals(issuer.getSubjectX500Principal())
                    || !signatures.verifies(crl.crl(), crl.encoded(), issuer.getPublicKey())) {
                continue;
            }
            checked = true;
            ParsedCrl.Revoked entry = crl.revoked().get(responder.getSerialNumber());
            if (entry != null && !entry.time().isAfter(producedAt) && !"removeFromCRL".equals(entry.reason())) {
                return Optional.of("delegated responder " + who + " (without id-pkix-ocsp-nocheck) was revoked at "
                        + entry.time() + ", before it produced the response (" + producedAt + ")");
            }
        }
        if (!checked) {
            problems.accept("delegated OCSP responder " + who + " has no id-pkix-ocsp-nocheck and no CRL of "
                    + DisplayNames.subject(issuer) + " is at hand to check it (RFC 6960 §4.2.2.2.1)");
        }
        return Optional.empty();
    }

    private static boolean isIssuer(X509Certificate c, X509Certificate issuer) {
        return c.equals(issuer) || (c.getSubjectX500Principal().equals(issuer.getSubjectX500Principal())
                && Arrays.equals(c.getPublicKey().getEncoded(), issuer.getPublicKey().getEncoded()));
    }
}
