package dev.vellum.bench.archive;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Builds an archive of {@code items} signed messages through the {@code ingest} job and then runs
 * the {@code revalidate} job over it, in this JVM, with the application's defaults (H2, chunks of 50,
 * one partition per core), offline: the test root trusted, the CAs' CRLs as validation data, as
 * batch-jobs' crash tests configure it. The revalidate job runs under JFR ({@code revalidate.jfr}). Prints {@code @@result items ingestSeconds revalidateSeconds passed}.
 */
public final class RevalidateWorker {
    private RevalidateWorker() {
    }

    public static void main(String[] args) throws Exception {
        dev.vellum.bench.LocalServices.withoutNagleDelay();
        int items = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        TestPki pki = TestPki.shared();
        List<Credential> signers = List.of(pki.signer(KeyType.ECDSA_P256), pki.signer(KeyType.ECDSA_P384),
                pki.issue("archive-clerk-a").build(), pki.issue("archive-clerk-b").build());
        List<CadesSigner> cades = signers.stream()
                .map(s -> CadesSigner.builder(SigningKey.of(s.privateKey(), s.chain())).build()).toList();
        Path mbox = dir.resolve("in/archive.mbox");
        Files.createDirectories(mbox.getParent());
        long s0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            for (int i = 0; i < items; i++) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("From", "clerk" + (i % 4) + "@vellum.test");
                headers.put("To", "archive@vellum.test");
                headers.put("Subject", "Archived record " + i);
                headers.put("Message-ID", "<archive-" + i + "@vellum.test>");
                String body = "Content-Type: text/plain; charset=UTF-8\r\n\r\nRecord " + i + ".\r\n"
                        + ("The records department confirms receipt and retention of the attached minutes.\r\n").repeat(30);
                byte[] eml = cades.get(i % cades.size()).signSmime(body.getBytes(StandardCharsets.UTF_8),
                        new SmimeMessageWriter.Headers(headers));
                out.write("From records@vellum.test Mon Jan  5 09:00:00 2026\n".getBytes(StandardCharsets.US_ASCII));
                out.write(new String(eml, StandardCharsets.ISO_8859_1).replaceAll("(?m)^(>*From )", ">$1")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        System.err.printf(Locale.ROOT, "signed %d messages in %.1f s%n", items, (System.nanoTime() - s0) / 1e9);
        Path pkiDir = Files.createDirectories(dir.resolve("pki"));
        Files.writeString(pkiDir.resolve("root.pem"), Pem.encode("CERTIFICATE", pki.root().certificate().getEncoded()));
        Files.write(pkiDir.resolve("intermediate.crl"), pki.currentCrl(pki.intermediate()).getEncoded());
        Files.write(pkiDir.resolve("root.crl"), pki.currentCrl(pki.root()).getEncoded());
        Path config = Files.writeString(dir.resolve("vellum.properties"),
                "vellum.validation.trust[0]=" + pkiDir.resolve("root.pem") + "\n"
                        + "vellum.validation.validation-data[0]=" + pkiDir + "\n");
        ArchiveSettings settings = new ArchiveSettings(dir.resolve("data"), config, null, Map.of());
        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            long t0 = System.nanoTime();
            JobRun ingest = archive.run(IngestJobConfiguration.JOB,
                    Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(List.of(mbox))));
            long t1 = System.nanoTime();
            System.err.println("ingest: " + ingest);
            JobRun revalidate;
            try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                recording.start();
                revalidate = archive.run(RevalidateJobConfiguration.JOB, Map.of(RevalidateJobConfiguration.AT, "now"));
                recording.stop();
                recording.dump(dir.resolve("revalidate.jfr"));
            }
            long t2 = System.nanoTime();
            System.err.println("revalidate: " + revalidate);
            System.out.printf(Locale.ROOT, "@@result %d %.2f %.2f %d%n", items, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    revalidate.count("TOTAL_PASSED"));
        }
        System.exit(0);
    }
}
