package dev.vellum.validation.policy;

import dev.vellum.policy.model.CertificateTrustPoint;
import dev.vellum.validation.x509.DisplayNames;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AttributeCertificate;
import org.bouncycastle.cert.X509AttributeCertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * RFC 3125 AttributeTrustCondition.attrCertificateTrustTrees for one attribute certificate (RFC 5755):
 * it is the signer's (holder), valid at the signing time, signed by an attribute authority whose
 * certificate is at hand, and the authority's certificate chains, signature by signature, to one of
 * the policy's trust points. Revocation of the attribute certificate and of the authority (attrRevReq)
 * is not checked here. Stateless.
 */
final class AttributeCertificatePath {

    private static final int MAX_DEPTH = 10;

    /** The authority's chain (authority first, trust point last), or why there is none. */
    record Result(List<X509Certificate> chain, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private AttributeCertificatePath() {
    }

    static Result check(AttributeCertificate ac, X509Certificate signer, Instant signingTime,
                        List<X509Certificate> atHand, List<CertificateTrustPoint> trees) {
        X509AttributeCertificateHolder holder = new X509AttributeCertificateHolder(ac);
        try {
            if (!holder.getHolder().match(new JcaX509CertificateHolder(signer))) {
                return failure("the attribute certificate's holder is not the signer's certificate");
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            return failure("the signer's certificate cannot be read: " + e.getMessage());
        }
        if (!holder.isValidOn(Date.from(signingTime))) {
            return failure("the attribute certificate is not valid at the signing time " + signingTime + " (valid "
                    + holder.getNotBefore().toInstant() + " to " + holder.getNotAfter().toInstant() + ")");
        }
        List<X509Certificate> candidates = new ArrayList<>(atHand);
        trees.forEach(t -> candidates.add(t.certificate()));
        Optional<X509Certificate> authority = candidates.stream().filter(c -> signedBy(holder, c)).findFirst();
        if (authority.isEmpty()) {
            return failure("no certificate at hand verifies the attribute certificate's signature (issuer "
                    + holder.getIssuer().getNames()[0] + ")");
        }
        List<X509Certificate> chain = new ArrayList<>(List.of(authority.get()));
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            X509Certificate current = chain.get(chain.size() - 1);
            if (trees.stream().anyMatch(t -> t.certificate().equals(current))) {
                return new Result(chain, null);
            }
            Optional<X509Certificate> issuer = candidates.stream().filter(c -> !chain.contains(c))
                    .filter(c -> issued(current, c)).findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
        }
        return new Result(chain, "the attribute authority " + DisplayNames.subject(authority.get())
                + " does not chain to any of the policy's " + trees.size() + " attribute trust point(s)");
    }

    private static boolean signedBy(X509AttributeCertificateHolder ac, X509Certificate candidate) {
        try {
            return ac.isSignatureValid(new JcaContentVerifierProviderBuilder().build(candidate));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean issued(X509Certificate child, X509Certificate issuer) {
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Result failure(String problem) {
        return new Result(List.of(), problem);
    }
}
