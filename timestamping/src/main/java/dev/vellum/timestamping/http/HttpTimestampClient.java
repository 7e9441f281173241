package dev.vellum.timestamping.http;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 client over HTTP (RFC 3161 §3.4): random 64-bit nonce, certReq, optional reqPolicy,
 * {@code application/timestamp-query}; connect and overall timeouts; bounded response size; HTTP
 * basic auth and client TLS certificates. Every token is checked by {@link TokenVerifier} before it
 * is returned; a failure names this TSA and the failed check ({@link TsaException}).
 */
public final class HttpTimestampClient implements TimestampSource {
    private static final String QUERY_TYPE = "application/timestamp-query";

    private final String name;
    private final URI url;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final String authorization;
    private final String requestPolicyOid;
    private final Set<DigestAlgorithm> algorithms;
    private final TokenVerifier verifier;
    private final SecureRandom random = new SecureRandom();

    private HttpTimestampClient(Builder b) {
        this.url = b.url;
        this.name = b.name != null ? b.name : b.url.toString();
        this.requestTimeout = b.requestTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.requestPolicyOid = b.requestPolicyOid;
        this.algorithms = Set.copyOf(b.algorithms);
        this.verifier = b.verifier;
        this.authorization = b.username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (b.username + ":" + new String(b.password)).getBytes(StandardCharsets.UTF_8));
        HttpClient.Builder hb = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (b.sslContext != null) {
            hb.sslContext(b.sslContext);
        }
        this.http = hb.build();
    }

    /** A client for the TSA at {@code url}, with defaults for everything else. */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /** The name used in messages (the URL unless configured). */
    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    @Override
    public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithms.contains(algorithm)) {
            throw new TimestampException("TSA " + name + ": " + algorithm.jcaName()
                    + " imprints are not enabled for this TSA (enabled: " + algorithms + ")");
        }
        if (digest == null || digest.length != algorithm.digestLength()) {
            throw new TimestampException("TSA " + name + ": a " + algorithm.jcaName() + " digest must be "
                    + algorithm.digestLength() + " bytes, got " + (digest == null ? "none" : digest.length));
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (requestPolicyOid != null) {
            generator.setReqPolicy(requestPolicyOid);
        }
        TimeStampRequest request = generator.generate(algorithm.asn1Oid(), digest, new BigInteger(64, random));
        byte[] response = exchange(encode(request));
        return verifier.verifyResponse(name, request, response);
    }

    private byte[] encode(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new TimestampException("TSA " + name + ": cannot encode the request", e);
        }
    }

    private byte[] exchange(byte[] query) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", QUERY_TYPE)
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query));
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(rb.build(), info -> {
            OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
            if (declared.isPresent() && declared.getAsLong() > maxResponseBytes) {
                return BoundedBodySubscriber.rejecting(maxResponseBytes, declared.getAsLong());
            }
            return new BoundedBodySubscriber(maxResponseBytes);
        });
        HttpResponse<byte[]> response;
        try {
            // The request timeout only covers the headers; this deadline also covers a trickling body.
            response = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TsaException(name, TsaFailure.TIMEOUT, "no complete answer within " + requestTimeout, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TsaException(name, TsaFailure.INTERRUPTED, "interrupted while waiting for the TSA", e);
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause() == null ? e : e.getCause());
        }
        return checkHttp(response);
    }

    private TsaException transportFailure(Throwable cause) {
        Throwable tooLarge = find(cause, BoundedBodySubscriber.TooLargeException.class);
        if (tooLarge != null) {
            return new TsaException(name, TsaFailure.RESPONSE_TOO_LARGE, tooLarge.getMessage(), cause);
        }
        if (find(cause, HttpConnectTimeoutException.class) != null) {
            return new TsaException(name, TsaFailure.TIMEOUT, "could not connect within the connect timeout", cause);
        }
        if (find(cause, HttpTimeoutException.class) != null) {
            return new TsaException(name, TsaFailure.TIMEOUT, "no answer within " + requestTimeout, cause);
        }
        Throwable refused = find(cause, ConnectException.class);
        if (refused != null) {
            return new TsaException(name, TsaFailure.CONNECTION, "connection refused (" + refused.getMessage() + ")", cause);
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new TsaException(name, TsaFailure.CONNECTION,
                "the exchange failed: " + root.getClass().getSimpleName() + ": " + root.getMessage(), cause);
    }

    private static Throwable find(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private byte[] checkHttp(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        int status = response.statusCode();
        Optional<String> type = response.headers().firstValue("Content-Type");
        if (status != 200) {
            boolean retryable = status >= 500 || status == 429 || status == 408;
            throw new TsaException(name, TsaFailure.HTTP_STATUS, "HTTP " + status + snippet(type, body), null, retryable);
        }
        String t = type.map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
        if (t.startsWith("text/html") || looksLikeMarkup(body)) {
            throw new TsaException(name, TsaFailure.NOT_A_TIMESTAMP_REPLY,
                    "the TSA answered with an HTML page (Content-Type " + type.orElse("none")
                            + ") instead of application/timestamp-reply" + snippet(type, body));
        }
        if (!t.isEmpty() && !t.startsWith("application/timestamp-reply") && !t.startsWith("application/timestamp-response")
                && !t.startsWith("application/octet-stream")) {
            throw new TsaException(name, TsaFailure.NOT_A_TIMESTAMP_REPLY,
                    "the TSA answered with Content-Type " + type.get() + " instead of application/timestamp-reply");
        }
        return body;
    }

    private static boolean looksLikeMarkup(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '<';
        }
        return false;
    }

    private static String snippet(Optional<String> type, byte[] body) {
        if (body == null || body.length == 0 || type.isEmpty() || !type.get().toLowerCase(Locale.ROOT).startsWith("text/")) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").replaceAll("[^\\x20-\\x7e]", "?").trim();
        return text.isEmpty() ? "" : " (\"" + text + (body.length > 160 ? "…" : "") + "\")";
    }

    /** Client options; defaults: 10 s connect, 30 s overall, 1 MiB response limit, SHA-2/SHA-3 imprints. */
    public static final class Builder {
        private final URI url;
        private String name;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxResponseBytes = 1024 * 1024;
        private String username;
        private char[] password;
        private SSLContext sslContext;
        private String requestPolicyOid;
        private final Set<DigestAlgorithm> algorithms = EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA384,
                DigestAlgorithm.SHA512, DigestAlgorithm.SHA3_256, DigestAlgorithm.SHA3_384, DigestAlgorithm.SHA3_512);
        private TokenVerifier verifier = TokenVerifier.defaults();

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new TimestampException("TSA URL must be http or https: " + url);
            }
        }

        /** A short name for messages (default: the URL). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Deadline for the whole exchange, body included. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** HTTP basic authentication, sent with every request (use https). */
        public Builder basicAuth(String username, char[] password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /** TLS settings, e.g. a client certificate and private trust store. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /**
         * Client TLS certificate from a key store (e.g. PKCS#12); server certificates are checked
         * against {@code trustStore}, or the JDK's default trust store when null.
         */
        public Builder clientCertificate(KeyStore keyStore, char[] keyPassword, KeyStore trustStore) {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, keyPassword);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
                this.sslContext = ctx;
                return this;
            } catch (GeneralSecurityException e) {
                throw new TimestampException("cannot set up the TLS client certificate for " + url + ": " + e.getMessage(), e);
            }
        }

        /** Ask for this TSA policy; a token under another policy is then rejected. */
        public Builder requestPolicy(String oid) {
            this.requestPolicyOid = oid;
            return this;
        }

        /** Also allow SHA-1 imprints (only for TSAs or material that need them). */
        public Builder allowSha1() {
            algorithms.add(DigestAlgorithm.SHA1);
            return this;
        }

        /** The checks applied to every token (clock, skew, trust anchors). */
        public Builder verifier(TokenVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        public HttpTimestampClient build() {
            return new HttpTimestampClient(this);
        }
    }
}
