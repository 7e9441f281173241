package dev.vellum.app.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobHistory;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.report.ArchiveReports;
import dev.vellum.app.report.ReportException;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.QuarantineEntry;
import dev.vellum.reports.etsi.EtsiValidationReportWriter;
import dev.vellum.reports.json.ReportJson;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.pdf.PdfReportWriter;

/**
 * The routes of the HTTP API, over the archive's own services (nothing here validates or stores by
 * itself: an upload is ingested by the ingest job, a report comes from the stored validation runs):
 * <pre>
 * GET  /api/items[?indication=X&amp;offset=N&amp;limit=N]   items with their latest verdict
 * GET  /api/items/{id}                               one item: versions, sources, validation runs
 * GET  /api/items/{id}/report[?format=json|pdf|xml]  its latest validation report
 * POST /api/ingest[?name=FILE.eml|.p7m|.mbox]         archive and first-validate the uploaded bytes
 * GET  /api/jobs[?limit=N]                           job executions, newest first
 * </pre>
 */
public final class ArchiveApi {
    private static final Set<String> INDICATIONS = Set.of("TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE", "NOT_VALIDATED");
    private static final Pattern ITEM = Pattern.compile("/api/items/(\\d{1,18})");
    private static final Pattern ITEM_REPORT = Pattern.compile("/api/items/(\\d{1,18})/report");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> UPLOAD_TYPES = Set.of("eml", "p7m", "mbox");

    private final ArchiveIndex index;
    private final BlobStore blobs;
    private final JobHistory history;
    private final Function<Map<String, String>, JobRun> ingestJob;
    private final Lock jobs;
    private final Path inbox;
    private final long maxUploadBytes;
    private final Clock clock;

    /**
     * @param ingestJob runs the ingest job with these parameters (and waits for it)
     * @param jobs      held while a job runs, so uploads never overlap scheduled jobs
     * @param inbox     where uploads are kept: the ingest job reads them from there, and they stay as received
     */
    public ArchiveApi(ArchiveIndex index, BlobStore blobs, JobHistory history, Function<Map<String, String>, JobRun> ingestJob,
                      Lock jobs, Path inbox, long maxUploadBytes, Clock clock) {
        this.index = index;
        this.blobs = blobs;
        this.history = history;
        this.ingestJob = ingestJob;
        this.jobs = jobs;
        this.inbox = inbox;
        this.maxUploadBytes = maxUploadBytes;
        this.clock = clock;
    }

    /** The API over an open archive; {@code jobs} is the lock the caller's scheduler holds while a job runs. */
    public static ArchiveApi of(dev.vellum.app.context.ArchiveContext archive, Lock jobs) {
        var properties = archive.properties();
        return new ArchiveApi(archive.bean(ArchiveIndex.class), archive.bean(BlobStore.class),
                archive.bean(JobHistory.class), parameters -> archive.run(IngestJobConfiguration.JOB, parameters), jobs,
                properties.dataDir().resolve("inbox"), properties.api().maxUploadBytes(), archive.bean(Clock.class));
    }

    ApiResponse handle(String method, String path, Map<String, String> query, ApiServer.Body body) throws IOException {
        if (path.equals("/api/items") || path.equals("/api/items/")) {
            requireMethod(method, "GET");
            return items(query);
        }
        var itemReport = ITEM_REPORT.matcher(path);
        if (itemReport.matches()) {
            requireMethod(method, "GET");
            return report(Long.parseLong(itemReport.group(1)), query.getOrDefault("format", "json"));
        }
        var item = ITEM.matcher(path);
        if (item.matches()) {
            requireMethod(method, "GET");
            return item(Long.parseLong(item.group(1)));
        }
        if (path.equals("/api/ingest")) {
            requireMethod(method, "POST");
            return ingest(query.getOrDefault("name", "upload.eml"), body);
        }
        if (path.equals("/api/jobs")) {
            requireMethod(method, "GET");
            return ApiResponse.json(200, Map.of("jobs", history.recent(intParameter(query, "limit", 20, 1, 500))));
        }
        throw new ApiException(404, "no such resource: " + path);
    }

