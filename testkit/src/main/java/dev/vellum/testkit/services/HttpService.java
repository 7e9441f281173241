package dev.vellum.testkit.services;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One live test service: a JDK {@link HttpServer} on 127.0.0.1 and an ephemeral port, a request log and
 * failure switches. Its threads are daemons and a hanging answer ends when the switch is reset or the
 * service closes, so a test JVM never waits for it.
 */
public abstract class HttpService implements AutoCloseable {
    static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final String HTML_PAGE = """
            <!DOCTYPE html>
            <html><head><title>503 Service Unavailable</title></head>
            <body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body>
            </html>
            """;

    private final String name;
    private final Clock clock;
    private final Set<FailureMode> supported;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<ActiveFailure> failure = new AtomicReference<>();
    private final Object hangMonitor = new Object();
    private long hangGeneration;
    private volatile Duration hangTime = Duration.ofSeconds(30);
    private volatile long oversizedBytes = 32L << 20;
    private HttpServer server;
    private int port;
    private boolean closed;

    HttpService(String name, Clock clock, Set<FailureMode> protocolFailures) {
        this.name = name;
        this.clock = clock;
        EnumSet<FailureMode> modes = EnumSet.noneOf(FailureMode.class);
        Arrays.stream(FailureMode.values()).filter(FailureMode::isTransport).forEach(modes::add);
        modes.addAll(protocolFailures);
        this.supported = Set.copyOf(modes);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "testkit-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        bind();
    }

