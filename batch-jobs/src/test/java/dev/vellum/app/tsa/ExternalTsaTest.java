package dev.vellum.app.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.app.support.Mailboxes;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.services.FailureMode;
import dev.vellum.testkit.services.FailureSwitch;
import dev.vellum.testkit.services.TsaService;
import dev.vellum.timestamping.ers.EvidenceRecord;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External TSAs for the upgrade job, against the testkit's live TSAs on 127.0.0.1 with their failure
 * switches: failover to the second TSA, a loud failure naming every TSA's reason when none answers
 * (nothing quarantined, nothing lost: the next run does the work), the embedded TSA only as a
 * configured fallback, basic authentication, and configuration mistakes named as such.
 */
class ExternalTsaTest {
    private static TestPki pki;
    private static TsaService second;
    private static Credential secondTsa;

    @TempDir
    Path temp;

    @BeforeAll
    static void pki() {
        pki = TestPki.builder().tsaKeyType(KeyType.ECDSA_P256).build();
        secondTsa = pki.issue("second-tsa").profile(CertificateProfile.TSA).subject("CN=Second TSA, O=Vellum Test PKI, C=DE")
                .build();
        second = pki.services().startTsa(secondTsa);
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @AfterEach
    void reset() {
        pki.services().resetAll();
        second.reset();
        second.requireBasicAuth(null, null);
        pki.services().tsa().requireBasicAuth(null, null);
    }

    @Test
    void whenTheFirstTsaIsDownTheSecondTimeStampsEveryChunk() throws Exception {
        Path data = temp.resolve("data");
        ingestPlainMessages(data, 6);
        second.clearRequests();
        try (FailureSwitch down = pki.services().tsa().failWith(FailureMode.DOWN);
             ArchiveContext archive = ArchiveContext.open(external(data))) {
            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(upgrade.completed()).as(upgrade.toString()).isTrue();
            assertThat(upgrade.count("upgraded")).isEqualTo(6);
            assertThat(second.requestCount()).isEqualTo((int) upgrade.count("tsaCalls"));
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            EvidenceRecord record = EvidenceRecord.parse(archive.bean(BlobStore.class)
                    .read(index.latestVersion(1, ItemVersion.EVIDENCE_RECORD).orElseThrow().blob()));
            assertThat(signedBy(record.latestTimeStamp(), secondTsa.certificate())).isTrue();
            assertThat(archive.bean(ArchiveTsa.class).description()).isEqualTo("external: first, second");
        }
    }

    @Test
    void whenNoTsaAnswersTheJobFailsNamingEachTsaAndTheItemsWaitForTheNextRun() throws Exception {
        Path data = temp.resolve("data");
        ingestPlainMessages(data, 6);
        try (ArchiveContext archive = ArchiveContext.open(external(data))) {
            JobRun failed;
            try (FailureSwitch first = pki.services().tsa().failWith(FailureMode.HTTP_500);
                 FailureSwitch down = second.failWith(FailureMode.DOWN)) {
                failed = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            }
            assertThat(failed.completed()).isFalse();
            assertThat(failed.failures()).anySatisfy(f -> assertThat(f)
                    .contains("all 2 TSAs failed").contains("TSA first").contains("HTTP 500")
                    .contains("TSA second"));
            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            assertThat(index.quarantined()).as("a TSA outage is not the items' fault").isEmpty();
            assertThat(index.latestVersion(1, ItemVersion.EVIDENCE_RECORD)).isEmpty();

            JobRun resumed = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(resumed.restarted()).isTrue();
            assertThat(resumed.completed()).as(resumed.toString()).isTrue();
            for (long id = 1; id <= 6; id++) {
                assertThat(index.latestVersion(id, ItemVersion.EVIDENCE_RECORD)).as("item %d", id).isPresent();
            }
        }
    }

    @Test
    void ltaUpgradeWaitsOutAnOutageAndFallsBackToTheEmbeddedTsaOnlyWhenConfigured() throws Exception {
        Path data = temp.resolve("data");
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.write(in.resolve("signed.eml"), signedMessage());
        ArchiveSettings settings = external(data).with("vellum.validation.online", "true")
                .with("vellum.validation.allowed-hosts[0]", "127.0.0.1");
        try (FailureSwitch first = pki.services().tsa().failWith(FailureMode.DOWN);
             FailureSwitch down = second.failWith(FailureMode.DOWN)) {
            try (ArchiveContext archive = ArchiveContext.open(settings)) {
                assertThat(ingest(archive, in).count("TOTAL_PASSED")).isEqualTo(1);
                JobRun failed = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "LTA"));
                assertThat(failed.completed()).isFalse();
                assertThat(failed.failures()).anySatisfy(f -> assertThat(f).contains("all 2 TSAs failed"));
                assertThat(archive.bean(ArchiveIndex.class).quarantined()).isEmpty();
                assertThat(Files.exists(data.resolve("tsa"))).as("the embedded TSA is not used unless configured").isFalse();
            }
            try (ArchiveContext archive = ArchiveContext.open(settings.with("vellum.tsa.fallback-to-embedded", "true"))) {
                JobRun resumed = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "LTA"));
                assertThat(resumed.completed()).as(resumed.toString()).isTrue();
                assertThat(resumed.count("upgraded")).isEqualTo(1);
                ArchiveIndex index = archive.bean(ArchiveIndex.class);
                byte[] lta = archive.bean(BlobStore.class).read(index.latestVersion(1, ItemVersion.CADES).orElseThrow().blob());
                var signature = new SignedDocumentReader().read(lta).signatures().get(0);
                assertThat(signature.timestamps(TimestampKind.ARCHIVE_V3).get(0).token().getSID().getIssuer().toString())
                        .contains("Vellum Embedded Test TSA");
                JobRun revalidate = archive.run(RevalidateJobConfiguration.JOB, Map.of(RevalidateJobConfiguration.AT, "now"));
                assertThat(revalidate.count("TOTAL_PASSED")).as(revalidate.toString()).isEqualTo(1);
            }
        }
    }

    @Test
    void basicAuthenticationIsSentAndARefusalIsNamed() throws Exception {
        Path data = temp.resolve("data");
        ingestPlainMessages(data, 2);
        pki.services().tsa().requireBasicAuth("archive", "s3cret");
        second.requireBasicAuth("archive", "other");
        Path password = Files.writeString(temp.resolve("tsa.pw"), "s3cret\n");
        ArchiveSettings settings = external(data).with("vellum.tsa.sources[0].username", "archive")
                .with("vellum.tsa.sources[0].password-file", password.toString())
                .with("vellum.tsa.sources[1].username", "archive")
                .with("vellum.tsa.sources[1].password-file", password.toString());
        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            try (FailureSwitch down = pki.services().tsa().failWith(FailureMode.DOWN)) {
                JobRun refused = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
                assertThat(refused.failures()).anySatisfy(f -> assertThat(f).contains("TSA second").contains("401"));
            }
            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS"));
            assertThat(upgrade.completed()).as(upgrade.toString()).isTrue();
            assertThat(pki.services().tsa().lastRequest().orElseThrow().header("Authorization"))
                    .contains("Basic YXJjaGl2ZTpzM2NyZXQ=");
        }
    }

    @Test
    void settingsThatCannotWorkAreNamed() throws Exception {
        Path data = temp.resolve("data");
        ArchiveSettings noSources = ArchiveSettings.of(data).with("vellum.upgrade.tsa", "external")
                .with("vellum.tsa.trust[0]", root().toString());
        try (ArchiveContext archive = ArchiveContext.open(noSources)) {
            assertThatThrownBy(() -> archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS")))
                    .isInstanceOf(ArchiveUnavailableException.class).hasMessageContaining("vellum.tsa.sources");
        }
        ArchiveSettings badCertificate = external(data)
                .with("vellum.tsa.sources[0].client-certificate", temp.resolve("missing.p12").toString());
        try (ArchiveContext archive = ArchiveContext.open(badCertificate)) {
            assertThatThrownBy(() -> archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS")))
                    .isInstanceOf(ArchiveUnavailableException.class)
                    .hasMessageContaining("vellum.tsa.sources[0].client-certificate").hasMessageContaining("missing.p12");
        }
        try (ArchiveContext archive = ArchiveContext.open(ArchiveSettings.of(data).with("vellum.upgrade.tsa", "somewhere"))) {
            assertThatThrownBy(() -> archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "ERS")))
                    .isInstanceOf(ArchiveUnavailableException.class).hasMessageContaining("'embedded' or 'external'");
        }
    }

    /** Two external TSAs, first the PKI's own, then the second; one attempt each, so no test waits for a retry. */
    private ArchiveSettings external(Path data) throws Exception {
        return ArchiveSettings.of(data)
                .with("vellum.jobs.chunk-size", "3").with("vellum.jobs.partitions", "2")
                .with("vellum.validation.trust[0]", root().toString())
                .with("vellum.upgrade.tsa", "external")
                .with("vellum.tsa.trust[0]", root().toString())
                .with("vellum.tsa.attempts", "1")
                .with("vellum.tsa.sources[0].url", pki.services().tsaUrl().toString())
                .with("vellum.tsa.sources[0].name", "first")
                .with("vellum.tsa.sources[1].url", second.url().toString())
                .with("vellum.tsa.sources[1].name", "second");
    }

    private Path root() throws Exception {
        Path file = temp.resolve("root.pem");
        if (!Files.exists(file)) {
            Files.writeString(file, Pem.encode("CERTIFICATE", pki.root().certificate().getEncoded()));
        }
        return file;
    }

    private void ingestPlainMessages(Path data, int count) throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(("From: n" + i + "@example.org\r\nSubject: m" + i + "\r\n\r\nbody " + i + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Path mbox = Mailboxes.mbox(temp.resolve("in/m.mbox"), messages);
        try (ArchiveContext archive = ArchiveContext.open(external(data))) {
            assertThat(ingest(archive, mbox).completed()).isTrue();
        }
    }

    private static JobRun ingest(ArchiveContext archive, Path path) {
        return archive.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                IngestJobConfiguration.sourcesParameter(List.of(path))));
    }

    private static byte[] signedMessage() {
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", "signer@vellum.test");
        headers.put("Subject", "external TSAs");
        return CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build()
                .signSmime("Content-Type: text/plain\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII),
                        new SmimeMessageWriter.Headers(headers));
    }

    private static boolean signedBy(TimeStampToken token, X509Certificate certificate) throws Exception {
        return token.getSID().match(new X509CertificateHolder(certificate.getEncoded()));
    }
}
