package dev.vellum.testkit.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.TestPki;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each protocol failure is refused for the reason its name gives (the checks the timestamping client must make). */
@SuppressWarnings("try") // the failure switches are held only to be closed
class NamedFailuresTest {
    private static final TestPki PKI = TestPki.shared();
    private static final RelyingParty CLIENT = new RelyingParty(PKI, Duration.ofSeconds(15));

    @AfterEach
    void reset() {
        PKI.services().resetAll();
    }

    static Stream<Arguments> tsaFailures() {
        return Stream.of(
                Arguments.of(FailureMode.WRONG_NONCE, "wrong nonce"),
                Arguments.of(FailureMode.MISSING_NONCE, "wrong nonce"),
                Arguments.of(FailureMode.WRONG_IMPRINT, "different message imprint digest"),
                Arguments.of(FailureMode.WRONG_DIGEST_ALGORITHM, "different message imprint algorithm"),
                Arguments.of(FailureMode.WRONG_POLICY, "unexpected TSA policy 2.999.3161.99"),
                Arguments.of(FailureMode.REJECTION, "status 2"),
                Arguments.of(FailureMode.WAITING, "status 3"),
                Arguments.of(FailureMode.GRANTED_WITHOUT_TOKEN, "granted without a token"),
                Arguments.of(FailureMode.UNSIGNED_TOKEN, "unparsable"),
                Arguments.of(FailureMode.CERT_NOT_INCLUDED, "not included"),
                Arguments.of(FailureMode.BAD_SIGNATURE, "token does not validate"),
                Arguments.of(FailureMode.WRONG_SIGNING_CERTIFICATE, "certificate hash does not match certID hash"),
                Arguments.of(FailureMode.TSA_CERT_EKU_NOT_CRITICAL, "marked as critical"),
                Arguments.of(FailureMode.TSA_CERT_EXTRA_EKU, "not solely time stamping"),
                Arguments.of(FailureMode.TSA_CERT_WITHOUT_EKU, "must have an ExtendedKeyUsage extension"),
                Arguments.of(FailureMode.TSA_CERT_EXPIRED, "not valid when time stamp created"),
                Arguments.of(FailureMode.TSA_CERT_UNTRUSTED, "untrusted TSA certificate"),
                Arguments.of(FailureMode.GEN_TIME_SKEWED, "genTime"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tsaFailures")
    void tsaFailures(FailureMode mode, String reason) {
        try (var failing = PKI.services().tsa().failWith(mode)) {
            assertThat(CLIENT.check(PKI.services().tsa())).containsIgnoringCase(reason);
        }
    }

    static Stream<Arguments> ocspFailures() {
        return Stream.of(
                Arguments.of(FailureMode.MALFORMED_REQUEST, "responseStatus 1"),
                Arguments.of(FailureMode.INTERNAL_ERROR, "responseStatus 2"),
                Arguments.of(FailureMode.TRY_LATER, "responseStatus 3"),
                Arguments.of(FailureMode.SIG_REQUIRED, "responseStatus 5"),
                Arguments.of(FailureMode.UNAUTHORIZED, "responseStatus 6"),
                Arguments.of(FailureMode.WRONG_NONCE, "nonce not echoed"),
                Arguments.of(FailureMode.MISSING_NONCE, "nonce not echoed"),
                Arguments.of(FailureMode.BAD_SIGNATURE, "signature does not verify"),
                Arguments.of(FailureMode.STALE, "not current"),
                Arguments.of(FailureMode.UNKNOWN_STATUS, "UnknownStatus"),
                Arguments.of(FailureMode.WRONG_CERT_ID, "another certificate"),
                Arguments.of(FailureMode.RESPONDER_NOT_AUTHORIZED, "not authorized"),
                Arguments.of(FailureMode.RESPONDER_UNTRUSTED, "not issued by the CA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ocspFailures")
    void ocspFailures(FailureMode mode, String reason) {
        try (var failing = PKI.services().ocsp().failWith(mode)) {
            assertThat(CLIENT.check(PKI.services().ocsp())).contains(reason);
        }
    }

    static Stream<Arguments> crlAndCaIssuersFailures() {
        return Stream.of(
                Arguments.of("crl", FailureMode.BAD_SIGNATURE, "signature does not verify"),
                Arguments.of("crl", FailureMode.STALE, "CRL expired"),
                Arguments.of("crl", FailureMode.WRONG_ISSUER, "CRL issued by CN=Untrusted Test Root CA"),
                Arguments.of("crl", FailureMode.PEM_ENCODED, "not DER"),
                Arguments.of("ca-issuers", FailureMode.WRONG_CERTIFICATE, "caIssuers served CN=Untrusted Test Root CA"),
                Arguments.of("crl", FailureMode.HTTP_500, "HTTP 500"),
                Arguments.of("crl", FailureMode.HTML_ERROR_PAGE, "content type text/html"),
                Arguments.of("crl", FailureMode.OVERSIZED, "declared larger"),
                Arguments.of("crl", FailureMode.OVERSIZED_CHUNKED, "larger than"),
                Arguments.of("crl", FailureMode.GARBAGE, "unparsable CRL"),
                Arguments.of("crl", FailureMode.DOWN, "ConnectException"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("crlAndCaIssuersFailures")
    void crlAndCaIssuersFailures(String serviceName, FailureMode mode, String reason) {
        HttpService service = serviceName.equals("crl") ? PKI.services().crl() : PKI.services().caIssuers();
        try (var failing = service.failWith(mode)) {
            assertThat(CLIENT.check(service)).contains(reason);
        }
    }
}
