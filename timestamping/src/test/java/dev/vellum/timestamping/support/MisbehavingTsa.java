package dev.vellum.timestamping.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tsp.TimeStampRequest;

/**
 * A real HTTP TSA on 127.0.0.1 that answers correctly (tokens from {@link TokenFactory}) or with one
 * chosen fault, and counts the requests it got.
 */
public final class MisbehavingTsa implements AutoCloseable {
    public enum Mode { OK, WRONG_NONCE, HTTP_500, HTTP_404, GARBAGE, TRUNCATED, HTML_ERROR_PAGE, OVERSIZED,
        OVERSIZED_CHUNKED, HANG, WRONG_CONTENT_TYPE, EMPTY }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "misbehaving-tsa");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode;
    private volatile TokenFactory.Spec spec = new TokenFactory.Spec();

    public MisbehavingTsa(Mode mode) {
        this.mode = mode;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/tsa", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Tokens are made with this spec (genTime, certificates...). */
    public void spec(TokenFactory.Spec spec) {
        this.spec = spec;
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (mode) {
                case HTTP_500 -> send(exchange, 500, "text/plain", "internal error: database locked".getBytes(StandardCharsets.US_ASCII));
                case HTTP_404 -> send(exchange, 404, "text/plain", "no such TSA".getBytes(StandardCharsets.US_ASCII));
                case GARBAGE -> send(exchange, 200, "application/timestamp-reply",
                        "\u0001\u0002 this is not DER at all".getBytes(StandardCharsets.ISO_8859_1));
                case TRUNCATED -> {
                    byte[] good = token(body, false);
                    send(exchange, 200, "application/timestamp-reply", Arrays.copyOf(good, good.length - 40));
                }
                case HTML_ERROR_PAGE -> send(exchange, 200, "text/html; charset=utf-8",
                        "<html><body><h1>Service Unavailable</h1><p>Maintenance window</p></body></html>"
                                .getBytes(StandardCharsets.UTF_8));
                case OVERSIZED -> send(exchange, 200, "application/timestamp-reply", new byte[5 * 1024 * 1024]);
                case OVERSIZED_CHUNKED -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] chunk = new byte[64 * 1024];
                        for (int i = 0; i < 80; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException clientGaveUp) {
                        // Expected: the client stops reading at its limit.
                    }
                }
                case HANG -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case WRONG_CONTENT_TYPE -> send(exchange, 200, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII));
                case EMPTY -> send(exchange, 200, "application/timestamp-reply", new byte[0]);
                case WRONG_NONCE -> send(exchange, 200, "application/timestamp-reply", token(body, true));
                case OK -> send(exchange, 200, "application/timestamp-reply", token(body, false));
            }
        }
    }

    private byte[] token(byte[] requestBytes, boolean wrongNonce) throws IOException {
        TimeStampRequest request = new TimeStampRequest(requestBytes);
        TokenFactory.Spec s = copy(spec);
        if (wrongNonce) {
            s.nonceOverride = request.getNonce() == null ? BigInteger.ONE : request.getNonce().add(BigInteger.ONE);
        }
        return TokenFactory.response(request, s);
    }

    private static TokenFactory.Spec copy(TokenFactory.Spec in) {
        TokenFactory.Spec s = new TokenFactory.Spec();
        s.signerCertificate = in.signerCertificate;
        s.includedCertificate = in.includedCertificate;
        s.essV1 = in.essV1;
        s.includeCertificates = in.includeCertificates;
        s.policy = in.policy;
        s.genTime = in.genTime;
        s.imprintOverride = in.imprintOverride;
        s.imprintAlgorithmOverride = in.imprintAlgorithmOverride;
        s.corruptSignature = in.corruptSignature;
        return s;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGaveUp) {
                // The client may close early (size limit); that is its right.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
