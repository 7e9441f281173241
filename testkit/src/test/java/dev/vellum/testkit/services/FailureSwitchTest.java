package dev.vellum.testkit.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.pki.TestPki;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure switch of every service makes a careful client refuse the answer; the normal answer passes. */
@SuppressWarnings("try") // the failure switches are held only to be closed
class FailureSwitchTest {
    private static final TestPki PKI = TestPki.shared();
    private static final RelyingParty CLIENT = new RelyingParty(PKI, Duration.ofSeconds(15));
    private static final RelyingParty IMPATIENT_CLIENT = new RelyingParty(PKI, Duration.ofMillis(500));

    @AfterEach
    void reset() {
        PKI.services().resetAll();
    }

    static Stream<Arguments> everySupportedFailure() {
        return PKI.services().all().stream()
                .flatMap(s -> s.supportedFailures().stream().sorted().map(m -> Arguments.of(s.name(), m)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceNames")
    void theNormalAnswerIsAccepted(String serviceName) {
        assertThat(CLIENT.check(service(serviceName))).isNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySupportedFailure")
    void everyFailureIsRefused(String serviceName, FailureMode mode) {
        HttpService service = service(serviceName);
        service.hangFor(Duration.ofSeconds(10));
        try (FailureSwitch failing = service.failWith(mode)) {
            RelyingParty client = mode == FailureMode.TIMEOUT ? IMPATIENT_CLIENT : CLIENT;
            assertThat(client.check(service)).as(serviceName + " " + mode).isNotNull();
        }
        assertThat(CLIENT.check(service)).as("after reset").isNull();
    }

    @ParameterizedTest
    @EnumSource(FailureMode.class)
    void everyFailureModeIsSupportedSomewhere(FailureMode mode) {
        assertThat(PKI.services().all()).anyMatch(s -> s.supportedFailures().contains(mode));
    }

    @Test
    void transportFailuresLookAsTheirNamesSay() throws Exception {
        CrlService crl = PKI.services().crl();
        var url = PKI.services().crlUrl(PKI.intermediate());
        int normalLength = Http.get(url).body().length;

        crl.failWith(FailureMode.HTTP_500);
        assertThat(Http.get(url).statusCode()).isEqualTo(500);
        crl.failWith(FailureMode.NOT_FOUND);
        assertThat(Http.get(url).statusCode()).isEqualTo(404);
        crl.failWith(FailureMode.HTML_ERROR_PAGE);
        var html = Http.get(url);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(new String(html.body())).startsWith("<!DOCTYPE html>");
        crl.failWith(FailureMode.EMPTY_BODY);
        assertThat(Http.get(url).body()).isEmpty();
        crl.failWith(FailureMode.TRUNCATED);
        byte[] truncated = Http.get(url).body();
        assertThat(truncated.length).isBetween(normalLength / 2 - 2, normalLength / 2 + 2); // ECDSA lengths vary
        assertThatThrownBy(() -> CrlAndCaIssuersServiceTest.crl(truncated)).isInstanceOf(java.security.cert.CRLException.class);
        crl.failWith(FailureMode.WRONG_CONTENT_TYPE);
        assertThat(Http.get(url).headers().firstValue("Content-Type")).contains("text/plain");
        crl.failWith(FailureMode.GARBAGE);
        assertThat(Http.get(url).body()).hasSize(512);
        crl.failWith(FailureMode.CONNECTION_CLOSED);
        assertThatThrownBy(() -> Http.get(url)).isInstanceOf(java.io.IOException.class);
        crl.oversizedBytes(3 << 20);
        crl.failWith(FailureMode.OVERSIZED);
        var declared = Http.get(url);
        assertThat(declared.headers().firstValueAsLong("Content-Length")).hasValue(3 << 20);
        assertThat(declared.body()).hasSize(3 << 20);
        crl.failWith(FailureMode.OVERSIZED_CHUNKED);
        var chunked = Http.get(url);
        assertThat(chunked.headers().firstValue("Content-Length")).isEmpty();
        assertThat(chunked.body()).hasSize(3 << 20);
        crl.oversizedBytes(32 << 20);
    }

    @Test
    void timeoutHangsUntilResetAndDownRefusesConnectionsOnTheSamePort() throws Exception {
        OcspService ocsp = PKI.services().ocsp();
        var url = ocsp.url();
        ocsp.hangFor(Duration.ofSeconds(20));
        ocsp.failWith(FailureMode.TIMEOUT);
        assertThatThrownBy(() -> Http.get(url, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        ocsp.reset();

        try (FailureSwitch down = ocsp.failWith(FailureMode.DOWN)) {
            assertThat(ocsp.failure()).contains(FailureMode.DOWN);
            assertThatThrownBy(() -> Http.get(url)).isInstanceOf(ConnectException.class);
        }
        assertThat(ocsp.url()).isEqualTo(url);
        assertThat(Http.get(url).statusCode()).isEqualTo(404); // up again: a GET without a request is not an OCSP query
    }

    @Test
    void failNextFailsOnlySoManyRequests() throws Exception {
        CaIssuersService caIssuers = PKI.services().caIssuers();
        var url = PKI.services().caIssuersUrl(PKI.root());
        caIssuers.failNext(2, FailureMode.HTTP_500);

        assertThat(Stream.of(1, 2, 3).map(i -> {
            try {
                return Http.get(url).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly(500, 500, 200);
        assertThat(caIssuers.failure()).isEmpty();
        assertThat(caIssuers.requestCount()).isEqualTo(3);
    }

    @Test
    void servicesRefuseFailuresTheyCannotProduce() {
        assertThatThrownBy(() -> PKI.services().crl().failWith(FailureMode.WRONG_NONCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crl").hasMessageContaining("WRONG_NONCE");
        assertThatThrownBy(() -> PKI.services().tsa().failNext(1, FailureMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<String> serviceNames() {
        return PKI.services().all().stream().map(HttpService::name);
    }

    private static HttpService service(String name) {
        return PKI.services().all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
