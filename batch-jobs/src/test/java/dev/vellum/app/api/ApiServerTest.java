package dev.vellum.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.demo.DemoSamples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API as {@code vellum serve} runs it, over real HTTP on 127.0.0.1: uploads archived and
 * first-validated (and refused, duplicated or quarantined with the reason), items listed by
 * indication, an item's report as JSON, PDF and ETSI XML, the job history, and the bearer token.
 */
class ApiServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TOKEN = "s3cret-api-token";

    @TempDir
    static Path temp;
    private static Path samples;
    private static ArchiveContext archive;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        samples = DemoSamples.extractTo(temp.resolve("samples"));
        Path token = Files.writeString(temp.resolve("api.token"), TOKEN + "\n");
        archive = ArchiveContext.open(ArchiveSettings.of(temp.resolve("data"))
                .with("vellum.validation.trust[0]", samples.resolve("pki/demo-trust-anchor.pem").toString())
                .with("vellum.validation.trust[1]", samples.resolve("pki/demo-tsa-chain.pem").toString())
                .with("vellum.validation.validation-data[0]", samples.resolve("pki").toString())
                .with("vellum.api.max-upload-bytes", "200000"));
        VellumProperties.Api settings = new VellumProperties.Api(true, "127.0.0.1", 0, token, 200_000);
        server = ApiServer.start(settings, ArchiveApi.of(archive, new ReentrantLock()));
    }

    @AfterAll
    static void stop() {
        server.close();
        archive.close();
    }

    @Test
    void anUploadedMessageIsArchivedValidatedListedAndReported() throws Exception {
        byte[] message = Files.readAllBytes(samples.resolve("mailbox/eml/01-alice.eml"));
        HttpResponse<String> created = post("ingest?name=alice.eml", message);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("status").asString()).isEqualTo("ARCHIVED");
        long id = body.path("item").path("id").asLong();
        assertThat(body.path("item").path("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(Files.list(temp.resolve("data/inbox")).anyMatch(f -> f.getFileName().toString().endsWith("alice.eml")))
                .as("the upload is kept as received").isTrue();

        HttpResponse<String> again = post("ingest?name=alice-again.eml", message);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("status").asString()).isEqualTo("ALREADY_ARCHIVED");

        JsonNode passed = JSON.readTree(get("items?indication=total_passed").body());
        assertThat(passed.path("items")).anySatisfy(i -> assertThat(i.path("id").asLong()).isEqualTo(id));
        assertThat(passed.path("items")).allSatisfy(i -> assertThat(i.path("indication").asString()).isEqualTo("TOTAL_PASSED"));
        assertThat(JSON.readTree(get("items?indication=TOTAL_FAILED").body()).path("items")).isEmpty();
        JsonNode one = JSON.readTree(get("items/" + id).body());
        assertThat(one.path("versions")).hasSize(1);
        assertThat(one.path("validations")).hasSize(1);

        HttpResponse<String> report = get("items/" + id + "/report");
        assertThat(report.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(JSON.readTree(report.body()).path("signatures").get(0).path("indication").asString())
                .isEqualTo("TOTAL_PASSED");
        HttpResponse<byte[]> pdf = getBytes("items/" + id + "/report?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<String> xml = get("items/" + id + "/report?format=xml");
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(xml.body()).contains("http://uri.etsi.org/19102/v1.4.1#").contains("MainIndication>urn:etsi:019102:mainindication:total-passed<");

        JsonNode jobs = JSON.readTree(get("jobs").body());
        assertThat(jobs.path("jobs")).anySatisfy(j -> assertThat(j.path("jobName").asString()).isEqualTo("ingest"));
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> garbage = post("ingest?name=junk.eml", new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        assertThat(garbage.statusCode()).as(garbage.body()).isEqualTo(422);
        assertThat(JSON.readTree(garbage.body()).path("reasons").get(0).asString()).isNotBlank();

        assertThat(post("ingest?name=../../etc/passwd", "x".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(400);
        assertThat(post("ingest?name=a.p7s", "x".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(400);
        assertThat(post("ingest", new byte[0]).statusCode()).isEqualTo(400);
        HttpResponse<String> tooLarge = post("ingest?name=big.eml", new byte[300_000]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).path("error").asString()).contains("max-upload-bytes");

        assertThat(get("items?indication=MAYBE").statusCode()).isEqualTo(400);
        assertThat(get("items?limit=0").statusCode()).isEqualTo(400);
        assertThat(get("items/999999").statusCode()).isEqualTo(404);
        assertThat(get("items/999999/report").statusCode()).isEqualTo(404);
        assertThat(get("nowhere").statusCode()).isEqualTo(404);
        assertThat(post("items", new byte[] {1}).statusCode()).isEqualTo(405);

        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("items")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("items"))
                .header("Authorization", "Bearer not-the-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "message/rfc822").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        URI uri = server.uri().resolve(path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN);
    }
}
