package dev.vellum.formats.support;

import dev.vellum.formats.create.SigningKey;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The shared test PKI wired for es-formats tests: keys, a live TSA client and a validation-data source. */
public final class Pki {
    private Pki() {
    }

    public static TestPki pki() {
        return TestPki.shared();
    }

    public static SigningKey key(KeyType type) {
        Credential c = pki().signer(type);
        return SigningKey.of(c.privateKey(), c.chain());
    }

    public static X509Certificate root() {
        return pki().root().certificate();
    }

    /** RFC 3161 over HTTP to the testkit TSA on 127.0.0.1, tokens verified against the test root. */
    public static TimestampSource tsa() {
        return HttpTimestampClient.builder(pki().services().tsaUrl())
                .verifier(TokenVerifier.builder().clock(pki().clock()).trustAnchor(root()).build())
                .build();
    }

    public static TestkitValidationDataSource validationData() {
        List<X509Certificate> pool = new ArrayList<>();
        pool.add(pki().intermediate().certificate());
        pool.add(pki().tsa().certificate());
        pool.add(pki().ocspResponder().certificate());
        return new TestkitValidationDataSource(List.of(root()), pool, true);
    }
}
