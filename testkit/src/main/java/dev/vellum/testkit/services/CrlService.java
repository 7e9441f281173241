package dev.vellum.testkit.services;

import dev.vellum.testkit.pki.CrlBuilder;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CRL distribution points: {@code GET /crl/<ca>.crl} serves a DER CRL of that CA made at the PKI clock's now
 * ({@code application/pkix-crl}); {@code GET /crl/<ca>-delta.crl} a delta CRL against the last full CRL served.
 */
public final class CrlService extends HttpService {
    private static final String PREFIX = "/crl/";

    private final TestPki pki;
    private final Map<String, X509CRL> lastFullCrl = new ConcurrentHashMap<>();
    private volatile boolean advertiseDeltas;

    CrlService(TestPki pki) {
        super("crl", pki.clock(), EnumSet.of(FailureMode.BAD_SIGNATURE, FailureMode.STALE,
                FailureMode.WRONG_ISSUER, FailureMode.PEM_ENCODED));
        this.pki = pki;
    }

    /** The URL of the issuer's full CRL, as in its certificates' CRL distribution points. */
    public URI url(Credential issuer) {
        return baseUrl().resolve(PREFIX + issuer.name() + ".crl");
    }

    /** The URL of the issuer's delta CRL. */
    public URI deltaUrl(Credential issuer) {
        return baseUrl().resolve(PREFIX + issuer.name() + "-delta.crl");
    }

    /** Whether full CRLs carry a freshestCRL extension pointing at the delta URL (default false). */
    public void advertiseDeltas(boolean advertise) {
        this.advertiseDeltas = advertise;
    }

    @Override
    String contentType() {
        return "application/pkix-crl";
    }

    @Override
    Reply serve(RecordedRequest request, FailureMode failure) throws Exception {
        Optional<String> file = pathAfter(request, PREFIX);
        if (!request.method().equals("GET") || file.isEmpty() || !file.get().endsWith(".crl")) {
            return Reply.text(404, "no CRL at " + request.path());
        }
        String stem = file.get().substring(0, file.get().length() - ".crl".length());
        boolean delta = stem.endsWith("-delta");
        String caName = delta ? stem.substring(0, stem.length() - "-delta".length()) : stem;
        Optional<Credential> ca = pki.certificateAuthority(caName);
        if (ca.isEmpty()) {
            return Reply.text(404, "no CA named " + caName);
        }
        CrlBuilder builder = pki.crl(ca.get());
        if (delta) {
            builder.deltaOf(lastFullCrl.computeIfAbsent(caName, n -> pki.crl(ca.get()).build()));
        } else if (advertiseDeltas) {
            builder.freshestCrl(deltaUrl(ca.get()));
        }
        Instant now = pki.clock().instant();
        if (failure != null) {
            switch (failure) {
                case BAD_SIGNATURE -> builder.badSignature();
                case STALE -> builder.at(now.minus(Duration.ofDays(14))).nextUpdate(now.minus(Duration.ofDays(7)));
                case WRONG_ISSUER -> builder.signedBy(caName.equals(pki.untrustedRoot().name())
                        ? pki.root() : pki.untrustedRoot());
                default -> {
                    // PEM_ENCODED changes only the encoding, below
                }
            }
        }
        X509CRL crl = builder.build();
        if (!delta && failure == null) {
            lastFullCrl.put(caName, crl);
        }
        if (failure == FailureMode.PEM_ENCODED) {
            return Reply.ok(contentType(), Pem.encode("X509 CRL", crl.getEncoded()).getBytes(StandardCharsets.US_ASCII));
        }
        return Reply.ok(contentType(), crl.getEncoded());
    }
}
