package dev.vellum.testkit.services;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.TestPki;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live services of a {@link TestPki}, each on its own 127.0.0.1 port: TSA, CRL distribution points,
 * OCSP responder and caIssuers. A test can start more TSAs; all stop with the PKI.
 */
public final class PkiServices implements AutoCloseable {
    private final TestPki pki;
    private final TsaService tsa;
    private final CrlService crl;
    private final OcspService ocsp;
    private final CaIssuersService caIssuers;
    private final List<TsaService> extraTsas = new CopyOnWriteArrayList<>();

    private PkiServices(TestPki pki) {
        this.pki = pki;
        List<HttpService> started = new ArrayList<>();
        try {
            tsa = add(started, new TsaService(pki, "tsa", null));
            crl = add(started, new CrlService(pki));
            ocsp = add(started, new OcspService(pki));
            caIssuers = add(started, new CaIssuersService(pki));
        } catch (RuntimeException e) {
            started.forEach(HttpService::close);
            throw e;
        }
    }

    /** Bind the services of a PKI; {@link TestPki} does this itself before issuing any certificate. */
    public static PkiServices start(TestPki pki) {
        return new PkiServices(pki);
    }

    /** The RFC 3161 TSA signing with {@link TestPki#tsa()}. */
    public TsaService tsa() {
        return tsa;
    }

    /** The CRL distribution points of every CA. */
    public CrlService crl() {
        return crl;
    }

    /** The OCSP responder for every CA. */
    public OcspService ocsp() {
        return ocsp;
    }

    /** The AIA caIssuers certificates of every CA. */
    public CaIssuersService caIssuers() {
        return caIssuers;
    }

    /** Where to POST RFC 3161 requests. */
    public URI tsaUrl() {
        return tsa.url();
    }

    /** The issuer's CRL distribution point. */
    public URI crlUrl(Credential issuer) {
        return crl.url(issuer);
    }

    /** The issuer's delta CRL. */
    public URI deltaCrlUrl(Credential issuer) {
        return crl.deltaUrl(issuer);
    }

    /** The OCSP responder, for every CA of the PKI. */
    public URI ocspUrl() {
        return ocsp.url();
    }

    /** The issuer's certificate (DER), as in the AIA caIssuers of what it issued. */
    public URI caIssuersUrl(Credential issuer) {
        return caIssuers.url(issuer);
    }

    /** The issuer's certificate as a certs-only PKCS#7. */
    public URI caIssuersPkcs7Url(Credential issuer) {
        return caIssuers.pkcs7Url(issuer);
    }

    /**
     * Start another TSA on its own port signing with {@code tsaCredential} (failover scenarios); it has its own
     * failure switches and request log and stops with the PKI.
     */
    public TsaService startTsa(Credential tsaCredential) {
        TsaService extra = new TsaService(pki, "tsa-" + (extraTsas.size() + 2), tsaCredential);
        extraTsas.add(extra);
        return extra;
    }

    /** Every running service. */
    public List<HttpService> all() {
        List<HttpService> all = new ArrayList<>(List.of(tsa, crl, ocsp, caIssuers));
        all.addAll(extraTsas);
        return all;
    }

    /** Switch every failure off and clear every request log (for tests sharing {@link TestPki#shared()}). */
    public void resetAll() {
        for (HttpService service : all()) {
            service.reset();
            service.clearRequests();
        }
    }

    /** Stop every service. */
    @Override
    public void close() {
        all().forEach(HttpService::close);
    }

    private static <S extends HttpService> S add(List<HttpService> started, S service) {
        started.add(service);
        return service;
    }
}
