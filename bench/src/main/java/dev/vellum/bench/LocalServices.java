package dev.vellum.bench;

/**
 * The testkit's TSA, OCSP, CRL and caIssuers services run on the JDK's {@code com.sun.net.httpserver},
 * which writes a response's headers and body separately: on a kept-alive connection Nagle's algorithm
 * then waits for the client's delayed ACK, about 40 ms per exchange on Linux (JDK-6968351). That would
 * make the benchmark measure the test server, so every benchmark JVM that hosts the services turns on
 * TCP_NODELAY for it before the first server starts.
 */
public final class LocalServices {
    private LocalServices() {
    }

    public static void withoutNagleDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
