package dev.vellum.validation.process;

import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.revocation.CrlCache;
import dev.vellum.validation.revocation.RevocationChecker;
import dev.vellum.validation.trust.TrustStore;
import dev.vellum.validation.x509.CertificateModel;
import dev.vellum.validation.x509.CertificatePathBuilder;
import dev.vellum.validation.x509.Rfc5280Checks;
import dev.vellum.validation.x509.SignatureCheckCache;
import java.util.Objects;

/**
 * The long-lived, thread-safe parts every validation shares: trust, crypto policy, the fetcher and
 * the caches of immutable work. One instance serves a whole batch.
 */
public final class ValidationServices {

    private final TrustStore trust;
    private final CryptoSuitabilityPolicy cryptoPolicy;
    private final CertificateModel certificateModel;
    private final Fetcher fetcher;
    private final SignatureCheckCache signatureChecks = new SignatureCheckCache();
    private final CrlCache crlCache = new CrlCache();
    private final Rfc5280Checks rfc5280 = new Rfc5280Checks();
    private final ChainValidationCache chainValidations = new ChainValidationCache();
    private final CertificatePathBuilder pathBuilder;
    private final RevocationChecker revocationChecker;

    public ValidationServices(TrustStore trust, CryptoSuitabilityPolicy cryptoPolicy, CertificateModel model,
                              Fetcher fetcher) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.cryptoPolicy = Objects.requireNonNull(cryptoPolicy, "cryptoPolicy");
        this.certificateModel = Objects.requireNonNull(model, "model");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.pathBuilder = new CertificatePathBuilder(fetcher, signatureChecks);
        this.revocationChecker = new RevocationChecker(fetcher, signatureChecks, crlCache);
    }

    public TrustStore trust() { return trust; }
    public CryptoSuitabilityPolicy cryptoPolicy() { return cryptoPolicy; }
    public CertificateModel certificateModel() { return certificateModel; }
    public Fetcher fetcher() { return fetcher; }
    public SignatureCheckCache signatureChecks() { return signatureChecks; }
    public CrlCache crlCache() { return crlCache; }
    public Rfc5280Checks rfc5280() { return rfc5280; }
    public ChainValidationCache chainValidations() { return chainValidations; }
    public CertificatePathBuilder pathBuilder() { return pathBuilder; }
    public RevocationChecker revocationChecker() { return revocationChecker; }
}
