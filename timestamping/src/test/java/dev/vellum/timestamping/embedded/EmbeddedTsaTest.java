package dev.vellum.timestamping.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTsaTest {
    private static final Instant T0 = Instant.parse("2026-05-04T10:15:30Z");
    private static final byte[] DIGEST = DigestAlgorithm.SHA256.digest("archived mail".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private EmbeddedTsa open(Clock clock) {
        return EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(clock).build());
    }

    @Test
    void firstStartGeneratesALabelledKeyAndChainThatLaterStartsReuse() throws Exception {
        X509Certificate first;
        try (EmbeddedTsa tsa = open(Clock.fixed(T0, ZoneOffset.UTC))) {
            first = tsa.certificateChain().get(0);
            assertThat(first.getSubjectX500Principal().getName()).contains("NOT FOR PRODUCTION");
            assertThat(first.getCriticalExtensionOIDs()).contains("2.5.29.37");
            assertThat(first.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
            assertThat(tsa.certificateChain()).hasSize(2);
            String pem = Files.readString(dir.resolve("chain.pem"));
            assertThat(pem).isEqualTo(tsa.chainPem());
            assertThat(pem.split("BEGIN CERTIFICATE", -1)).hasSize(3);
        }
        try (EmbeddedTsa tsa = open(Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC))) {
            assertThat(tsa.certificateChain().get(0)).isEqualTo(first);
        }
    }

    @Test
    void aTsaCertificateNotValidAtTheClocksTimeIsReplacedUnderTheSameRoot() {
        X509Certificate firstTsa;
        X509Certificate root;
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(Clock.fixed(T0, ZoneOffset.UTC))
                .tsaCertificateValidity(Duration.ofDays(365)).build())) {
            firstTsa = tsa.certificateChain().get(0);
            root = tsa.certificateChain().get(1);
        }
        Instant later = T0.plus(Duration.ofDays(500));
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).clock(Clock.fixed(later, ZoneOffset.UTC))
                .tsaCertificateValidity(Duration.ofDays(365)).build())) {
            assertThat(tsa.certificateChain().get(0)).isNotEqualTo(firstTsa);
            assertThat(tsa.certificateChain().get(1)).isEqualTo(root);
            TimeStampToken token = tsa.timestamp(DigestAlgorithm.SHA256, DIGEST);
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(later);
        }
    }

    @Test
    void tokensCarryPolicyAccuracyEssCertIdV2AndTheClocksTime() {
        try (EmbeddedTsa tsa = open(Clock.fixed(T0, ZoneOffset.UTC))) {
            TimeStampToken token = tsa.timestamp(DigestAlgorithm.SHA512, DigestAlgorithm.SHA512.digest(new byte[] {1}));
            assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo(EmbeddedTsaConfig.DEFAULT_POLICY_OID);
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(T0);
            assertThat(token.getTimeStampInfo().getGenTimeAccuracy().getSeconds()).isEqualTo(1);
            assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificate)).isNull();
        }
    }

    @Test
    void serialNumbersIncreaseAndSkipAheadAfterRestartNeverRepeating() {
        List<BigInteger> serials = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            try (EmbeddedTsa tsa = open(Clock.systemUTC())) {
                for (int i = 0; i < 5; i++) {
                    serials.add(tsa.timestamp(DigestAlgorithm.SHA256, DIGEST).getTimeStampInfo().getSerialNumber());
                }
            }
        }
        assertThat(serials).doesNotHaveDuplicates().isSorted();
        // The 32-serial block reserved by the first run is skipped by the second, not reused.
        assertThat(serials.get(5)).isGreaterThan(serials.get(4).add(BigInteger.valueOf(26)));
    }

    @Test
    void aSecondTsaOnTheSameDirectoryIsRefused() {
        try (EmbeddedTsa tsa = open(Clock.systemUTC())) {
            assertThatThrownBy(() -> open(Clock.systemUTC()))
                    .isInstanceOf(TimestampException.class)
                    .hasMessageContaining("already running on " + dir);
        }
    }

    @Test
    void unreadableSerialFileStopsTheTsaRatherThanGuessing() throws Exception {
        Files.writeString(dir.resolve("serial"), "not a number");
        assertThatThrownBy(() -> open(Clock.systemUTC()))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("serial number file");
    }

    @Test
    void badRequestsGetRejectionResponsesNotExceptions() throws Exception {
        try (EmbeddedTsa tsa = open(Clock.systemUTC())) {
            TimeStampResponse garbage = new TimeStampResponse(tsa.respond("hello".getBytes(StandardCharsets.US_ASCII)));
            assertThat(garbage.getStatus()).isEqualTo(PKIStatus.REJECTION);
            assertThat(garbage.getFailInfo().intValue() & PKIFailureInfo.badDataFormat).isNotZero();

            TimeStampRequestGenerator g = new TimeStampRequestGenerator();
            byte[] sha1 = g.generate(DigestAlgorithm.SHA1.asn1Oid(), new byte[20]).getEncoded();
            TimeStampResponse rejected = new TimeStampResponse(tsa.respond(sha1));
            assertThat(rejected.getStatus()).isEqualTo(PKIStatus.REJECTION);
            assertThat(rejected.getFailInfo().intValue() & PKIFailureInfo.badAlg).isNotZero();

            g.setReqPolicy("1.2.3.4");
            byte[] otherPolicy = g.generate(DigestAlgorithm.SHA256.asn1Oid(), DIGEST).getEncoded();
            assertThat(new TimeStampResponse(tsa.respond(otherPolicy)).getStatus()).isEqualTo(PKIStatus.REJECTION);
        }
    }

    @Test
    void anOperatorKeyIsLoadedFromPkcs12() throws Exception {
        // Export a generated key as an operator would hand one over, then run a TSA from it.
        Path generated = dir.resolve("generated");
        List<Certificate> chain;
        KeyStore exported = KeyStore.getInstance("PKCS12");
        exported.load(null, null);
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(generated).build())) {
            chain = new ArrayList<>(tsa.certificateChain());
        }
        KeyStore internal = KeyStore.getInstance("PKCS12");
        char[] internalPassword = Files.readString(generated.resolve("tsa.p12.password")).trim().toCharArray();
        internal.load(Files.newInputStream(generated.resolve("tsa.p12")), internalPassword);
        exported.setKeyEntry("operator", internal.getKey("tsa", internalPassword), "secret".toCharArray(),
                chain.toArray(new Certificate[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exported.store(out, "secret".toCharArray());
        Path p12 = dir.resolve("operator.p12");
        Files.write(p12, out.toByteArray());

        Path data = dir.resolve("operator-data");
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(data)
                .pkcs12(p12, "secret".toCharArray(), null).build())) {
            assertThat(tsa.certificateChain().get(0)).isEqualTo(chain.get(0));
            assertThat(tsa.timestamp(DigestAlgorithm.SHA256, DIGEST)).isNotNull();
            assertThat(Files.exists(data.resolve("tsa.p12"))).as("no key generated").isFalse();
        }
        assertThatThrownBy(() -> EmbeddedTsa.open(EmbeddedTsaConfig.builder(data)
                .pkcs12(p12, "wrong".toCharArray(), null).build()))
                .isInstanceOf(TimestampException.class).hasMessageContaining(p12.toString());
    }

    @Test
    void aPkcs12KeyWhoseCertificateIsNoTsaCertificateIsRefusedAtStart() throws Exception {
        dev.vellum.testkit.pki.Credential signer = dev.vellum.testkit.pki.TestPki.shared()
                .signer(dev.vellum.testkit.pki.KeyType.ECDSA_P256);
        Path p12 = dir.resolve("signer.p12");
        Files.write(p12, signer.toPkcs12("pw".toCharArray()));
        assertThatThrownBy(() -> EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir.resolve("data"))
                .pkcs12(p12, "pw".toCharArray(), null).build()))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("cannot sign time-stamps").hasMessageContaining("1.3.6.1.5.5.7.3.4");
        // The testkit's TSA credential is a proper one.
        Path tsaP12 = dir.resolve("tsa.p12");
        Files.write(tsaP12, dev.vellum.testkit.pki.TestPki.shared().tsa().toPkcs12("pw".toCharArray()));
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir.resolve("data2"))
                .pkcs12(tsaP12, "pw".toCharArray(), null).build())) {
            assertThat(tsa.timestamp(DigestAlgorithm.SHA256, DIGEST).getTimeStampInfo().getTsa()).isNull();
            assertThat(tsa.certificateChain().get(0)).isEqualTo(dev.vellum.testkit.pki.TestPki.shared().tsa().certificate());
        }
    }
}
