package dev.vellum.bench.extend;

import dev.vellum.bench.corpus.MailLikeMessages;
import dev.vellum.bench.report.Metric;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.SealedBatch;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.trust.TrustAnchors;
import eu.europa.esig.dss.model.InMemoryDocument;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * B → LTA with Vellum (es-formats' extender, validation's data collector) and with DSS, on the same
 * detached B signatures over 50 KB mail-like content, against the same testkit TSA, OCSP and CRL
 * services (in this JVM, on 127.0.0.1); and Vellum's evidence-record path (timestamping's
 * {@link EvidenceBatch}, one time-stamp per batch from the same TSA). DSS makes no evidence records.
 */
public final class ExtensionBench {
    private final TestPki pki;
    private final PrintStream log;

    public ExtensionBench(TestPki pki, PrintStream log) {
        this.pki = pki;
        this.log = log;
    }

    public List<Metric> extension(int signatures) {
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        CadesSigner cades = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build();
        int warmUp = Math.min(20, signatures);
        List<byte[]> contents = new ArrayList<>();
        List<byte[]> bSignatures = new ArrayList<>();
        for (int i = 0; i < signatures + warmUp; i++) {
            byte[] content = MailLikeMessages.entity(500_000 + i);
            contents.add(content);
            bSignatures.add(cades.signDetached(SignedContent.of(content)));
        }
        SignatureValidator online = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
        CadesExtender vellum = CadesExtender.builder()
                .timestampSource(HttpTimestampClient.builder(pki.services().tsaUrl()).build())
                .validationDataSource(new ValidationDataCollector(online.services(), ValidationMaterial.empty())).build();
        DssExtender dss = new DssExtender(pki.trustAnchors(), pki.services().tsaUrl());
        SignedDocumentReader reader = new SignedDocumentReader();
        BiFunction<byte[], byte[], byte[]> vellumExtend = (sig, content) ->
                vellum.extend(reader.readDetached(sig, SignedContent.of(content)), ExtensionTarget.LTA).cms();
        BiFunction<byte[], byte[], byte[]> dssExtend = (sig, content) -> dss.extendToLta(sig, new InMemoryDocument(content));

        Run v = new Run("vellum", vellumExtend);
        Run d = new Run("dss", dssExtend);
        v.measure(bSignatures, contents, 0, warmUp, false);
        d.measure(bSignatures, contents, 0, warmUp, false);
        int half = warmUp + signatures / 2;
        v.measure(bSignatures, contents, warmUp, half, true);
        d.measure(bSignatures, contents, warmUp, half, true);
        d.measure(bSignatures, contents, half, warmUp + signatures, true);
        v.measure(bSignatures, contents, half, warmUp + signatures, true);
        log.printf("  extension: Vellum %.1f sig/s, DSS %.1f sig/s; %d/%d and %d/%d results are verifying B-LTA%n",
                v.rate(), d.rate(), v.good, v.count, d.good, d.count);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("extension", "B → LTA, signatures/s (1 thread)", v.rate(), d.rate(), true,
                signatures + " detached signatures over 50 KB, live local TSA/OCSP/CRL"));
        metrics.add(Metric.of("extension", "TSA calls per signature", v.calls.tsa() / (double) v.count,
                d.calls.tsa() / (double) d.count, false, "signature time-stamp + archive time-stamp"));
        metrics.add(Metric.of("extension", "OCSP/CRL/AIA requests per signature", v.calls.revocation() / (double) v.count,
                d.calls.revocation() / (double) d.count, false, "Vellum caches fetched responses until their nextUpdate"));
        metrics.add(Metric.of("extension", "results that read back as intact B-LTA (%)", 100.0 * v.good / v.count,
                100.0 * d.good / d.count, true, "checked with es-formats"));
        return metrics;
    }

    /** One library's extension runs: totals over the measured blocks. */
    private final class Run {
        final String library;
        final BiFunction<byte[], byte[], byte[]> extend;
        long nanos;
        int count;
        int good;
        ServiceCalls calls = new ServiceCalls(0, 0);

        Run(String library, BiFunction<byte[], byte[], byte[]> extend) {
            this.library = library;
            this.extend = extend;
        }

        void measure(List<byte[]> signatures, List<byte[]> contents, int from, int to, boolean counted) {
            List<byte[]> out = new ArrayList<>();
            ServiceCalls before = ServiceCalls.of(pki.services());
            long t0 = System.nanoTime();
            for (int i = from; i < to; i++) {
                out.add(extend.apply(signatures.get(i), contents.get(i)));
            }
            long t1 = System.nanoTime();
            if (!counted) {
                return;
            }
            calls = calls.plus(ServiceCalls.of(pki.services()).since(before));
            nanos += t1 - t0;
            count += to - from;
            SignedDocumentReader reader = new SignedDocumentReader();
            for (int i = from; i < to; i++) {
                var s = reader.readDetached(out.get(i - from), SignedContent.of(contents.get(i))).signatures().get(0);
                if (s.level().baseline() == BaselineLevel.B_LTA && s.cryptographicallyIntact()) {
                    good++;
                }
            }
        }

        double rate() {
            return count / (nanos / 1e9);
        }
    }

    /**
     * Evidence records for {@code messages} mail-like messages of 50 KB in batches of {@code batchSize}:
     * each message hashed, one time-stamp per batch, every record DER-encoded. Also with the digests
     * already known (the archive addresses blobs by their SHA-256), as the upgrade job has them.
     */
    public List<Metric> evidenceRecords(int messages, int batchSize) {
        HttpTimestampClient tsa = HttpTimestampClient.builder(pki.services().tsaUrl()).build();
        byte[] template = MailLikeMessages.entity(7);
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < Math.min(messages, batchSize); i++) {
            digests.add(DigestAlgorithm.SHA256.digest(message(template, i)));
        }
        ers(tsa, template, Math.min(messages, batchSize), batchSize); // warm-up
        ServiceCalls before = ServiceCalls.of(pki.services());
        long t0 = System.nanoTime();
        int batches = ers(tsa, template, messages, batchSize);
        long t1 = System.nanoTime();
        ServiceCalls calls = ServiceCalls.of(pki.services()).since(before);
        long t2 = System.nanoTime();
        int digestBatches = 0;
        for (int done = 0; done < messages; done += batchSize) {
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            for (int i = done; i < Math.min(messages, done + batchSize); i++) {
                batch.add(digests.get(i % digests.size()).clone());
            }
            encode(batch.seal(tsa));
            digestBatches++;
        }
        long t3 = System.nanoTime();
        double rate = messages / ((t1 - t0) / 1e9);
        double digestRate = messages / ((t3 - t2) / 1e9);
        log.printf("  evidence records: %.0f messages/s hashing 50 KB each, %.0f/s from known digests; %d TSA calls for %d batches%n",
                rate, digestRate, calls.tsa(), batches);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("ers", "messages/s into evidence records, 50 KB each hashed (1 thread)", rate, Double.NaN,
                true, "≥ 5,000", rate >= 5000, messages + " messages, batches of " + batchSize + "; DSS makes no evidence records"));
        metrics.add(Metric.of("ers", "messages/s into evidence records, digests known (1 thread)", digestRate, Double.NaN,
                true, "the upgrade job's case: blobs are addressed by SHA-256"));
        double perBatch = calls.tsa() / (double) batches;
        metrics.add(new Metric("ers", "TSA calls per batch", perBatch, Double.NaN, false, "1", perBatch == 1.0,
                batches + " batches"));
        return metrics;
    }

    private int ers(HttpTimestampClient tsa, byte[] template, int messages, int batchSize) {
        int batches = 0;
        for (int done = 0; done < messages; done += batchSize) {
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            for (int i = done; i < Math.min(messages, done + batchSize); i++) {
                batch.addContent(message(template, i));
            }
            encode(batch.seal(tsa));
            batches++;
        }
        return batches;
    }

    /** Message {@code i}: the template with its number written into the text, so every digest differs. */
    private static byte[] message(byte[] template, int i) {
        byte[] m = template.clone();
        byte[] number = Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(number, 0, m, m.length / 2, number.length);
        return m;
    }

    private static void encode(SealedBatch sealed) {
        long bytes = 0;
        for (EvidenceRecord r : sealed.records()) {
            bytes += r.encoded().length;
        }
        if (bytes == 0) {
            throw new IllegalStateException("empty evidence records");
        }
    }
}
