package dev.vellum.validation.fetch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one way validation reaches the network (CRL distribution points, OCSP responders, AIA
 * caIssuers): checks the allow-list before any connection, applies timeouts and a response-size
 * cap, and caches by URL until the response's own expiry. Thread-safe.
 */
public final class Fetcher {

    // Requests (cache hits included) made by each thread: lets a caller tell whether a result depended on fetching.
    private static final ThreadLocal<long[]> REQUESTS = ThreadLocal.withInitial(() -> new long[1]);
    private final FetchSettings settings;
    private final ResponseCache cache;
    private final Clock clock;
    private final HttpClient client;

    public Fetcher(FetchSettings settings, Clock clock) {
        this(settings, settings.cacheDirectory().map(ResponseCache::onDisk).orElseGet(ResponseCache::inMemory), clock);
    }

    public Fetcher(FetchSettings settings, ResponseCache cache, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = settings.offline() ? null : HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A fetcher that never touches the network. */
    public static Fetcher offline() {
        return new Fetcher(FetchSettings.offlineOnly(), ResponseCache.inMemory(), Clock.systemUTC());
    }

    /** How many GET/POST requests (answered from the cache or not) the calling thread has made so far. */
    public static long requestsOnThisThread() {
        return REQUESTS.get()[0];
    }

    public FetchSettings settings() {
        return settings;
    }

    /** Whether a request to this URL would be attempted (online and allowed). */
    public boolean mayFetch(URI url) {
        return settings.allows(url);
    }

    /**
     * GET {@code url}. {@code expiry} reads the response's own expiry (nextUpdate) or gives empty
     * when it has none; such responses are kept for {@link FetchSettings#immutableTtl()}. It may
     * throw to reject a response, which is then neither cached nor returned.
     */
    public byte[] get(URI url, Function<byte[], Optional<Instant>> expiry) {
        String key = "GET " + url;
        return cachedOr(key, url, expiry, () -> HttpRequest.newBuilder(url).GET());
    }

    /** POST {@code body} to {@code url} (OCSP); the cache key includes the body's hash. */
    public byte[] post(URI url, String contentType, byte[] body, Function<byte[], Optional<Instant>> expiry) {
        String key = "POST " + url + " " + HexFormat.of().formatHex(sha256(body));
        return cachedOr(key, url, expiry, () -> HttpRequest.newBuilder(url)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private byte[] cachedOr(String key, URI url, Function<byte[], Optional<Instant>> expiry,
                            java.util.function.Supplier<HttpRequest.Builder> request) {
        REQUESTS.get()[0]++;
        Instant now = clock.instant();
        Optional<byte[]> hit = cache.get(key, now);
        if (hit.isPresent()) {
            return hit.get();
        }
        if (settings.offline()) {
            throw new FetchException("offline: not fetching " + url);
        }
        if (!settings.allows(url)) {
            throw new FetchException("host of " + url + " is not on the fetch allow-list");
        }
        byte[] bytes = send(url, request.get().timeout(settings.readTimeout()).build());
        Instant expires = expiry.apply(bytes).orElse(now.plus(settings.immutableTtl()));
        cache.put(key, bytes, expires, now);
        return bytes;
    }

    private byte[] send(URI url, HttpRequest request) {
        // The whole exchange, body included, must finish within the read timeout: a server that
        // trickles bytes forever must not hang a validation.
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> new LimitedBodySubscriber(settings.maxResponseBytes(), url, info.statusCode()));
        try {
            HttpResponse<byte[]> response = exchange.get(
                    settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new FetchException(url + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchException("timed out fetching " + url, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof FetchException fe) {
                throw fe;
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FetchException("timed out fetching " + url + ": " + cause.getMessage(), cause);
            }
            throw new FetchException("cannot fetch " + url + ": " + cause, cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + url, e);
        }
    }

    /** Collects a body up to a cap; more than the cap fails the exchange without reading on. */
    private static final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final URI url;
        private final boolean wanted;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
        private java.util.concurrent.Flow.Subscription subscription;

        LimitedBodySubscriber(int cap, URI url, int status) {
            this.cap = cap;
            this.url = url;
            this.wanted = status == 200;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            this.subscription = s;
            if (!wanted) {
                s.cancel();
                result.complete(new byte[0]);
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> items) {
            for (java.nio.ByteBuffer b : items) {
                if (buffer.size() + b.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new FetchException(url + " sent more than the cap of " + cap + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
