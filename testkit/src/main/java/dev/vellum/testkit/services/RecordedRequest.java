package dev.vellum.testkit.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request a test service received, recorded before any failure switch acted on it.
 *
 * @param receivedAt when, on the PKI clock
 * @param method the HTTP method
 * @param path the raw path, e.g. {@code /crl/intermediate.crl}
 * @param query the raw query, or {@code null}
 * @param headers the request headers (names as the JDK server normalises them: {@code Content-type})
 * @param body the request body (up to 1 MiB)
 */
public record RecordedRequest(Instant receivedAt, String method, String path, String query,
                              Map<String, List<String>> headers, byte[] body) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " (" + body.length + " bytes)";
    }
}
