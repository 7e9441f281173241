package dev.vellum.timestamping.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.BouncyCastle;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.ers.DataObject;
import dev.vellum.timestamping.ers.EvidenceBatch;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecordVerifier;
import dev.vellum.timestamping.ers.EvidenceRecords;
import dev.vellum.timestamping.ers.HashTreeRenewal;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStamp;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStampGenerator;
import org.bouncycastle.tsp.ers.ERSByteData;
import org.bouncycastle.tsp.ers.ERSData;
import org.bouncycastle.tsp.ers.ERSDataGroup;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bouncy Castle's {@code org.bouncycastle.tsp.ers} against our records, both ways, and the one place
 * where it departs from RFC 4998 and DSS (STANDARDS.md §4): a second time-stamp renewal.
 */
class BouncyCastleErsInteropTest {
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(T0);

    private static DigestCalculatorProvider digests() throws Exception {
        return new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider()).build();
    }

    private static SignerInformationVerifier verifierFor(EmbeddedTsa tsa) throws Exception {
        return new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.provider()).build(tsa.certificateChain().get(0));
    }

    private static List<byte[]> documents(int n) {
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(("document " + i).getBytes(StandardCharsets.US_ASCII));
        }
        return docs;
    }

    @Test
    void bouncyCastleValidatesOurRecordsInitiallyAfterOneTimeStampRenewalAndAfterHashTreeRenewal() throws Exception {
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build())) {
            List<byte[]> docs = documents(7);
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            docs.forEach(batch::addContent);
            batch.addGroup(List.of(DigestAlgorithm.SHA256.digest(docs.get(0)), DigestAlgorithm.SHA256.digest(docs.get(1))));
            List<EvidenceRecord> records = batch.seal(tsa).records();
            for (int i = 0; i < 7; i++) {
                ERSEvidenceRecord bc = new ERSEvidenceRecord(records.get(i).encoded(), digests());
                int item = i;
                assertThatCode(() -> bc.validatePresent(new ERSByteData(docs.get(item)), Date.from(T0))).doesNotThrowAnyException();
                bc.validate(verifierFor(tsa));
                assertThatThrownBy(() -> bc.validatePresent(new ERSByteData(docs.get((item + 1) % 7)), Date.from(T0)))
                        .hasMessageContaining("not found");
            }
            ERSEvidenceRecord group = new ERSEvidenceRecord(records.get(7).encoded(), digests());
            group.validatePresent(new ERSDataGroup(new ERSByteData(docs.get(0)), new ERSByteData(docs.get(1))), Date.from(T0));

            clock.advance(Duration.ofDays(365));
            List<EvidenceRecord> renewed = EvidenceRecords.renewTimeStamps(records, tsa);
            ERSEvidenceRecord once = new ERSEvidenceRecord(renewed.get(3).encoded(), digests());
            once.validatePresent(new ERSByteData(docs.get(3)), Date.from(clock.instant()));
            once.validate(verifierFor(tsa));

            clock.advance(Duration.ofDays(365));
            List<HashTreeRenewal> items = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                items.add(new HashTreeRenewal(renewed.get(i), List.of(DataObject.of(docs.get(i)))));
            }
            List<EvidenceRecord> rehashed = EvidenceRecords.renewHashTrees(items, DigestAlgorithm.SHA512, tsa);
            ERSEvidenceRecord bcRehashed = new ERSEvidenceRecord(rehashed.get(5).encoded(), digests());
            bcRehashed.validatePresent(new ERSByteData(docs.get(5)), Date.from(clock.instant()));
            bcRehashed.validate(verifierFor(tsa));
            assertThat(bcRehashed.getPrimaryRootHash()).isNotNull();
        }
    }

    @Test
    void bouncyCastleDemandsThatTheNewestTimeStampCoverEveryEarlierOneOfItsChain() throws Exception {
        // RFC 4998 §5.2 and DSS: each renewal covers the previous archive time-stamp only, which is
        // what we write (and DSS accepts, see DssEvidenceRecordInteropTest). Bouncy Castle's
        // ERSEvidenceRecord.validate instead checks every earlier time-stamp of the chain against the
        // newest one, so from the second time-stamp renewal on it rejects RFC-conformant records.
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build())) {
            List<byte[]> docs = documents(2);
            EvidenceBatch batch = new EvidenceBatch(DigestAlgorithm.SHA256);
            docs.forEach(batch::addContent);
            List<EvidenceRecord> records = batch.seal(tsa).records();
            clock.advance(Duration.ofDays(365));
            records = EvidenceRecords.renewTimeStamps(records, tsa);
            clock.advance(Duration.ofDays(365));
            records = EvidenceRecords.renewTimeStamps(records, tsa);

            EvidenceRecordVerifier ours = new EvidenceRecordVerifier(TokenVerifier.defaults());
            assertThat(ours.verify(records.get(0), List.of(DataObject.of(docs.get(0))), clock.instant()).valid()).isTrue();
            ERSEvidenceRecord bc = new ERSEvidenceRecord(records.get(0).encoded(), digests());
            assertThatThrownBy(() -> bc.validate(verifierFor(tsa))).hasMessageContaining("unable to process previous ArchiveTimeStamps");
        }
    }

    @Test
    void weVerifyRecordsMadeByBouncyCastle() throws Exception {
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build())) {
            List<byte[]> docs = documents(5);
            var sha256 = digests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            ERSArchiveTimeStampGenerator generator = new ERSArchiveTimeStampGenerator(sha256);
            List<ERSData> data = new ArrayList<>();
            for (byte[] d : docs) {
                data.add(new ERSByteData(d));
            }
            generator.addAllData(data);
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = generator.generateTimeStampRequest(requests, BigInteger.valueOf(4998));
            TimeStampResponse response = new TimeStampResponse(tsa.respond(request.getEncoded()));
            List<ERSArchiveTimeStamp> stamps = generator.generateArchiveTimeStamps(response);
            List<ERSEvidenceRecord> bcRecords = new ERSEvidenceRecordGenerator(digests()).generate(stamps);

            EvidenceRecordVerifier ours = new EvidenceRecordVerifier(TokenVerifier.builder()
                    .trustAnchor(tsa.certificateChain().get(1)).build());
            for (int i = 0; i < docs.size(); i++) {
                EvidenceRecord parsed = EvidenceRecord.parse(bcRecords.get(i).getEncoded());
                assertThat(ours.verify(parsed, List.of(DataObject.of(docs.get(i))), T0).valid()).as("item %d", i).isTrue();
                assertThat(ours.verify(parsed, List.of(DataObject.of(docs.get((i + 1) % 5))), T0).valid()).isFalse();
            }

            // ...and a record Bouncy Castle renewed once by time-stamp.
            clock.advance(Duration.ofDays(30));
            ERSEvidenceRecord bc = bcRecords.get(2);
            TimeStampRequest renewal = bc.generateTimeStampRenewalRequest(requests, BigInteger.TEN);
            ERSEvidenceRecord bcRenewed = bc.renewTimeStamp(new TimeStampResponse(tsa.respond(renewal.getEncoded())));
            assertThat(ours.verify(EvidenceRecord.parse(bcRenewed.getEncoded()), List.of(DataObject.of(docs.get(2))),
                    clock.instant()).valid()).isTrue();

            // A second renewal by Bouncy Castle covers every earlier time-stamp of the chain, the
            // previous one included: a superset of what RFC 4998 asks, which we accept.
            clock.advance(Duration.ofDays(30));
            TimeStampRequest again = bcRenewed.generateTimeStampRenewalRequest(requests, BigInteger.TWO);
            ERSEvidenceRecord twice = bcRenewed.renewTimeStamp(new TimeStampResponse(tsa.respond(again.getEncoded())));
            twice.validate(verifierFor(tsa));
            assertThat(ours.verify(EvidenceRecord.parse(twice.getEncoded()), List.of(DataObject.of(docs.get(2))),
                    clock.instant()).valid()).isTrue();
        }
    }
}
