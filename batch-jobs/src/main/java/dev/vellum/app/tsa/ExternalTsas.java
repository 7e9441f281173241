package dev.vellum.app.tsa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.context.SecretFile;
import dev.vellum.app.context.VellumProperties;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.failover.FailoverTimestampSource;
import dev.vellum.timestamping.failover.RetryPolicy;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.verify.TokenVerifier;
import dev.vellum.validation.trust.TrustAnchors;

/**
 * Builds the failover chain of external TSAs from {@code vellum.tsa.*}: one verifying HTTP client per
 * source (basic auth, TLS client certificate, requested policy), in the configured order, with
 * timestamping's retry and circuit breaker, and the embedded TSA last when {@code fallback-to-embedded}.
 * A configuration that cannot work (no source, unreadable password or key file) is refused when the
 * archive opens a job that needs it, naming the setting.
 */
final class ExternalTsas {
    private ExternalTsas() {
    }

    static FailoverTimestampSource failover(VellumProperties.Tsa settings, Clock clock, TimestampSource embeddedFallback) {
        if (settings.sources().isEmpty()) {
            throw new ArchiveUnavailableException("vellum.upgrade.tsa=external needs at least one vellum.tsa.sources[n].url");
        }
        List<X509Certificate> roots = roots(settings);
        if (roots.isEmpty()) {
            throw new ArchiveUnavailableException("vellum.upgrade.tsa=external needs vellum.tsa.trust: the roots the "
                    + "external TSAs' certificates chain to (tokens are verified before they are used)");
        }
        // genTime is compared with the application clock, so --now runs agree with their TSAs.
        TokenVerifier.Builder verifier = TokenVerifier.builder().clock(clock);
        roots.forEach(verifier::trustAnchor);
        TokenVerifier tokens = verifier.build();
        FailoverTimestampSource.Builder chain = FailoverTimestampSource.builder()
                .retry(new RetryPolicy(Math.max(1, settings.attempts()), settings.retryBackoff(),
                        settings.retryBackoff().multipliedBy(8), 2.0, 0.5));
        for (int i = 0; i < settings.sources().size(); i++) {
            chain.add(client(settings, settings.sources().get(i), i, tokens));
        }
        if (embeddedFallback != null) {
            chain.add("embedded", embeddedFallback);
        }
        return chain.build();
    }

    static List<X509Certificate> roots(VellumProperties.Tsa settings) {
        List<X509Certificate> roots = new ArrayList<>();
        for (Path path : settings.trust()) {
            try {
                roots.addAll(TrustAnchors.fromPath(path).certificates());
            } catch (RuntimeException e) {
                throw new ArchiveUnavailableException("vellum.tsa.trust: cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return roots;
    }

    private static HttpTimestampClient client(VellumProperties.Tsa settings, VellumProperties.TsaSource source, int index,
                                              TokenVerifier tokens) {
        String key = "vellum.tsa.sources[" + index + "]";
        if (source.url() == null) {
            throw new ArchiveUnavailableException(key + ".url is missing");
        }
        HttpTimestampClient.Builder client;
        try {
            client = HttpTimestampClient.builder(source.url());
        } catch (RuntimeException e) {
            throw new ArchiveUnavailableException(key + ".url: " + e.getMessage(), e);
        }
        client.name(source.name() != null && !source.name().isBlank() ? source.name() : source.url().toString())
                .connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.requestTimeout())
                .verifier(tokens);
        if (source.policy() != null && !source.policy().isBlank()) {
            client.requestPolicy(source.policy());
        }
        if (source.username() != null) {
            char[] password = source.passwordFile() != null ? SecretFile.read(source.passwordFile(), key + ".password-file")
                    : source.password() != null ? source.password().toCharArray() : null;
            if (password == null) {
                throw new ArchiveUnavailableException(key + ".username needs " + key + ".password-file (or .password)");
            }
            client.basicAuth(source.username(), password);
        }
        if (source.clientCertificate() != null) {
            char[] password = source.clientCertificatePasswordFile() == null ? new char[0]
                    : SecretFile.read(source.clientCertificatePasswordFile(), key + ".client-certificate-password-file");
            client.clientCertificate(pkcs12(source.clientCertificate(), password, key + ".client-certificate"), password,
                    source.serverTrust() == null ? null : trustStore(source.serverTrust(), key + ".server-trust"));
        } else if (source.serverTrust() != null) {
            throw new ArchiveUnavailableException(key + ".server-trust is only used with " + key + ".client-certificate");
        }
        return client.build();
    }

    private static KeyStore pkcs12(Path file, char[] password, String setting) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ArchiveUnavailableException(setting + ": cannot open the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(Path pem, String setting) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (X509Certificate c : TrustAnchors.readCertificates(pem)) {
                store.setCertificateEntry("server-trust-" + n++, c);
            }
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ArchiveUnavailableException(setting + ": cannot read " + pem + ": " + e.getMessage(), e);
        }
    }
}
