package dev.vellum.timestamping.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.support.TokenFactory;
import dev.vellum.timestamping.support.TokenFactory.Eku;
import dev.vellum.timestamping.support.TokenFactory.Spec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    private static final String TSA = "tsa-under-test";
    private static final byte[] DIGEST = DigestAlgorithm.SHA256.digest("hello".getBytes(StandardCharsets.UTF_8));
    private static final BigInteger NONCE = new BigInteger("1234567890abcdef", 16);

    private final TokenVerifier verifier = TokenVerifier.builder()
            .clock(Clock.fixed(TokenFactory.NOW, ZoneOffset.UTC)).build();

    private static TimeStampRequest request(String policy) {
        return TokenFactory.request(DigestAlgorithm.SHA256, DIGEST, NONCE, policy);
    }

    private void assertFails(TsaFailure failure, String messagePart, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TsaException.class, e -> {
            assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure);
            assertThat(e.tsa()).isEqualTo(TSA);
        }).hasMessageStartingWith("TSA " + TSA + ": " + failure.check() + " check failed")
                .hasMessageContaining(messagePart);
    }

    @Test
    void aCorrectResponseYieldsItsToken() {
        TimeStampRequest request = request(TokenFactory.POLICY);
        TimeStampToken token = verifier.verifyResponse(TSA, request, TokenFactory.response(request, new Spec()));
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(NONCE);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(TokenFactory.NOW);
    }

    @Test
    void essCertIdVersionOneIsAcceptedToo() {
        Spec spec = new Spec();
        spec.essV1 = true;
        TimeStampRequest request = request(null);
        assertThat(verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec))).isNotNull();
    }

    @Test
    void rejectionStatusIsNamedWithTheTsasText() throws Exception {
        TimeStampResponseGenerator g = new TimeStampResponseGenerator(null, null);
        byte[] rejected = g.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badAlg, "we do not do SHA-256").getEncoded();
        assertFails(TsaFailure.STATUS_NOT_GRANTED, "we do not do SHA-256", () -> verifier.verifyResponse(TSA, request(null), rejected));
    }

    @Test
    void wrongNonceIsNeverAccepted() {
        Spec spec = new Spec();
        spec.nonceOverride = BigInteger.valueOf(42);
        TimeStampRequest request = request(null);
        assertFails(TsaFailure.NONCE_MISMATCH, "does not echo", () -> verifier.verifyResponse(TSA, request,
                TokenFactory.response(request, spec)));
    }

    @Test
    void wrongImprintAndWrongAlgorithmAreNamedApart() {
        TimeStampRequest request = request(null);
        Spec otherImprint = new Spec();
        otherImprint.imprintOverride = DigestAlgorithm.SHA256.digest(new byte[] {1});
        assertFails(TsaFailure.IMPRINT_MISMATCH, "is not the requested",
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, otherImprint)));
        Spec otherAlgorithm = new Spec();
        otherAlgorithm.imprintAlgorithmOverride = DigestAlgorithm.SHA512.asn1Oid();
        assertFails(TsaFailure.IMPRINT_ALGORITHM_MISMATCH, DigestAlgorithm.SHA512.oid(),
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, otherAlgorithm)));
    }

    @Test
    void policyMustBeTheOneAskedFor() {
        TimeStampRequest request = request("1.2.3.4.99");
        Spec spec = new Spec(); // the TSA answers under its own policy anyway
        assertFails(TsaFailure.POLICY_MISMATCH, "1.2.3.4.99",
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec)));
    }

    @Test
    void missingTsaCertificateIsNamed() {
        Spec spec = new Spec();
        spec.includeCertificates = false;
        TimeStampRequest request = request(null);
        assertFails(TsaFailure.SIGNER_CERTIFICATE_MISSING, "does not contain the TSA certificate",
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec)));
        // ...unless the operator configured it.
        TokenVerifier knowing = TokenVerifier.builder().clock(Clock.fixed(TokenFactory.NOW, ZoneOffset.UTC))
                .knownCertificate(spec.signerCertificate).build();
        assertThat(knowing.verifyResponse(TSA, request, TokenFactory.response(request, spec))).isNotNull();
    }

    @Test
    void aCertificateOtherThanTheOneNamedByEssCertIdV2IsRejected() {
        // Same issuer, serial and key: only the ESSCertIDv2 hash tells the two certificates apart.
        Spec spec = new Spec();
        spec.includedCertificate = TokenFactory.tsaCertificate(Eku.CRITICAL_TIMESTAMPING, BigInteger.TEN,
                TokenFactory.NOW.minus(Duration.ofDays(31)), TokenFactory.NOW.plus(Duration.ofDays(366)));
        TimeStampRequest request = request(null);
        assertFails(TsaFailure.ESS_CERT_ID_MISMATCH, "ESSCertIDv2 SHA-256 hash",
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec)));
    }

    @Test
    void extendedKeyUsageMustBeCriticalAndTimeStampingOnly() {
        TimeStampRequest request = request(null);
        for (Eku eku : new Eku[] {Eku.NON_CRITICAL_TIMESTAMPING, Eku.TIMESTAMPING_AND_CODE_SIGNING, Eku.NONE}) {
            Spec spec = new Spec();
            spec.signerCertificate = TokenFactory.tsaCertificate(eku);
            assertFails(TsaFailure.EXTENDED_KEY_USAGE, "extended key usage",
                    () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec)));
        }
    }

    @Test
    void aTamperedSignatureIsRejected() {
        Spec spec = new Spec();
        spec.corruptSignature = true;
        TimeStampRequest request = request(null);
        assertFails(TsaFailure.SIGNATURE_INVALID, "signature",
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec)));
    }

    @Test
    void genTimeOutsideTheAllowedSkewIsRejected() {
        Spec spec = new Spec();
        spec.genTime = TokenFactory.NOW.minus(Duration.ofMinutes(6));
        TimeStampRequest request = request(null);
        assertFails(TsaFailure.GEN_TIME_SKEW, "PT6M",
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec)));
        TokenVerifier lenient = TokenVerifier.builder().clock(Clock.fixed(TokenFactory.NOW, ZoneOffset.UTC))
                .maxClockSkew(Duration.ofMinutes(10)).build();
        assertThat(lenient.verifyResponse(TSA, request, TokenFactory.response(request, spec))).isNotNull();
    }

    @Test
    void tsaCertificateMustBeValidAtGenTime() {
        Spec spec = new Spec();
        Instant genTime = TokenFactory.NOW;
        spec.signerCertificate = TokenFactory.tsaCertificate(Eku.CRITICAL_TIMESTAMPING, BigInteger.TWO,
                genTime.minus(Duration.ofDays(400)), genTime.minus(Duration.ofDays(1)));
        TimeStampRequest request = request(null);
        assertFails(TsaFailure.CERTIFICATE_NOT_VALID_AT_GEN_TIME, "outside the TSA certificate's validity",
                () -> verifier.verifyResponse(TSA, request, TokenFactory.response(request, spec)));
    }

    @Test
    void trustAnchorsWhenConfiguredMustBeReached() {
        TimeStampRequest request = request(null);
        byte[] response = TokenFactory.response(request, new Spec());
        Clock clock = Clock.fixed(TokenFactory.NOW, ZoneOffset.UTC);
        TokenVerifier trusting = TokenVerifier.builder().clock(clock).trustAnchor(TokenFactory.root()).build();
        assertThat(trusting.verifyResponse(TSA, request, response)).isNotNull();
        TokenVerifier strangers = TokenVerifier.builder().clock(clock)
                .trustAnchor(TokenFactory.tsaCertificate(Eku.NONE, BigInteger.valueOf(99),
                        TokenFactory.NOW.minus(Duration.ofDays(1)), TokenFactory.NOW.plus(Duration.ofDays(1))))
                .build();
        assertFails(TsaFailure.UNTRUSTED_TSA, "no certificate path", () -> strangers.verifyResponse(TSA, request, response));
    }

    @Test
    void garbageTruncatedAndEmptyResponsesAreMalformedNeverAnNpe() {
        TimeStampRequest request = request(null);
        byte[] good = TokenFactory.response(request, new Spec());
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] garbage = "\u0000\u00ff garbage \u0030\u0082".getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] bad : new byte[][] {truncated, garbage, new byte[0], {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}}) {
            assertFails(TsaFailure.MALFORMED_RESPONSE, "response", () -> verifier.verifyResponse(TSA, request, bad));
        }
    }
}
