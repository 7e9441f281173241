package dev.vellum.timestamping.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vellum.timestamping.TimestampException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedded TSA over HTTP (RFC 3161 §3.4): {@code POST /tsa} with
 * {@code application/timestamp-query} answers {@code application/timestamp-reply};
 * {@code GET /tsa/chain.pem} returns the certificate chain.
 */
public final class TsaHttpServer implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private TsaHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static TsaHttpServer start(EmbeddedTsa tsa, InetSocketAddress address) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new TimestampException("the embedded TSA cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vellum-embedded-tsa-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/tsa", exchange -> handle(tsa, exchange));
        server.start();
        return new TsaHttpServer(server, executor);
    }

    private static void handle(EmbeddedTsa tsa, HttpExchange exchange) throws IOException {
        try {
            route(tsa, exchange);
        } catch (RuntimeException e) {
            // A persisted-serial or signing failure: say so, never hand out a token.
            send(exchange, 500, "text/plain", ("embedded TSA failure: " + e.getMessage() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } finally {
            exchange.close();
        }
    }

    private static void route(EmbeddedTsa tsa, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) && "/tsa/chain.pem".equals(path)) {
            send(exchange, 200, "application/x-pem-file", tsa.chainPem().getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (!"/tsa".equals(path)) {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (!"POST".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "POST");
            send(exchange, 405, "text/plain", "POST an application/timestamp-query\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/timestamp-query")) {
            send(exchange, 415, "text/plain",
                    "Content-Type must be application/timestamp-query\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] body = readBounded(exchange.getRequestBody());
        if (body == null) {
            send(exchange, 413, "text/plain", "request too large\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        send(exchange, 200, "application/timestamp-reply", tsa.respond(body));
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return body.length > MAX_REQUEST_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/tsa} (or the bound host). */
    public URI url() {
        String host = server.getAddress().getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : server.getAddress().getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + port() + "/tsa");
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