    /** The service's name, e.g. {@code tsa}, {@code ocsp}. */
    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>}; stays the same while the service is {@link FailureMode#DOWN}. */
    public synchronized URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Fail every request this way until {@link #reset()} (or the returned switch is closed). */
    public FailureSwitch failWith(FailureMode mode) {
        checkSupported(mode);
        failure.set(new ActiveFailure(mode, new AtomicInteger(Integer.MAX_VALUE)));
        releaseHangs();
        if (mode == FailureMode.DOWN) {
            unbind();
        } else {
            bind();
        }
        return new FailureSwitch(this);
    }

    /** Fail the next {@code count} requests this way, then answer normally again (retry scenarios). */
    public FailureSwitch failNext(int count, FailureMode mode) {
        checkSupported(mode);
        if (mode == FailureMode.DOWN) {
            throw new IllegalArgumentException("DOWN cannot count requests: use failWith(DOWN) and reset()");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        failure.set(new ActiveFailure(mode, new AtomicInteger(count)));
        bind();
        return new FailureSwitch(this);
    }

    /** Switch failures off, end hanging answers, reopen the port if it was down. The request log stays. */
    public void reset() {
        failure.set(null);
        releaseHangs();
        bind();
    }

    /** The failure switched on, if any requests are still to fail. */
    public Optional<FailureMode> failure() {
        ActiveFailure active = failure.get();
        return active == null || active.remaining().get() <= 0 ? Optional.empty() : Optional.of(active.mode());
    }

    /** The failure modes this service can produce. */
    public Set<FailureMode> supportedFailures() {
        return supported;
    }

    /** How long a {@link FailureMode#TIMEOUT} answer hangs at most (default 30 s). */
    public void hangFor(Duration duration) {
        this.hangTime = Objects.requireNonNull(duration, "duration");
    }

    /** How many bytes an {@link FailureMode#OVERSIZED} answer sends (default 32 MiB). */
    public void oversizedBytes(long bytes) {
        this.oversizedBytes = bytes;
    }

    /** How many requests arrived since the last {@link #clearRequests()}. */
    public int requestCount() {
        return requests.size();
    }

    /** The requests received, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public Optional<RecordedRequest> lastRequest() {
        List<RecordedRequest> all = requests();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Stop the server; hanging answers end at once. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        releaseHangs();
        unbind();
        executor.shutdownNow();
    }

    /** The content type of a normal answer (also used by garbage and oversized answers). */
    abstract String contentType();

    /** The normal answer, shaped by a protocol failure when one is switched on (else {@code null}). */
    abstract Reply serve(RecordedRequest request, FailureMode protocolFailure) throws Exception;

    /** The path of the URL after {@code prefix}, or empty when the path does not start with it. */
    static Optional<String> pathAfter(RecordedRequest request, String prefix) {
        return request.path().startsWith(prefix)
                ? Optional.of(request.path().substring(prefix.length())) : Optional.empty();
    }

    private void checkSupported(FailureMode mode) {
        if (!supported.contains(Objects.requireNonNull(mode, "mode"))) {
            throw new IllegalArgumentException("the " + name + " service cannot fail with " + mode);
        }
    }

    private FailureMode takeFailure() {
        ActiveFailure active = failure.get();
        if (active == null) {
            return null;
        }
        return active.remaining().getAndDecrement() > 0 ? active.mode() : null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBounded(exchange.getRequestBody());
            boolean tooLarge = body.length > MAX_REQUEST_BYTES;
            RecordedRequest request = new RecordedRequest(clock.instant(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    new TreeMap<>(exchange.getRequestHeaders()),
                    tooLarge ? Arrays.copyOf(body, MAX_REQUEST_BYTES) : body);
            requests.add(request);
            if (tooLarge) {
                send(exchange, Reply.text(413, "request larger than " + MAX_REQUEST_BYTES + " bytes"));
                return;
            }
            FailureMode mode = takeFailure();
            if (mode != null && mode.isTransport() && transportFailure(exchange, mode)) {
                return;
            }
            Reply reply;
            try {
                reply = serve(request, mode != null && !mode.isTransport() ? mode : null);
            } catch (Exception e) {
                reply = Reply.text(500, "test service " + name + " failed: " + e);
            }
            if (mode == FailureMode.TRUNCATED) {
                reply = new Reply(reply.status(), reply.contentType(),
                        Arrays.copyOf(reply.body(), reply.body().length / 2), reply.headers());
            } else if (mode == FailureMode.WRONG_CONTENT_TYPE) {
                reply = new Reply(reply.status(), "text/plain", reply.body(), reply.headers());
            }
            send(exchange, reply);
        }
    }

    /** Acts out a transport failure; false when the failure shapes the normal answer instead. */
    private boolean transportFailure(HttpExchange exchange, FailureMode mode) throws IOException {
        switch (mode) {
            case HTTP_500 -> send(exchange, Reply.text(500, "Internal Server Error (test failure switch)"));
            case NOT_FOUND -> send(exchange, Reply.text(404, "Not Found (test failure switch)"));
            case TIMEOUT -> hang();
            case CONNECTION_CLOSED, DOWN -> {
                // closing the exchange without response headers closes the connection
            }
            case GARBAGE -> send(exchange, Reply.ok(contentType(), garbage(512)));
            case EMPTY_BODY -> send(exchange, Reply.ok(contentType(), new byte[0]));
            case HTML_ERROR_PAGE -> send(exchange, Reply.ok("text/html; charset=utf-8",
                    HTML_PAGE.getBytes(StandardCharsets.UTF_8)));
            case OVERSIZED -> stream(exchange, oversizedBytes, true);
            case OVERSIZED_CHUNKED -> stream(exchange, oversizedBytes, false);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void hang() {
        long deadline = System.nanoTime() + hangTime.toNanos();
        synchronized (hangMonitor) {
            long generation = hangGeneration;
            try {
                while (generation == hangGeneration) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    hangMonitor.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void releaseHangs() {
        synchronized (hangMonitor) {
            hangGeneration++;
            hangMonitor.notifyAll();
        }
    }

    private void stream(HttpExchange exchange, long bytes, boolean declareLength) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType());
        exchange.sendResponseHeaders(200, declareLength ? bytes : 0);
        byte[] chunk = garbage(64 * 1024);
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
        } catch (IOException e) {
            // the client stopped reading, as a well-behaved client with a size limit should
        }
    }

    private static byte[] garbage(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        bytes[0] = 0; // never a valid ASN.1 SEQUENCE tag, so no parser mistakes it for DER
        return bytes;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        return in.readNBytes(MAX_REQUEST_BYTES + 1);
    }

    private synchronized void bind() {
        if (closed || server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            created.setExecutor(executor);
            created.createContext("/", this::handle);
            // The JDK's dispatcher thread inherits daemon status from the thread that starts the server.
            Thread starter = new Thread(created::start, "testkit-" + name + "-start");
            starter.setDaemon(true);
            starter.start();
            starter.join();
            server = created;
            port = created.getAddress().getPort();
        } catch (BindException e) {
            throw new UncheckedIOException("port " + port + " of the " + name + " test service was taken meanwhile", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " test service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the " + name + " test service", e);
        }
    }

    private synchronized void unbind() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private record ActiveFailure(FailureMode mode, AtomicInteger remaining) {
    }

    /** An HTTP answer. */
    record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply ok(String contentType, byte[] body) {
            return new Reply(200, contentType, body, Map.of());
        }

        static Reply text(int status, String message) {
            return new Reply(status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }
}
