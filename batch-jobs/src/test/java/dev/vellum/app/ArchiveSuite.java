package dev.vellum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.QuarantineEntry;
import dev.vellum.app.store.StoreVerification;
import dev.vellum.app.store.StoreVerifier;
import dev.vellum.app.support.BadInputs;
import dev.vellum.app.support.Database;
import dev.vellum.app.support.Mailboxes;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.corpus.OpenSslCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive's behaviour end to end through Spring Batch, on one database; subclasses pick H2 or
 * PostgreSQL so that the same suite proves both.
 */
abstract class ArchiveSuite {
    @TempDir
    Path temp;

    abstract Database database();

    private final Map<Path, dev.vellum.app.context.ArchiveSettings> settings = new java.util.HashMap<>();

    /** Opens the archive in {@code data}; reopening the same directory reaches the same database. */
    ArchiveContext open(Path data) {
        return ArchiveContext.open(settings.computeIfAbsent(data, d -> database().settings(d)));
    }

    /** Opens with the demo PKI as trust anchors and validation data. */
    ArchiveContext openWithDemoPki(Path data, Path samples) {
        return ArchiveContext.open(settings.computeIfAbsent(data, d -> database().settings(d)
                .with("vellum.validation.trust[0]", samples.resolve("pki/demo-trust-anchor.pem").toString())
                .with("vellum.validation.trust[1]", samples.resolve("pki/demo-tsa-chain.pem").toString())
                .with("vellum.validation.validation-data[0]", samples.resolve("pki").toString())));
    }

    @Test
    void signedMailIsUpgradedToLtaAndRevalidatedWithEveryRunKept() {
        Path samples = dev.vellum.app.demo.DemoSamples.extractTo(temp.resolve("samples"));
        Path data = temp.resolve("data");
        try (ArchiveContext archive = openWithDemoPki(data, samples)) {
            JobRun ingest = ingest(archive, samples.resolve("mailbox/eml"));
            assertThat(ingest.count("TOTAL_PASSED")).isEqualTo(20);
            JobRun upgrade = archive.run(dev.vellum.app.upgrade.UpgradeJobConfiguration.JOB,
                    Map.of(dev.vellum.app.upgrade.UpgradeJobConfiguration.TARGET, "LTA"));
            assertThat(upgrade.completed()).as(upgrade.toString()).isTrue();
            assertThat(upgrade.count("upgraded")).isEqualTo(22);
            assertThat(upgrade.count("unsigned")).isEqualTo(1);
            assertThat(upgrade.count("quarantined")).as("the tampered message is refused").isEqualTo(1);
            JobRun revalidate = archive.run(dev.vellum.app.revalidate.RevalidateJobConfiguration.JOB,
                    Map.of(dev.vellum.app.revalidate.RevalidateJobConfiguration.AT, "now"));
            assertThat(revalidate.count("TOTAL_PASSED")).isEqualTo(20);
            assertThat(revalidate.count("TOTAL_FAILED")).isEqualTo(2);
            assertThat(revalidate.count("INDETERMINATE")).isEqualTo(2);

            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            Item item = itemFrom(index, "01-alice.eml");
            assertThat(index.versions(item.id())).extracting(dev.vellum.app.store.ItemVersion::level)
                    .containsExactly(null, "CAdES-BASELINE-LTA");
            assertThat(index.validationRuns(item.id())).extracting(dev.vellum.app.store.ValidationRun::level)
                    .containsExactly("CAdES-BASELINE-T", "CAdES-BASELINE-LTA");
            assertThat(item.evidenceUntil()).isNotNull();
            assertThat(archive.bean(StoreVerifier.class).verify(n -> { }).problems()).isEmpty();
            assertThat(archive.bean(EventLog.class).verify().ok()).isTrue();
        }
    }

    static JobRun ingest(ArchiveContext archive, Path... paths) {
        return archive.run(IngestJobConfiguration.JOB,
                Map.of(IngestJobConfiguration.SOURCES, IngestJobConfiguration.sourcesParameter(List.of(paths))));
    }

    static Path corpusMessages() {
        Corpus.openSslCases().forEach(c -> Corpus.file("openssl/messages/" + c.fileName()));
        for (OpenSslCase c : Corpus.openSslCases()) {
            if (c.fileName().endsWith(".p7s")) {
                String base = c.fileName().substring(0, c.fileName().length() - 4);
                if (Corpus.exists("openssl/messages/" + base + ".bin")) {
                    Corpus.file("openssl/messages/" + base + ".bin");
                }
            }
        }
        return Corpus.file("openssl/MANIFEST.tsv").getParent().resolve("messages");
    }

