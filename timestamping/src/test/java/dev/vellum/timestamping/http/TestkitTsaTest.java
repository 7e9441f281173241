package dev.vellum.timestamping.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.services.FailureMode;
import dev.vellum.testkit.services.TsaService;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our client against the testkit's live TSA: every verification failure provoked by a failure switch and named. */
class TestkitTsaTest {
    private static final byte[] DIGEST = DigestAlgorithm.SHA256.digest(new byte[] {4, 9, 9, 8});
    private final TestPki pki = TestPki.shared();
    private final TsaService tsa = pki.services().tsa();

    @AfterEach
    void reset() {
        pki.services().resetAll();
    }

    private HttpTimestampClient client() {
        TokenVerifier.Builder verifier = TokenVerifier.builder().clock(pki.clock());
        for (X509Certificate anchor : pki.trustAnchors()) {
            verifier.trustAnchor(anchor);
        }
        return HttpTimestampClient.builder(tsa.url()).name("testkit-tsa")
                .requestPolicy(TestPki.TSA_POLICY.getId())
                .requestTimeout(Duration.ofSeconds(2))
                .verifier(verifier.build())
                .build();
    }

    @Test
    void aWellBehavedTsaGivesAVerifiedTokenWithEverythingAsked() {
        TimeStampToken token = client().timestamp(DigestAlgorithm.SHA256, DIGEST);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(TestPki.TSA_POLICY);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(DIGEST);
        assertThat(tsa.requestCount()).isEqualTo(1);
        assertThat(tsa.lastRequest().orElseThrow().header("Content-Type")).contains("application/timestamp-query");
    }

    /** RFC 3161 §2.4.1: what we send — a fresh random 64-bit nonce each time, certReq, the asked policy. */
    @Test
    void eachRequestCarriesAFreshNonceCertReqAndTheRequestedPolicy() throws Exception {
        List<BigInteger> nonces = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            client().timestamp(DigestAlgorithm.SHA256, DIGEST);
            TimeStampRequest sent = new TimeStampRequest(tsa.lastRequest().orElseThrow().body());
            assertThat(sent.getCertReq()).isTrue();
            assertThat(sent.getReqPolicy()).isEqualTo(TestPki.TSA_POLICY);
            assertThat(sent.getMessageImprintAlgOID().getId()).isEqualTo(DigestAlgorithm.SHA256.oid());
            assertThat(sent.getMessageImprintDigest()).isEqualTo(DIGEST);
            assertThat(sent.getNonce()).isNotNull();
            assertThat(sent.getNonce().signum()).isNotNegative();
            assertThat(sent.getNonce().bitLength()).isLessThanOrEqualTo(64);
            nonces.add(sent.getNonce());
        }
        assertThat(nonces).doesNotHaveDuplicates();
    }

    @Test
    void essCertIdVersionOneTokensAreAcceptedToo() {
        tsa.essCertIdV1(true);
        try {
            assertThat(client().timestamp(DigestAlgorithm.SHA512, DigestAlgorithm.SHA512.digest(DIGEST))).isNotNull();
        } finally {
            tsa.essCertIdV1(false);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "HTTP_500, HTTP_STATUS",
        "NOT_FOUND, HTTP_STATUS",
        "DOWN, CONNECTION",
        "CONNECTION_CLOSED, CONNECTION",
        "TIMEOUT, TIMEOUT",
        "GARBAGE, MALFORMED_RESPONSE",
        "EMPTY_BODY, MALFORMED_RESPONSE",
        "TRUNCATED, MALFORMED_RESPONSE",
        "HTML_ERROR_PAGE, NOT_A_TIMESTAMP_REPLY",
        "WRONG_CONTENT_TYPE, NOT_A_TIMESTAMP_REPLY",
        "OVERSIZED, RESPONSE_TOO_LARGE",
        "OVERSIZED_CHUNKED, RESPONSE_TOO_LARGE",
        "REJECTION, STATUS_NOT_GRANTED",
        "WAITING, STATUS_NOT_GRANTED",
        "GRANTED_WITHOUT_TOKEN, MALFORMED_RESPONSE",
        "UNSIGNED_TOKEN, MALFORMED_RESPONSE",
        "WRONG_NONCE, NONCE_MISMATCH",
        "MISSING_NONCE, NONCE_MISMATCH",
        "WRONG_IMPRINT, IMPRINT_MISMATCH",
        "WRONG_DIGEST_ALGORITHM, IMPRINT_ALGORITHM_MISMATCH",
        "WRONG_POLICY, POLICY_MISMATCH",
        "CERT_NOT_INCLUDED, SIGNER_CERTIFICATE_MISSING",
        "WRONG_SIGNING_CERTIFICATE, ESS_CERT_ID_MISMATCH",
        "TSA_CERT_EKU_NOT_CRITICAL, EXTENDED_KEY_USAGE",
        "TSA_CERT_EXTRA_EKU, EXTENDED_KEY_USAGE",
        "TSA_CERT_WITHOUT_EKU, EXTENDED_KEY_USAGE",
        "BAD_SIGNATURE, SIGNATURE_INVALID",
        "TSA_CERT_EXPIRED, CERTIFICATE_NOT_VALID_AT_GEN_TIME",
        "TSA_CERT_UNTRUSTED, UNTRUSTED_TSA",
        "GEN_TIME_SKEWED, GEN_TIME_SKEW",
    })
    void everyFailureSwitchIsRefusedAndNamed(FailureMode mode, TsaFailure expected) {
        tsa.hangFor(Duration.ofSeconds(5));
        try (var failing = tsa.failWith(mode)) {
            assertThatThrownBy(() -> client().timestamp(DigestAlgorithm.SHA256, DIGEST))
                    .isInstanceOfSatisfying(TsaException.class, e -> {
                        assertThat(e.failure()).as(e.getMessage()).isEqualTo(expected);
                        assertThat(e.tsa()).isEqualTo("testkit-tsa");
                    })
                    .hasMessageStartingWith("TSA testkit-tsa: " + expected.check() + " check failed: ");
        }
    }

    @Test
    void basicAuthIsSentWhenConfigured() {
        tsa.requireBasicAuth("archive", "s3cret");
        try {
            assertThatThrownBy(() -> client().timestamp(DigestAlgorithm.SHA256, DIGEST))
                    .isInstanceOfSatisfying(TsaException.class, e -> {
                        assertThat(e.failure()).isEqualTo(TsaFailure.HTTP_STATUS);
                        assertThat(e.retryable()).isFalse();
                    }).hasMessageContaining("HTTP 401");
            HttpTimestampClient authenticated = HttpTimestampClient.builder(tsa.url())
                    .basicAuth("archive", "s3cret".toCharArray())
                    .verifier(TokenVerifier.builder().clock(pki.clock()).build()).build();
            assertThat(authenticated.timestamp(DigestAlgorithm.SHA256, DIGEST)).isNotNull();
        } finally {
            tsa.requireBasicAuth(null, null);
        }
    }
}
