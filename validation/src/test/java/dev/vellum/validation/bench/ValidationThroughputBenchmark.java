package dev.vellum.validation.bench;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.trust.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput benchmark (not a unit test; see docs/performance.md): offline validation of 1,000
 * CAdES-B-LTA signatures from one CA, with their validation data embedded and the trust anchor
 * supplied, on 1 and on 2 threads after warm-up.
 *
 * <p>Run: {@code ./mvnw -o -q -B -pl validation -am verify -DskipTests -Dvellum.bench.validation}
 * (arguments: count, corpus file). The corpus (~50 KB mail-like messages signed detached by three
 * signers of the testkit's intermediate CA, extended to B-LTA against the testkit TSA and its
 * CRL/OCSP services) is generated once and kept in the corpus file with its trust anchors and
 * validation time, so that later runs — and other versions of the code — validate the very same
 * bytes. Each measured round uses a fresh validator (empty caches, warm JIT): what a batch job of
 * 1,000 signatures pays. It prints signatures/s and a digest of every signature's full report, and
 * exits 1 if any signature is not TOTAL_PASSED or a round's reports differ from the first round's.
 */
public final class ValidationThroughputBenchmark {

    private static final int CONTENT_BYTES = 50 * 1024;
    private static final int MAGIC = 0x56424331; // "VBC1"

    private ValidationThroughputBenchmark() {
    }