    @Test
    void ingestsTheCorpusAndBadInputQuarantinedWithReasonsAndTheJobFinishes() throws IOException {
        Path bad = temp.resolve("bad");
        Map<String, String> expectedReasons = BadInputs.writeAll(bad);
        try (ArchiveContext archive = open(temp.resolve("data"))) {
            JobRun run = ingest(archive, corpusMessages(), bad);
            assertThat(run.completed()).as(run.toString()).isTrue();

            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            List<QuarantineEntry> quarantined = index.quarantined();
            expectedReasons.forEach((file, word) -> assertThat(quarantined)
                    .as("quarantine entry for " + file)
                    .anySatisfy(q -> {
                        assertThat(q.source()).endsWith(file);
                        assertThat(q.reason()).containsIgnoringCase(word);
                    }));
            // Corpus files that are not CMS at all (truncated, random bytes) are quarantined too, with the reason.
            assertThat(quarantined).anySatisfy(q -> {
                assertThat(q.source()).endsWith("41-random-bytes.p7m");
                assertThat(q.reason()).contains("not a CMS SignedData");
            });

            Item twoSigners = itemFrom(index, "28-valid-two-signers.eml");
            assertThat(twoSigners.signerCount()).isEqualTo(2);
            Item plain = itemFrom(index, "01-valid-rsa2048.eml");
            assertThat(plain.signerCount()).isEqualTo(1);
            assertThat(plain.from()).isNotBlank();
            assertThat(plain.messageId()).isNotBlank();
            assertThat(plain.sentAt()).isNotNull();
            Item detached = itemFrom(index, "12-valid-detached.p7s");
            assertThat(detached.detachedContent()).isNotNull();
            assertThat(archive.bean(BlobStore.class).read(detached.detachedContent()))
                    .isEqualTo(Files.readAllBytes(corpusMessages().resolve("12-valid-detached.bin")));

            // The original bytes are kept exactly, as version 0.
            assertThat(archive.bean(BlobStore.class).read(plain.original()))
                    .isEqualTo(Files.readAllBytes(corpusMessages().resolve("01-valid-rsa2048.eml")));
            assertThat(index.versions(plain.id())).singleElement()
                    .satisfies(v -> assertThat(v.version()).isZero());
            assertThat(run.count("quarantined")).isEqualTo(quarantined.size());
            // Every archived item got its first validation in the same job.
            assertThat(index.countByIndication()).doesNotContainKey("NOT_VALIDATED");
            assertThat(run.count("TOTAL_PASSED") + run.count("TOTAL_FAILED") + run.count("INDETERMINATE"))
                    .isEqualTo(index.itemCount());

            StoreVerification verification = archive.bean(StoreVerifier.class).verify(n -> { });
            assertThat(verification.problems()).isEmpty();
        }
    }

