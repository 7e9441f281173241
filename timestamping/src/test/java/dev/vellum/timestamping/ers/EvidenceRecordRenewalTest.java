package dev.vellum.timestamping.ers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.support.CountingTimestampSource;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Years of renewals simulated with a clock: every record keeps proving its data at the original date. */
class EvidenceRecordRenewalTest {
    private static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(T0);

    private EvidenceRecordVerifier verifier(EmbeddedTsa tsa) {
        return new EvidenceRecordVerifier(TokenVerifier.builder().trustAnchor(tsa.certificateChain().get(1)).build());
    }

    private static List<byte[]> contents(int n, long seed) {
        Random random = new Random(seed);
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[80];
            random.nextBytes(b);
            list.add(b);
        }
        return list;
    }

    private static void assertAllValid(EvidenceRecordVerifier verifier, List<EvidenceRecord> records, List<byte[]> contents,
                                       Instant at) {
        for (int i = 0; i < records.size(); i++) {
            EvidenceRecordVerification v = verifier.verify(records.get(i), List.of(DataObject.of(contents.get(i))), at);
            assertThat(v.valid()).as("item %d at %s: %s", i, at, v).isTrue();
            assertThat(v.proofOfExistence()).as("item %d", i).contains(T0);
        }
    }

    @Test
    void tenThousandRecordsRenewedByTimeStampThenHashTreeStillProveTheOriginalDate() {
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build())) {
            CountingTimestampSource source = new CountingTimestampSource(tsa);
            EvidenceRecordVerifier verifier = verifier(tsa);
            List<byte[]> contents = contents(10_000, 1);
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            contents.forEach(batch::addContent);
            List<EvidenceRecord> records = batch.seal(source).records();

            clock.set(T0.plus(YEAR.multipliedBy(2)));
            source.reset();
            List<EvidenceRecord> renewed = EvidenceRecords.renewTimeStamps(records, source);
            assertThat(source.calls()).isEqualTo(1);
            assertThat(renewed.get(0).timeStamps()).hasSize(2);
            assertAllValid(verifier, renewed, contents, clock.instant());
            assertAllValid(verifier, renewed, contents, T0);

            clock.set(T0.plus(YEAR.multipliedBy(4)));
            source.reset();
            List<HashTreeRenewal> items = IntStream.range(0, renewed.size())
                    .mapToObj(i -> new HashTreeRenewal(renewed.get(i), List.of(DataObject.of(contents.get(i))))).toList();
            List<EvidenceRecord> rehashed = EvidenceRecords.renewHashTrees(items, DigestAlgorithm.SHA512, source);
            assertThat(source.calls()).isEqualTo(1);
            assertThat(rehashed.get(0).chainCount()).isEqualTo(2);
            assertThat(rehashed.get(0).currentAlgorithm()).isEqualTo(DigestAlgorithm.SHA512);
            assertThat(rehashed.get(0).digestAlgorithms()).containsExactly(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);
            assertAllValid(verifier, rehashed, contents, clock.instant());
            assertAllValid(verifier, rehashed, contents, T0);

            clock.set(T0.plus(YEAR.multipliedBy(5)));
            source.reset();
            List<EvidenceRecord> again = EvidenceRecords.renewTimeStamps(rehashed, source);
            assertThat(source.calls()).isEqualTo(1);
            assertAllValid(verifier, again, contents, clock.instant());

            byte[] changed = contents.get(5000).clone();
            changed[10] ^= 1;
            EvidenceRecordVerification v = verifier.verify(again.get(5000), List.of(DataObject.of(changed)), clock.instant());
            assertThat(v.failure()).contains(EvidenceRecordFailure.HASH_MISMATCH);
        }
    }

    @Test
    void repeatedTimeStampRenewalsEachCoverOnlyThePreviousToken() {
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build())) {
            EvidenceRecordVerifier verifier = verifier(tsa);
            List<byte[]> contents = contents(3, 2);
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA384);
            contents.forEach(batch::addContent);
            List<EvidenceRecord> records = batch.seal(tsa).records();
            for (int year = 1; year <= 3; year++) {
                clock.set(T0.plus(YEAR.multipliedBy(year)));
                records = EvidenceRecords.renewTimeStamps(records, tsa);
                assertAllValid(verifier, records, contents, clock.instant());
            }
            assertThat(records.get(0).timeStamps()).hasSize(4);
            assertThat(records.get(0).chainCount()).isEqualTo(1);
        }
    }

    @Test
    void recordsOfDifferentBatchesAndAlgorithmsRenewTogether() {
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build())) {
            CountingTimestampSource source = new CountingTimestampSource(tsa);
            EvidenceRecordVerifier verifier = verifier(tsa);
            List<byte[]> contents = contents(9, 3);
            List<EvidenceRecord> records = new ArrayList<>();
            DigestAlgorithm[] algorithms = {DigestAlgorithm.SHA256, DigestAlgorithm.SHA256, DigestAlgorithm.SHA512};
            for (int b = 0; b < 3; b++) {
                EvidenceBatch batch = new EvidenceBatch(algorithms[b]);
                for (int i = 0; i < 3; i++) {
                    batch.addContent(contents.get(b * 3 + i));
                }
                records.addAll(batch.seal(tsa).records());
            }
            clock.set(T0.plus(YEAR));
            List<EvidenceRecord> renewed = EvidenceRecords.renewTimeStamps(records, source);
            assertThat(source.calls()).as("one call per chain algorithm").isEqualTo(2);
            assertAllValid(verifier, renewed, contents, clock.instant());
        }
    }

    @Test
    void dataGroupsProveEveryMemberThroughRenewals() {
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build())) {
            EvidenceRecordVerifier verifier = verifier(tsa);
            List<byte[]> parts = contents(7, 4);
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            batch.add(DigestAlgorithm.SHA256.digest(parts.get(0)));
            batch.addGroup(List.of(DigestAlgorithm.SHA256.digest(parts.get(1)), DigestAlgorithm.SHA256.digest(parts.get(2)),
                    DigestAlgorithm.SHA256.digest(parts.get(3))));
            batch.addGroup(List.of(DigestAlgorithm.SHA256.digest(parts.get(4)), DigestAlgorithm.SHA256.digest(parts.get(5))));
            batch.addContent(parts.get(6));
            List<EvidenceRecord> records = batch.seal(tsa).records();
            List<List<DataObject>> items = List.of(
                    List.of(DataObject.of(parts.get(0))),
                    List.of(DataObject.of(parts.get(1)), DataObject.of(parts.get(2)), DataObject.of(parts.get(3))),
                    List.of(DataObject.of(parts.get(4)), DataObject.of(parts.get(5))),
                    List.of(DataObject.of(parts.get(6))));
            for (int i = 0; i < 4; i++) {
                assertThat(verifier.verify(records.get(i), items.get(i), T0).valid()).isTrue();
            }
            byte[] changed = parts.get(2).clone();
            changed[0] ^= 1;
            EvidenceRecordVerification v = verifier.verify(records.get(1),
                    List.of(DataObject.of(parts.get(1)), DataObject.of(changed), DataObject.of(parts.get(3))), T0);
            assertThat(v.failure()).contains(EvidenceRecordFailure.HASH_MISMATCH);
            assertThat(v.message()).contains("data object 2 of 3");

            clock.set(T0.plus(YEAR));
            List<HashTreeRenewal> renewal = IntStream.range(0, 4).mapToObj(i -> new HashTreeRenewal(records.get(i), items.get(i))).toList();
            List<EvidenceRecord> rehashed = EvidenceRecords.renewHashTrees(renewal, DigestAlgorithm.SHA3_512, tsa);
            for (int i = 0; i < 4; i++) {
                EvidenceRecordVerification r = verifier.verify(rehashed.get(i), items.get(i), clock.instant());
                assertThat(r.valid()).as("item %d: %s", i, r).isTrue();
                assertThat(r.proofOfExistence()).contains(T0);
            }
        }
    }

    @Test
    void aRenewalAfterTheTsaCertificateExpiredDoesNotRescueTheRecord() {
        EmbeddedTsaConfig shortLived = EmbeddedTsaConfig.builder(dir).clock(clock).tsaCertificateValidity(YEAR).build();
        List<byte[]> contents = contents(2, 5);
        List<EvidenceRecord> records;
        EvidenceRecordVerifier verifier;
        try (EmbeddedTsa tsa = EmbeddedTsa.open(shortLived)) {
            verifier = verifier(tsa);
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            contents.forEach(batch::addContent);
            records = batch.seal(tsa).records();
        }
        clock.set(T0.plus(YEAR.multipliedBy(2))); // the first TSA certificate expired a year ago
        try (EmbeddedTsa tsa = EmbeddedTsa.open(shortLived)) { // rolls over to a new TSA certificate
            List<EvidenceRecord> late = EvidenceRecords.renewTimeStamps(records, tsa);
            EvidenceRecordVerification v = verifier.verify(late.get(0), List.of(DataObject.of(contents.get(0))), clock.instant());
            assertThat(v.failure()).contains(EvidenceRecordFailure.NOT_RENEWED_IN_TIME);
            assertThat(v.message()).contains("expired on");
        }
    }
}