    /** The generated files, their trust anchors and the validation time they are judged at. */
    record Corpus(List<X509Certificate> anchors, Instant validationTime, List<byte[]> signatures, List<byte[]> contents) {
        int size() {
            return signatures.size();
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path file = Path.of(args.length > 1 ? args[1] : "target/bench/validation-corpus.bin");
        int rounds = Integer.getInteger("vellum.bench.rounds", 5);
        Corpus corpus = loadOrGenerate(file, count);
        System.out.printf(Locale.ROOT, "corpus: %d B-LTA signatures (%d KB content each) in %s, validated at %s%n",
                corpus.size(), CONTENT_BYTES / 1024, file, corpus.validationTime());
        System.out.printf(Locale.ROOT, "JVM: %s %s, %d processors, max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        // first pass: the reference reports (and class loading, JIT)
        ValidationReport[] first = validateAll(validator(corpus), corpus, 1).reports;
        String reference = digest(first);
        String dump = System.getProperty("vellum.bench.dump");
        if (dump != null) {
            StringBuilder sb = new StringBuilder();
            for (ValidationReport r : first) {
                sb.append(r.signatures()).append('\n');
            }
            Files.writeString(Path.of(dump), sb);
        }
        boolean ok = allPassed(validateAll(validator(corpus), corpus, 1).reports);
        // warm-up
        long warmEnd = System.nanoTime() + Long.getLong("vellum.bench.warmupSeconds", 10L) * 1_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < warmEnd || warm < 2) {
            validateAll(validator(corpus), corpus, warm % 2 + 1);
            warm++;
        }
        System.out.printf(Locale.ROOT, "warm-up: %d rounds; reports digest %s%n", warm, reference.substring(0, 16));
        for (int threads : new int[] {1, 2}) {
            List<Double> rates = new ArrayList<>();
            List<Double> cpuMicros = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Round round = validateAll(validator(corpus), corpus, threads);
                rates.add(corpus.size() / (round.nanos / 1e9));
                cpuMicros.add(round.cpuNanos / 1e3 / corpus.size());
                if (!digest(round.reports).equals(reference)) {
                    System.err.println("FAILED: round " + r + " with " + threads + " threads gave different reports");
                    ok = false;
                }
            }
            rates.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%d thread%s: median %,.0f signatures/s (min %,.0f, max %,.0f over %d rounds "
                            + "of %d, fresh validator each)%n", threads, threads == 1 ? " " : "s",
                    rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1), rounds, corpus.size());
            cpuMicros.sort(Double::compare);
            double cpuMedian = cpuMicros.get(cpuMicros.size() / 2);
            System.out.printf(Locale.ROOT, "           CPU per signature: median %,.0f us (min %,.0f) -> %,.0f signatures/s per "
                    + "busy core%n", cpuMedian, cpuMicros.get(0), 1e6 / cpuMedian);
        }
        // the same validator again and again: every cache warm (an upper bound, not the headline)
        SignatureValidator shared = validator(corpus);
        validateAll(shared, corpus, 2);
        Round hot = validateAll(shared, corpus, 2);
        System.out.printf(Locale.ROOT, "2 threads, one validator reused (all caches warm): %,.0f signatures/s%n",
                corpus.size() / (hot.nanos / 1e9));
        if (!ok) {
            System.err.println("FAILED: some signature is not TOTAL_PASSED or reports changed between rounds");
            System.exit(1);
        }
        System.exit(0);
    }

    static SignatureValidator validator(Corpus corpus) {
        return SignatureValidator.builder()
                .trustAnchors(TrustAnchors.of(corpus.anchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.offlineOnly())
                .build();
    }

    /** One pass over the corpus: wall time, CPU time of the validating threads, the reports. */
    record Round(long nanos, long cpuNanos, ValidationReport[] reports) {
    }

    static Round validateAll(SignatureValidator validator, Corpus corpus, int threads) throws Exception {
        ValidationReport[] reports = new ValidationReport[corpus.size()];
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < corpus.size(); i = next.getAndIncrement()) {
                        reports[i] = validator.validate(ValidationRequest.of("message-" + i + ".p7s", corpus.signatures().get(i))
                                .withDetachedContent(corpus.contents().get(i)).at(corpus.validationTime()));
                    }
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            return new Round(System.nanoTime() - t0, cpu.get(), reports);
        } finally {
            pool.shutdown();
        }
    }

    static boolean allPassed(ValidationReport[] reports) {
        TreeMap<String, Integer> verdicts = new TreeMap<>();
        for (ValidationReport r : reports) {
            for (SignatureReport s : r.signatures()) {
                verdicts.merge(s.indication() + "/" + s.subIndication() + " " + s.level(), 1, Integer::sum);
            }
        }
        System.out.println("verdicts: " + verdicts);
        boolean ok = verdicts.size() == 1 && verdicts.firstKey().startsWith("TOTAL_PASSED/null CAdES-BASELINE-LTA");
        if (!ok) {
            for (ValidationReport r : reports) {
                SignatureReport s = r.signatures().get(0);
                if (!s.isValid()) {
                    System.err.println(r.document().name() + ": " + s.indication() + "/" + s.subIndication() + " "
                            + s.errors() + " " + s.warnings());
                    break;
                }
            }
        }
        return ok;
    }

    /** SHA-256 over every signature report (verdict, chain, time-stamps, POEs, constraints, messages). */
    static String digest(ValidationReport[] reports) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (ValidationReport r : reports) {
            md.update(r.signatures().toString().getBytes(StandardCharsets.UTF_8));
            // the set of validation objects used (their order follows the order of use, not a verdict)
            r.objects().stream().map(o -> o.type() + ":" + o.id() + ":" + o.origin() + ":" + o.poeTime()).sorted()
                    .forEach(o -> md.update(o.getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    // --- corpus ---------------------------------------------------------------------------------

    static Corpus loadOrGenerate(Path file, int count) throws Exception {
        if (Files.exists(file)) {
            Corpus c = read(file);
            if (c.size() == count) {
                return c;
            }
        }
        long t0 = System.nanoTime();
        Corpus c = generate(count);
        System.out.printf(Locale.ROOT, "generated %d B-LTA signatures in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        Files.createDirectories(file.toAbsolutePath().getParent());
        write(c, file);
        return c;
    }

    static Corpus generate(int count) throws Exception {
        TestPki pki = TestPki.shared();
        List<Credential> signers = List.of(pki.signer(KeyType.ECDSA_P256), pki.signer(KeyType.ECDSA_P384),
                pki.signer(KeyType.RSA_2048));
        SignatureValidator online = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").allowHost("localhost").build()).build();
        CadesExtender extender = CadesExtender.builder()
                .timestampSource(HttpTimestampClient.builder(pki.services().tsaUrl()).build())
                .validationDataSource(new ValidationDataCollector(online.services(), ValidationMaterial.empty()))
                .build();
        List<CadesSigner> cadesSigners = signers.stream()
                .map(s -> CadesSigner.builder(SigningKey.of(s.privateKey(), s.chain())).build()).toList();
        List<byte[]> signatures = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20261206);
        // B-T first for all, then (a moment later) LT/LTA: the embedded revocation data must be issued after
        // every signature time-stamp (EN 319 102-1 §5.5.4 freshness against the best-signature-time).
        List<byte[]> timestamped = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] content = mailLike(i, random);
            byte[] b = cadesSigners.get(i % cadesSigners.size()).signDetached(SignedContent.of(content));
            timestamped.add(extender.extend(new SignedDocumentReader().readDetached(b, SignedContent.of(content)),
                    ExtensionTarget.T).cms());
            contents.add(content);
        }
        Thread.sleep(2_000);
        for (int i = 0; i < count; i++) {
            signatures.add(extender.extend(new SignedDocumentReader().readDetached(timestamped.get(i),
                    SignedContent.of(contents.get(i))), ExtensionTarget.LTA).cms());
        }
        Instant at = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        return new Corpus(pki.trustAnchors(), at, signatures, contents);
    }

    /** A ~50 KB RFC 5322 message: headers and quoted-printable-looking text. */
    static byte[] mailLike(int i, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(CONTENT_BYTES + 200);
        sb.append("From: Sender ").append(i % 17).append(" <sender").append(i % 17).append("@example.org>\r\n")
                .append("To: archive@example.org\r\nSubject: Invoice ").append(100_000 + i).append("\r\n")
                .append("Message-ID: <").append(i).append(".bench@example.org>\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        String[] words = {"invoice", "payment", "contract", "delivery", "archive", "signature", "the", "of", "and",
            "regarding", "attached", "please", "confirm", "amount", "EUR", "due", "date", "order", "number"};
        int col = 0;
        while (sb.length() < CONTENT_BYTES) {
            String w = words[random.nextInt(words.length)];
            sb.append(w);
            col += w.length() + 1;
            if (col > 72) {
                sb.append("\r\n");
                col = 0;
            } else {
                sb.append(' ');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void write(Corpus c, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(
                new java.io.BufferedOutputStream(os))) {
            out.writeInt(MAGIC);
            out.writeLong(c.validationTime().toEpochMilli());
            out.writeInt(c.anchors().size());
            for (X509Certificate a : c.anchors()) {
                bytes(out, a.getEncoded());
            }
            out.writeInt(c.size());
            for (int i = 0; i < c.size(); i++) {
                bytes(out, c.signatures().get(i));
                bytes(out, c.contents().get(i));
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    static Corpus read(Path file) throws Exception {
        try (InputStream is = Files.newInputStream(file); DataInputStream in = new DataInputStream(
                new java.io.BufferedInputStream(is))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a validation benchmark corpus");
            }
            Instant at = Instant.ofEpochMilli(in.readLong());
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> anchors = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                anchors.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(bytes(in))));
            }
            List<byte[]> signatures = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                signatures.add(bytes(in));
                contents.add(bytes(in));
            }
            return new Corpus(anchors, at, signatures, contents);
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
