package dev.vellum.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.context.SecretFile;
import dev.vellum.app.context.VellumProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The small HTTP API of {@code vellum serve}, on the JDK's own {@link HttpServer}: four read
 * endpoints and one upload, JSON in and out, no servlet container (which would add megabytes to the
 * application and seconds to its start for five routes). Every answer is JSON except a report asked
 * for as PDF or XML; every error is {@code {"error": "..."}} with a status that says whose fault it is.
 * Routes are in {@link ArchiveApi}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor;

    private ApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts listening as {@code vellum.api.*} says; port 0 picks a free port (see {@link #uri()}). */
    public static ApiServer start(VellumProperties.Api settings, ArchiveApi api) {
        byte[] token = settings.tokenFile() == null ? null
                : new String(SecretFile.read(settings.tokenFile(), "vellum.api.token-file")).getBytes(StandardCharsets.UTF_8);
        if (token != null && token.length == 0) {
            throw new ArchiveUnavailableException("vellum.api.token-file " + settings.tokenFile() + " is empty");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 16);
        } catch (IOException e) {
            throw new ArchiveUnavailableException("cannot listen on " + settings.address() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "vellum-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/", exchange -> handle(exchange, token, api));
        server.start();
        return new ApiServer(server, executor);
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080/api/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/api/");
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void handle(HttpExchange exchange, byte[] token, ArchiveApi api) {
        try (exchange) {
            ApiResponse response;
            if (token != null && !authorized(exchange, token)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"vellum\"");
                response = ApiResponse.error(401, "missing or wrong bearer token");
            } else {
                response = route(exchange, api);
            }
            send(exchange, response);
        } catch (IOException e) {
            LOG.debug("API client went away: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("API request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private static ApiResponse route(HttpExchange exchange, ArchiveApi api) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            return api.handle(method, path, query, () -> exchange.getRequestBody());
        } catch (ApiException e) {
            return ApiResponse.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("API {} {} failed", method, path, e);
            return ApiResponse.error(500, "internal error: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
    }

    private static boolean authorized(HttpExchange exchange, byte[] token) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (response.contentType().startsWith("application/json")) {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        }
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }

    /** The request body, read only when a route needs it. */
    @FunctionalInterface
    interface Body {
        InputStream open() throws IOException;
    }
}