    @Test
    void ingestsMboxAndMaildirGivingBackTheSignedBytesAndIsIdempotent() throws IOException {
        byte[] a = Corpus.bytes("openssl/messages/07-valid-crlf.eml");
        byte[] b = Corpus.bytes("openssl/messages/08-valid-lf-only.eml");
        byte[] fromLine = ("From: x@example.org\nSubject: quoting\n\nFrom the start of a line,\n>From quoted\nend\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] c = Corpus.bytes("openssl/messages/04-valid-ecdsa-p256.eml");
        byte[] d = Corpus.bytes("openssl/messages/10-valid-base64-parts.eml");
        Path mbox = Mailboxes.mbox(temp.resolve("in/archive.mbox"), List.of(a, b, fromLine));
        Path maildir = Mailboxes.maildir(temp.resolve("in/Maildir"), List.of(c, d, a));
        Path data = temp.resolve("data");
        try (ArchiveContext archive = open(data)) {
            JobRun first = ingest(archive, mbox, maildir);
            assertThat(first.completed()).isTrue();
            assertThat(first.count("archived")).isEqualTo(5);
            assertThat(first.count("duplicates")).as("message a arrives twice").isEqualTo(1);

            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            BlobStore blobs = archive.bean(BlobStore.class);
            for (byte[] message : List.of(a, b, fromLine, c, d)) {
                Item item = index.findByOriginal(ContentHash.of(message)).orElseThrow(
                        () -> new AssertionError("message not archived byte for byte"));
                assertThat(blobs.read(item.original())).isEqualTo(message);
            }
            assertThat(index.sources(index.findByOriginal(ContentHash.of(a)).orElseThrow().id())).hasSize(2);
            long events = archive.bean(EventLog.class).size();

            JobRun second = ingest(archive, mbox, maildir);
            assertThat(second.completed()).isTrue();
            assertThat(second.restarted()).isFalse();
            assertThat(second.count("archived")).isZero();
            assertThat(second.count("alreadyArchived")).isEqualTo(6);
            assertThat(index.itemCount()).isEqualTo(5);
            assertThat(archive.bean(EventLog.class).size()).as("nothing new happened, nothing logged").isEqualTo(events);
        }
    }

    @Test
    void aChangedDeletedOrInsertedEventBreaksTheChainAtThatEntry() {
        try (ArchiveContext archive = open(temp.resolve("data"))) {
            ingest(archive, corpusMessages());
            EventLog events = archive.bean(EventLog.class);
            assertThat(events.verify().ok()).isTrue();
            assertThat(events.size()).isGreaterThan(10);
            JdbcClient jdbc = archive.bean(JdbcClient.class);

            jdbc.sql("UPDATE archive_event SET detail = 'sha256=forged' WHERE seq = 3").update();
            assertThat(events.verify().problems()).singleElement().asString()
                    .contains("event 3").contains("altered");
            jdbc.sql("UPDATE archive_event SET detail = ? WHERE seq = 3")
                    .param(jdbc.sql("SELECT detail FROM archive_event WHERE seq = 4").query(String.class).single())
                    .update();

            long last = events.size();
            jdbc.sql("DELETE FROM archive_event WHERE seq = ?").param(last).update();
            assertThat(events.verify().problems()).anySatisfy(p -> assertThat(p).contains("chain head"));
            assertThat(events.verify().problems()).anySatisfy(p -> assertThat(p).contains("event 3"));
        }
    }

    @Test
    void verifyStoreNamesACorruptAndAMissingBlobAndWhatNeedsThem() throws IOException {
        try (ArchiveContext archive = open(temp.resolve("data"))) {
            ingest(archive, corpusMessages());
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            BlobStore blobs = archive.bean(BlobStore.class);
            Item victim = itemFrom(index, "04-valid-ecdsa-p256.eml");
            Path file = blobs.pathOf(victim.original());
            file.toFile().setWritable(true);
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
            Item gone = itemFrom(index, "05-valid-ed25519.eml");
            Files.delete(blobs.pathOf(gone.original()));

            StoreVerification result = archive.bean(StoreVerifier.class).verify(n -> { });
            assertThat(result.ok()).isFalse();
            assertThat(result.problems()).anySatisfy(p -> assertThat(p)
                    .contains(victim.original().hex()).contains("corrupt").contains("item " + victim.id() + " version 0"));
            assertThat(result.problems()).anySatisfy(p -> assertThat(p)
                    .contains(gone.original().hex()).contains("missing"));
        }
    }

    @Test
    void aFailedIngestIsResumedByRunningTheSameCommandAgainAndNothingIsDoneTwice() throws IOException {
        Path input = temp.resolve("in");
        List<byte[]> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(("From: n" + i + "@example.org\r\nMessage-ID: <" + i + "@example.org>\r\nSubject: message " + i
                    + "\r\n\r\nbody " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        Mailboxes.mbox(input.resolve("big.mbox"), messages);
        // Block the blob directory of message 25: the disk "fails" there, which must stop the job, not quarantine.
        ContentHash blocked = ContentHash.of(messages.get(25));
        Path data = temp.resolve("data");
        Path shard = data.resolve("store/sha256").resolve(blocked.hex().substring(0, 2));
        Files.createDirectories(shard.getParent());
        Files.writeString(shard, "not a directory");

        try (ArchiveContext archive = open(data)) {
            JobRun failed = ingest(archive, input);
            assertThat(failed.completed()).isFalse();
            assertThat(failed.failures()).anySatisfy(f -> assertThat(f).contains("cannot store blob"));
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            assertThat(index.itemCount()).isBetween(1L, 39L);
            assertThat(index.quarantineCount()).isZero();
        }
        Files.delete(shard);
        try (ArchiveContext archive = open(data)) {
            JobRun resumed = ingest(archive, input);
            assertThat(resumed.restarted()).isTrue();
            assertThat(resumed.completed()).as(resumed.toString()).isTrue();
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            assertThat(index.itemCount()).isEqualTo(40);
            long ingestedEvents = archive.bean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM archive_event WHERE type = 'INGESTED'").query(Long.class).single();
            assertThat(ingestedEvents).as("each message ingested exactly once").isEqualTo(40);
            assertThat(archive.bean(StoreVerifier.class).verify(n -> { }).problems()).isEmpty();
        }
    }

    static Item itemFrom(ArchiveIndex index, String fileName) {
        return index.items(null, 0, 10_000).stream()
                .filter(i -> index.sources(i.id()).stream().anyMatch(s -> s.endsWith("/" + fileName)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no archived item from " + fileName));
    }
}
