package dev.vellum.validation.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.services.FailureMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one fetcher: allow-list before connecting, size cap, timeouts, cache by URL until expiry. */
class FetcherTest {

    static final TestPki PKI = TestPki.shared();
    URI crlUrl;

    @BeforeEach
    void reset() {
        PKI.services().resetAll();
        PKI.services().crl().clearRequests();
        crlUrl = PKI.services().crlUrl(PKI.intermediate());
    }

    static FetchSettings.Builder local() {
        return FetchSettings.builder().allowHost("127.0.0.1").connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
    }

    @Test
    void fetchesAnAllowedUrlAndCachesItUntilItsExpiry() {
        Fetcher f = new Fetcher(local().build(), Clock.systemUTC());
        Instant expiry = Instant.now().plusSeconds(3600);
        byte[] first = f.get(crlUrl, b -> Optional.of(expiry));
        byte[] second = f.get(crlUrl, b -> Optional.of(expiry));
        assertThat(second).isEqualTo(first);
        assertThat(PKI.services().crl().requestCount()).isEqualTo(1);
    }

    @Test
    void anExpiredEntryIsFetchedAgain() {
        Fetcher f = new Fetcher(local().build(), Clock.systemUTC());
        f.get(crlUrl, b -> Optional.of(Instant.now().minusSeconds(1)));
        f.get(crlUrl, b -> Optional.of(Instant.now().minusSeconds(1)));
        assertThat(PKI.services().crl().requestCount()).isEqualTo(2);
    }

    @Test
    void hostsOffTheListAreRefusedBeforeAnyConnection() {
        Fetcher f = new Fetcher(FetchSettings.builder().allowHost("*.example.org").build(), Clock.systemUTC());
        assertThatThrownBy(() -> f.get(crlUrl, b -> Optional.empty())).isInstanceOf(FetchException.class)
                .hasMessageContaining("allow-list");
        assertThat(PKI.services().crl().requests()).isEmpty();
        assertThat(FetchSettings.builder().allowHost("*.example.org").build().allows(URI.create("http://crl.example.org/x")))
                .isTrue();
        assertThat(FetchSettings.builder().allowHost("127.0.0.1").build().allows(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(FetchSettings.builder().allowHost("127.0.0.1:80").build().allows(URI.create("http://127.0.0.1:81/"))).isFalse();
    }

    @Test
    void offlineNeverConnects() {
        Fetcher f = new Fetcher(FetchSettings.builder().offline(true).allowAnyHost().build(), Clock.systemUTC());
        assertThatThrownBy(() -> f.get(crlUrl, b -> Optional.empty())).hasMessageContaining("offline");
        assertThat(PKI.services().crl().requests()).isEmpty();
    }

    @Test
    void oversizedResponsesAreCutOffAtTheCap() {
        PKI.services().crl().oversizedBytes(5_000_000);
        for (FailureMode mode : new FailureMode[] {FailureMode.OVERSIZED, FailureMode.OVERSIZED_CHUNKED}) {
            PKI.services().crl().failWith(mode);
            Fetcher f = new Fetcher(local().maxResponseBytes(64 * 1024).build(), Clock.systemUTC());
            assertThatThrownBy(() -> f.get(crlUrl, b -> Optional.empty())).as(mode.name())
                    .isInstanceOf(FetchException.class).hasMessageContaining("cap");
        }
    }

    @Test
    void aHangingServerTimesOut() {
        PKI.services().crl().hangFor(Duration.ofSeconds(20));
        PKI.services().crl().failWith(FailureMode.TIMEOUT);
        Fetcher f = new Fetcher(local().readTimeout(Duration.ofMillis(500)).build(), Clock.systemUTC());
        long start = System.nanoTime();
        assertThatThrownBy(() -> f.get(crlUrl, b -> Optional.empty())).isInstanceOf(FetchException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theDiskCacheServesASecondProcess(@TempDir Path dir) throws Exception {
        Instant expiry = Instant.now().plusSeconds(3600);
        byte[] fetched = new Fetcher(local().cacheDirectory(dir).build(), Clock.systemUTC()).get(crlUrl, b -> Optional.of(expiry));
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
        Fetcher offlineLater = new Fetcher(FetchSettings.builder().offline(true).cacheDirectory(dir).build(), Clock.systemUTC());
        assertThat(offlineLater.get(crlUrl, b -> Optional.of(expiry))).isEqualTo(fetched);
        assertThat(PKI.services().crl().requestCount()).isEqualTo(1);
    }
}
