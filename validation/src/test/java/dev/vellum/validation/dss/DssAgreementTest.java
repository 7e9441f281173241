package dev.vellum.validation.dss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.RevocationSource;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.trust.TrustAnchors;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vellum and DSS 6.3 validate the same generated signatures (made by DSS against the testkit's live
 * TSA, CRL, OCSP and caIssuers services) with the same trust, validation time, network access and
 * crypto dates, and must reach the same indication and sub-indication.
 *
 * <p>Crypto dates: both use DSS's shipped table ({@link CryptoSuitabilityPolicy#dssShipped()}); under
 * Vellum's default (TS 119 312 V2.1.1) the testkit TSA's RSA-2048 key is no longer suitable in 2026,
 * which would be a policy difference, not a process one.
 */
class DssAgreementTest {

    static final TestPki PKI = TestPki.shared();
    static final byte[] CONTENT = "Minutes of the board, signed.".getBytes(StandardCharsets.UTF_8);

    /** One generated case: what to validate, when, with what trust and network access. */
    record Case(byte[] signature, byte[] content, Instant at, boolean online, List<X509Certificate> anchors,
                Map<String, byte[]> policies) {
        Case withContent(byte[] other) {
            return new Case(signature, other, at, online, anchors, policies);
        }

        Case at(Instant time) {
            return new Case(signature, content, time, online, anchors, policies);
        }
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        add(all, "B ECDSA online", () -> online(b(signer(KeyType.ECDSA_P256))));
        add(all, "B RSA-2048 online", () -> online(b(signer(KeyType.RSA_2048))));
        add(all, "B ECDSA P-384 online", () -> online(b(signer(KeyType.ECDSA_P384))));
        add(all, "LTA ECDSA P-384 offline", () -> offline(level(signer(KeyType.ECDSA_P384), SignatureLevel.CAdES_BASELINE_LTA)));
        add(all, "T ECDSA online", () -> online(level(signer(KeyType.ECDSA_P256), SignatureLevel.CAdES_BASELINE_T)));
        add(all, "LT ECDSA offline", () -> offline(level(signer(KeyType.ECDSA_P256), SignatureLevel.CAdES_BASELINE_LT)));
        add(all, "LTA ECDSA offline", () -> offline(level(signer(KeyType.ECDSA_P256), SignatureLevel.CAdES_BASELINE_LTA)));
        add(all, "LTA RSA-2048 offline", () -> offline(level(signer(KeyType.RSA_2048), SignatureLevel.CAdES_BASELINE_LTA)));
        add(all, "LT ECDSA online", () -> online(level(signer(KeyType.ECDSA_P256), SignatureLevel.CAdES_BASELINE_LT)));
        add(all, "tampered content B", () -> online(b(signer(KeyType.ECDSA_P256))).withContent(tamper(CONTENT)));
        add(all, "tampered content LTA offline", () -> offline(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_LTA)).withContent(tamper(CONTENT)));
        add(all, "tampered signature value", () -> online(tamperSignatureValue(b(signer(KeyType.ECDSA_P256)))));
        add(all, "revoked signer B online", () -> online(b(PKI.revokedSigner())));
        add(all, "revoked signer T (revoked before the time-stamp)", () -> online(level(PKI.revokedSigner(),
                SignatureLevel.CAdES_BASELINE_T)));
        add(all, "unknown root", () -> online(b(PKI.untrustedSigner())));
        add(all, "missing intermediate found via AIA", () -> online(Dss.sign(signer(KeyType.ECDSA_P256),
                List.of(signer(KeyType.ECDSA_P256).certificate()), CONTENT, SignatureLevel.CAdES_BASELINE_B, null,
                PKI.trustAnchors(), now(), DigestAlgorithm.SHA256, null)));
        add(all, "missing intermediate offline", () -> offline(Dss.sign(signer(KeyType.ECDSA_P256),
                List.of(signer(KeyType.ECDSA_P256).certificate()), CONTENT, SignatureLevel.CAdES_BASELINE_B, null,
                PKI.trustAnchors(), now(), DigestAlgorithm.SHA256, null)));
        add(all, "SHA-1 signature without POE", () -> online(Dss.sign(signer(KeyType.ECDSA_P256),
                chain(signer(KeyType.ECDSA_P256)), CONTENT, SignatureLevel.CAdES_BASELINE_B, null, PKI.trustAnchors(),
                now(), DigestAlgorithm.SHA1, null)));
        add(all, "OCSP-only chain", () -> online(b(special("signer-ocsp-only", RevocationSource.OCSP_ONLY))));
        add(all, "CRL-only chain", () -> online(b(special("signer-crl-only", RevocationSource.CRL_ONLY))));
        add(all, "no revocation source B", () -> online(b(special("signer-no-revocation", RevocationSource.NONE))));
        add(all, "B offline without revocation data", () -> offline(b(signer(KeyType.ECDSA_P256))));
        add(all, "LTA validated as of 3 years ahead", () -> offline(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_LTA)).at(now().plus(Duration.ofDays(3 * 365))));
        add(all, "B validated as of 12 years ahead", () -> online(b(signer(KeyType.ECDSA_P256)))
                .at(now().plus(Duration.ofDays(12 * 365))));
        add(all, "T validated as of an hour ago", () -> online(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_T)).at(now().minus(Duration.ofHours(1))));
        add(all, "detached content missing", () -> online(b(signer(KeyType.ECDSA_P256))).withContent(null));
        add(all, "tampered signature time-stamp", () -> online(tamperTimestamp(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_T), "1.2.840.113549.1.9.16.2.14")));
        add(all, "tampered archive time-stamp", () -> offline(tamperTimestamp(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_LTA), "0.4.0.1733.2.4")));
        add(all, "LT validated as of 3 years ahead", () -> offline(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_LT)).at(now().plus(Duration.ofDays(3 * 365))));
        add(all, "T validated as of 3 years ahead", () -> online(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_T)).at(now().plus(Duration.ofDays(3 * 365))));
        add(all, "LTA validated as of a day before it was made", () -> offline(level(signer(KeyType.ECDSA_P256),
                SignatureLevel.CAdES_BASELINE_LTA)).at(now().minus(Duration.ofDays(1))));
        add(all, "revoked after the signature time-stamp", TimeTravel::revokedAfterTimestamp);
        add(all, "revoked after the signature time-stamp, B level", TimeTravel::revokedAfterSigningWithoutTimestamp);
        add(all, "TSA certificate expired, covered by a later archive time-stamp", TimeTravel::tsaExpiredCoveredByLaterArchive);
        add(all, "TSA certificate expired, no later archive time-stamp", TimeTravel::tsaExpiredUncovered);
        add(all, "SHA-1 signature with a POE from 2011", TimeTravel::sha1WithPoeBefore2012);
        return all.stream();
    }

    @AfterAll
    static void closePrivatePkis() {
        TimeTravel.closeAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void vellumReachesDssVerdict(String name, Supplier<Case> scenario) {
        Case c = scenario.get();
        Dss.Verdict dss = Dss.validate(c.signature(), c.content(), c.at(), c.anchors(), c.online(), c.policies());

        java.util.List<dev.vellum.policy.RegisteredPolicy> policies = new ArrayList<>();
        c.policies().values().forEach(der -> policies.add(dev.vellum.policy.RegisteredPolicy.fromDer(der, List.of(), null, "test")));
        SignatureValidator ours = SignatureValidator.builder()
                .policyRegistry(dev.vellum.policy.PolicyRegistry.of(policies))
                .trustAnchors(TrustAnchors.of(c.anchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(c.online() ? FetchSettings.builder().allowHost("127.0.0.1").build() : FetchSettings.offlineOnly())
                .build();
        ValidationRequest request = ValidationRequest.of(name, c.signature()).at(c.at());
        if (c.content() != null) {
            request = request.withDetachedContent(c.content());
        }
        SignatureReport s = ours.validate(request).signatures().get(0);
        Dss.Verdict vellum = new Dss.Verdict(s.indication().name(), String.valueOf(s.subIndication()));
        assertThat(vellum).as("%s: Vellum errors %s, warnings %s", name, s.errors(), s.warnings()).isEqualTo(dss);

    }

    // --- scenario building blocks ---

    static void add(List<Arguments> all, String name, Supplier<Case> c) {
        all.add(Arguments.of(name, c));
    }

    static Instant now() {
        return PKI.clock().instant();
    }

    static Credential signer(KeyType type) {
        return PKI.signer(type);
    }

    static synchronized Credential special(String name, RevocationSource source) {
        return PKI.certificateAuthority(name).isPresent() ? PKI.credential(name) : existingOr(name, source);
    }

    private static Credential existingOr(String name, RevocationSource source) {
        try {
            return PKI.credential(name);
        } catch (RuntimeException absent) {
            return PKI.issue(name).subject("CN=" + name + ", O=Vellum Test PKI, C=DE").revocationSource(source)
                    .validity(now().minus(Duration.ofDays(30)), now().plus(Duration.ofDays(700))).build();
        }
    }

    static List<X509Certificate> chain(Credential c) {
        return c.chain().subList(0, c.chain().size() - 1);
    }

    static byte[] b(Credential signer) {
        return Dss.sign(signer, chain(signer), CONTENT, SignatureLevel.CAdES_BASELINE_B, null, PKI.trustAnchors(), now(),
                DigestAlgorithm.SHA256, null);
    }

    static byte[] level(Credential signer, SignatureLevel level) {
        return Dss.sign(signer, chain(signer), CONTENT, level, PKI.services().tsaUrl(), PKI.trustAnchors(), now(),
                DigestAlgorithm.SHA256, null);
    }

    static Case online(byte[] signature) {
        return new Case(signature, CONTENT, now().plusSeconds(2), true, PKI.trustAnchors(), Map.of());
    }

    static Case offline(byte[] signature) {
        return new Case(signature, CONTENT, now().plusSeconds(2), false, PKI.trustAnchors(), Map.of());
    }

    static byte[] tamper(byte[] data) {
        byte[] t = data.clone();
        t[t.length / 2] ^= 0x01;
        return t;
    }

    static byte[] tamperSignatureValue(byte[] cms) {
        try {
            SignerInformation s = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
            return flipInside(cms, s.getSignature());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature with the signature value of its first time-stamp of this attribute type corrupted. */
    static byte[] tamperTimestamp(byte[] cms, String attributeOid) {
        try {
            SignerInformation s = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
            org.bouncycastle.asn1.cms.Attribute a = s.getUnsignedAttributes().get(
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier(attributeOid));
            org.bouncycastle.tsp.TimeStampToken t = new org.bouncycastle.tsp.TimeStampToken(
                    org.bouncycastle.asn1.cms.ContentInfo.getInstance(a.getAttrValues().getObjectAt(0)));
            SignerInformation tsaSigner = t.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
            return flipInside(cms, tsaSigner.getSignature());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flips the last bit of the first occurrence of {@code needle} inside {@code haystack}. */
    static byte[] flipInside(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            byte[] out = haystack.clone();
            out[i + needle.length - 1] ^= 0x01;
            return out;
        }
        throw new IllegalArgumentException("value not found");
    }
}