    private ApiResponse items(Map<String, String> query) {
        String indication = query.get("indication");
        if (indication != null) {
            indication = indication.toUpperCase(Locale.ROOT);
            if (!INDICATIONS.contains(indication)) {
                throw new ApiException(400, "indication must be one of " + INDICATIONS);
            }
        }
        int offset = intParameter(query, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParameter(query, "limit", 100, 1, 1000);
        List<Item> items = "NOT_VALIDATED".equals(indication)
                ? index.items(null, 0, Integer.MAX_VALUE).stream().filter(i -> i.indication() == null)
                        .skip(offset).limit(limit).toList()
                : index.items(indication, offset, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("archived", index.itemCount());
        out.put("quarantined", index.quarantineCount());
        return ApiResponse.json(200, out);
    }

    private ApiResponse item(long id) {
        Item item = index.find(id).orElseThrow(() -> new ApiException(404, "no item " + id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("item", item);
        out.put("versions", index.versions(id));
        out.put("sources", index.sources(id));
        out.put("validations", index.validationRuns(id));
        return ApiResponse.json(200, out);
    }

    private ApiResponse report(long id, String format) {
        Item item = index.find(id).orElseThrow(() -> new ApiException(404, "no item " + id));
        Optional<ItemReport> report;
        try {
            report = new ArchiveReports(index, blobs).item(item);
        } catch (ReportException e) {
            throw new ApiException(409, e.getMessage());
        }
        ItemReport found = report.orElseThrow(() -> new ApiException(404, "item " + id + " has not been validated yet"));
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> new ApiResponse(200, ApiResponse.JSON, ReportJson.write(found.validation()));
            case "pdf" -> new ApiResponse(200, "application/pdf", new PdfReportWriter(clock).item(found));
            case "xml" -> new ApiResponse(200, "application/xml; charset=utf-8",
                    new EtsiValidationReportWriter().write(found.validation()));
            default -> throw new ApiException(400, "format must be json, pdf or xml");
        };
    }

    private ApiResponse ingest(String name, ApiServer.Body body) throws IOException {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new ApiException(400, "name must be a plain file name (letters, digits, '.', '_', '-')");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!UPLOAD_TYPES.contains(extension)) {
            throw new ApiException(400, "name must end in .eml, .p7m or .mbox (a detached .p7s needs its content: "
                    + "ingest it from a directory)");
        }
        byte[] bytes = readBounded(body);
        if (bytes.length == 0) {
            throw new ApiException(400, "the request body is empty: POST the message itself");
        }
        ContentHash hash = ContentHash.of(bytes);
        Path file = keep(name, hash, bytes);
        boolean known = index.findByOriginal(hash).isPresent();
        JobRun run;
        jobs.lock();
        try {
            run = ingestJob.apply(Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(List.of(file))));
        } finally {
            jobs.unlock();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.getFileName().toString());
        out.put("sha256", hash.hex());
        out.put("job", run);
        if (!run.completed()) {
            out.put("status", "FAILED");
            out.put("error", String.join("; ", run.failures()));
            return ApiResponse.json(503, out);
        }
        if (extension.equals("mbox")) {
            out.put("status", "INGESTED");
            return ApiResponse.json(200, out);
        }
        Optional<Item> item = index.findByOriginal(hash);
        if (item.isPresent()) {
            out.put("status", known ? "ALREADY_ARCHIVED" : "ARCHIVED");
            out.put("item", item.get());
            return ApiResponse.json(known ? 200 : 201, out);
        }
        out.put("status", "QUARANTINED");
        out.put("reasons", index.quarantined().stream().filter(q -> file.toString().equals(q.source())
                || q.source().endsWith(file.getFileName().toString())).map(QuarantineEntry::reason).distinct().toList());
        return ApiResponse.json(422, out);
    }

    /** Keeps the upload as received in the inbox (written whole, then moved into place). */
    private Path keep(String name, ContentHash hash, byte[] bytes) throws IOException {
        Files.createDirectories(inbox);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        Path file = inbox.resolve(stamp + "-" + hash.hex().substring(0, 16) + "-" + name);
        Path temp = Files.createTempFile(inbox, ".upload-", ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return file;
    }

    private byte[] readBounded(ApiServer.Body body) throws IOException {
        try (InputStream in = body.open()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxUploadBytes) {
                    drain(in);
                    throw new ApiException(413, "the upload is larger than vellum.api.max-upload-bytes (" + maxUploadBytes + ")");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Reads (and drops) what the client still sends, up to a bound, so that it receives the refusal. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        long left = 64L << 20;
        int n;
        while (left > 0 && (n = in.read(buffer)) > 0) {
            left -= n;
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new ApiException(405, method + " is not allowed here; use " + allowed);
        }
    }

    private static int intParameter(Map<String, String> query, String name, int defaultValue, int min, int max) {
        String value = query.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new ApiException(400, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + " must be a number");
        }
    }
}
