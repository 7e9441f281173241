package dev.vellum.validation.x509;

import dev.vellum.validation.fetch.FetchException;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.trust.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a certificate path at a given time (RFC 4158 style, depth-first): issuers are looked up by
 * name among the trust anchors, the certificates at hand (the CMS's, an intermediate pool) and, if
 * none fits, the certificates behind the AIA caIssuers URL, fetched through the {@link Fetcher}.
 * Each link's signature is verified (cached). Candidates valid at the time are tried first.
 */
public final class CertificatePathBuilder {

    private static final int MAX_DEPTH = 10;
    private final Fetcher fetcher;
    private final SignatureCheckCache signatures;

    public CertificatePathBuilder(Fetcher fetcher, SignatureCheckCache signatures) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
    }

    /** A path from {@code target} to one of {@code anchors}, or empty when none can be built. */
    public Optional<CertificatePath> build(X509Certificate target, TrustAnchors anchors,
                                           Collection<X509Certificate> pool, Instant time, Consumer<String> problems) {
        Map<String, X509Certificate> candidates = new LinkedHashMap<>();
        for (X509Certificate c : pool) {
            candidates.putIfAbsent(Fingerprints.of(c), c);
        }
        List<X509Certificate> fetched = new ArrayList<>();
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(target);
        if (extend(chain, anchors, candidates, fetched, time, problems)) {
            List<X509Certificate> usedFetched = fetched.stream().filter(chain::contains).toList();
            return Optional.of(new CertificatePath(chain, usedFetched));
        }
        return Optional.empty();
    }

    private boolean extend(List<X509Certificate> chain, TrustAnchors anchors, Map<String, X509Certificate> pool,
                           List<X509Certificate> fetched, Instant time, Consumer<String> problems) {
        X509Certificate last = chain.get(chain.size() - 1);
        if (anchors.contains(last)) {
            return true;
        }
        if (chain.size() > MAX_DEPTH) {
            return false;
        }
        for (X509Certificate anchor : anchors.bySubject(last.getIssuerX500Principal())) {
            if (!anchor.equals(last) && signatures.verifies(last, anchor.getPublicKey())) {
                chain.add(anchor);
                return true;
            }
        }
        List<X509Certificate> issuers = issuersIn(pool.values(), last, chain, time);
        if (issuers.isEmpty() && !isSelfIssued(last)) {
            for (X509Certificate c : fetchCaIssuers(last, problems)) {
                if (pool.putIfAbsent(Fingerprints.of(c), c) == null) {
                    fetched.add(c);
                }
            }
            issuers = issuersIn(pool.values(), last, chain, time);
        }
        for (X509Certificate issuer : issuers) {
            chain.add(issuer);
            if (extend(chain, anchors, pool, fetched, time, problems)) {
                return true;
            }
            chain.remove(chain.size() - 1);
        }
        return false;
    }

    private List<X509Certificate> issuersIn(Collection<X509Certificate> pool, X509Certificate child,
                                            List<X509Certificate> chain, Instant time) {
        Date at = Date.from(time);
        return pool.stream()
                .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                .filter(c -> !chain.contains(c))
                .filter(c -> signatures.verifies(child, c.getPublicKey()))
                .sorted(Comparator.comparing((X509Certificate c) -> !validAt(c, at)))
                .toList();
    }

    private List<X509Certificate> fetchCaIssuers(X509Certificate child, Consumer<String> problems) {
        List<X509Certificate> out = new ArrayList<>();
        for (URI url : CertificateUrls.caIssuers(child)) {
            if (!fetcher.mayFetch(url)) {
                continue;
            }
            try {
                out.addAll(parse(fetcher.get(url, bytes -> {
                    if (parse(bytes).isEmpty()) {
                        throw new FetchException(url + " did not return a certificate");
                    }
                    return Optional.empty();
                })));
            } catch (FetchException e) {
                problems.accept("caIssuers for " + DisplayNames.subject(child) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** DER or PEM certificate, or a certs-only CMS (.p7c), as RFC 5280 §4.2.2.1 allows. */
    private static List<X509Certificate> parse(byte[] bytes) {
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : f.generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static boolean validAt(X509Certificate c, Date at) {
        return !at.before(c.getNotBefore()) && !at.after(c.getNotAfter());
    }
}
