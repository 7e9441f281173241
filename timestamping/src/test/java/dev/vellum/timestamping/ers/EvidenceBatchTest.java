package dev.vellum.timestamping.ers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.support.CountingTimestampSource;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBatchTest {
    static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
    private static final int ITEMS = 10_000;

    @TempDir
    static Path dir;
    static MutableClock clock = MutableClock.at(T0);
    static EmbeddedTsa tsa;
    static CountingTimestampSource counting;
    static EvidenceRecordVerifier verifier;
    static List<byte[]> contents = new ArrayList<>();
    static SealedBatch sealed;
    static int sealCalls;

    @BeforeAll
    static void sealTenThousandItems() {
        tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build());
        counting = new CountingTimestampSource(tsa);
        verifier = new EvidenceRecordVerifier(TokenVerifier.builder().clock(clock)
                .trustAnchor(tsa.certificateChain().get(1)).build());
        Random random = new Random(4998);
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        for (int i = 0; i < ITEMS; i++) {
            byte[] content = new byte[48 + random.nextInt(64)];
            random.nextBytes(content);
            contents.add(content);
            assertThat(batch.addContent(content)).isEqualTo(i);
        }
        sealed = batch.seal(counting);
        sealCalls = counting.calls();
    }

    @AfterAll
    static void close() {
        tsa.close();
    }

    private static List<DataObject> item(int i) {
        return List.of(DataObject.of(contents.get(i)));
    }

    @Test
    void aBatchOfTenThousandItemsMakesExactlyOneTsaRequestAndEveryRecordVerifies() {
        assertThat(sealCalls).isEqualTo(1);
        assertThat(sealed.records()).hasSize(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            EvidenceRecordVerification v = verifier.verify(sealed.record(i), item(i), T0);
            assertThat(v.valid()).as("item %d: %s", i, v).isTrue();
            assertThat(v.proofOfExistence()).contains(T0);
        }
        // Reduced trees are logarithmic: the item's own list plus at most one sibling per level (14 levels).
        assertThat(sealed.record(1234).toAsn1().getArchiveTimeStampSequence().getArchiveTimeStampChains()[0]
                .getArchiveTimestamps()[0].getReducedHashTree().length).isBetween(14, 15);
    }

    @Test
    void aChangedItemFailsWithAHashMismatch() {
        byte[] changed = contents.get(42).clone();
        changed[0] ^= 1;
        EvidenceRecordVerification v = verifier.verify(sealed.record(42), List.of(DataObject.of(changed)), T0);
        assertThat(v.failure()).contains(EvidenceRecordFailure.HASH_MISMATCH);
        assertThat(v.message()).contains("hash mismatch").contains("SHA-256");
        assertThat(verifier.verify(sealed.record(42), item(43), T0).failure()).contains(EvidenceRecordFailure.HASH_MISMATCH);
        assertThatThrownBy(() -> verifier.verify(sealed.record(42), List.of(DataObject.of(changed)), T0).orThrow())
                .isInstanceOfSatisfying(EvidenceRecordException.class,
                        e -> assertThat(e.failure()).isEqualTo(EvidenceRecordFailure.HASH_MISMATCH));
    }

    @Test
    void anAlteredHashTreeNoLongerLeadsToTheTimeStampedRoot() {
        EvidenceRecord original = sealed.record(7);
        ArchiveTimeStamp ats = original.chains()[0].getArchiveTimestamps()[0];
        PartialHashtree[] reduced = ats.getReducedHashTree().clone();
        byte[][] second = reduced[1].getValues();
        second[0] = second[0].clone();
        second[0][3] ^= 0x40;
        reduced[1] = new PartialHashtree(second);
        EvidenceRecord forged = new EvidenceRecord(new org.bouncycastle.asn1.tsp.EvidenceRecord(
                original.toAsn1().getDigestAlgorithms(), null, null, new ArchiveTimeStampSequence(
                new ArchiveTimeStampChain(new ArchiveTimeStamp(ats.getDigestAlgorithmIdentifier(), reduced, ats.getTimeStamp())))));
        assertThat(verifier.verify(forged, item(7), T0).failure()).contains(EvidenceRecordFailure.HASH_TREE_MISMATCH);
    }

    @Test
    void ourDerEncodingIsBouncyCastlesDerEncoding() throws Exception {
        // A fresh batch, so that encoded() takes the direct path from the tree leaf.
        EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
        for (int i = 0; i < 37; i++) {
            if (i % 5 == 0) {
                batch.addGroup(List.of(DigestAlgorithm.SHA256.digest(contents.get(i)), DigestAlgorithm.SHA256.digest(contents.get(i + 1))));
            } else {
                batch.addContent(contents.get(i));
            }
        }
        SealedBatch fresh = batch.seal(tsa);
        for (int i = 0; i < 37; i++) {
            byte[] direct = fresh.record(i).encoded();
            byte[] bouncyCastle = fresh.record(i).toAsn1().getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
            assertThat(direct).as("item %d", i).isEqualTo(bouncyCastle);
            assertThat(fresh.record(i).encoded()).as("item %d from the structure", i).isEqualTo(bouncyCastle);
        }
    }

    @Test
    void recordsSurviveEncodingAndParsing() {
        EvidenceRecord parsed = EvidenceRecord.parse(sealed.record(99).encoded());
        assertThat(parsed).isEqualTo(sealed.record(99));
        assertThat(parsed.digestAlgorithms()).containsExactly(DigestAlgorithm.SHA256);
        assertThat(parsed.firstTimeStampTime()).isEqualTo(T0);
        assertThat(verifier.verify(parsed, item(99), T0).valid()).isTrue();
    }

    @Test
    void garbageIsNotAnEvidenceRecord() {
        for (byte[] bad : new byte[][] {new byte[0], "<html>".getBytes(StandardCharsets.US_ASCII), {0x30, 0x03, 0x02, 0x01, 0x01},
                java.util.Arrays.copyOf(sealed.record(1).encoded(), 200)}) {
            assertThatThrownBy(() -> EvidenceRecord.parse(bad)).isInstanceOf(TimestampException.class)
                    .hasMessageContaining("evidence record");
        }
    }

    @Test
    void beforeItsTimeStampARecordProvesNothing() {
        assertThat(verifier.verify(sealed.record(0), item(0), T0.minusSeconds(1)).failure())
                .contains(EvidenceRecordFailure.NOT_YET_EXISTING);
    }

    @Test
    void afterTheTsaCertificateExpiresAnUnrenewedRecordIsExpired() {
        Instant expiry = tsa.certificateChain().get(0).getNotAfter().toInstant();
        EvidenceRecordVerification v = verifier.verify(sealed.record(0), item(0), expiry.plus(Duration.ofDays(1)));
        assertThat(v.failure()).contains(EvidenceRecordFailure.EXPIRED);
        assertThat(v.message()).contains("needed a time-stamp renewal");
    }

    @Test
    void dataObjectsCanBeKnownByFileByDigestOrByTheCallersOwnHashing(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("item-5.eml");
        java.nio.file.Files.write(file, contents.get(5));
        assertThat(verifier.verify(sealed.record(5), List.of(DataObject.ofFile(file)), T0).valid()).isTrue();
        assertThat(verifier.verify(sealed.record(5), List.of(DataObject.ofDigest(DigestAlgorithm.SHA256,
                DigestAlgorithm.SHA256.digest(contents.get(5)))), T0).valid()).isTrue();
        assertThat(verifier.verify(sealed.record(5), List.of(DataObject.hashedBy(a -> a.digest(contents.get(5)))), T0)
                .valid()).isTrue();
        assertThatThrownBy(() -> verifier.verify(sealed.record(5), List.of(DataObject.hashedBy(a -> new byte[3])), T0))
                .isInstanceOf(TimestampException.class).hasMessageContaining("expected 32");
    }

    @Test
    void dataKnownOnlyByAnotherAlgorithmsHashIsTheCallersProblem() {
        List<DataObject> onlySha512 = List.of(DataObject.ofDigest(DigestAlgorithm.SHA512, DigestAlgorithm.SHA512.digest(contents.get(0))));
        assertThatThrownBy(() -> verifier.verify(sealed.record(0), onlySha512, T0))
                .isInstanceOf(TimestampException.class).hasMessageContaining("SHA-256 hash is needed");
    }
}
