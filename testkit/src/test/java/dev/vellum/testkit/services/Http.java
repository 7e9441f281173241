package dev.vellum.testkit.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HTTP client for the tests, as a relying party would use it. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return get(url, Duration.ofSeconds(20));
    }

    static HttpResponse<byte[]> get(URI url, Duration timeout) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(URI url, String contentType, byte[] body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
