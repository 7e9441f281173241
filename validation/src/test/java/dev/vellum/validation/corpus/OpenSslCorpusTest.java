package dev.vellum.validation.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.corpus.OpenSslCase;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenSSL-made corpus: every row gets the verdict issue 6 lists, validated as of INFO.txt's
 * generation date with the root trusted and the corpus CRLs and OCSP responses supplied offline.
 *
 * <p>Crypto policy: this test uses the dates of DSS's shipped policy (TS 119 312 V1.5.1, RSA &lt; 3000
 * suitable until 2029). Under Vellum's default, TS 119 312 V2.1.1, RSA keys under 3000 bits are only
 * suitable for material produced before 2026-01-01; the corpus was signed in November 2026 under an
 * RSA-2048 root and intermediate, so every chain would be INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE.
 * That is what the standard's table says, and {@link #underTs119312V211Rsa2048MadeIn2026IsNoLongerSuitable}
 * shows it; the verdicts below are the ones the corpus was built to test (signature, digest,
 * revocation, expiry, trust, key usage, weak algorithms), which the V1.5.1 dates isolate.
 */
class OpenSslCorpusTest {

    static final Instant GENERATED = generationTime();
    static final SignatureValidator VALIDATOR = validator(CryptoSuitabilityPolicy.dssShipped());

    static Stream<OpenSslCase> cases() {
        return Corpus.openSslCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRowGetsItsExpectedVerdict(OpenSslCase c) {
        ValidationReport report = VALIDATOR.validate(request(c));

        assertThat(report.signatures()).as("signatures of %s", c).isNotEmpty();
        for (SignatureReport s : report.signatures()) {
            Expected e = expected(c.expected());
            assertThat(s.indication()).as("%s: %s / errors %s", c, s.subIndication(), s.errors()).isEqualTo(e.indication);
            assertThat(s.subIndication()).as("%s: errors %s", c, s.errors()).isEqualTo(e.subIndication);
        }
    }

    @Test
    void underTs119312V211Rsa2048MadeIn2026IsNoLongerSuitable() {
        SignatureValidator strict = validator(CryptoSuitabilityPolicy.ts119312());
        ValidationReport rsa = strict.validate(request(Corpus.openSslCase("01-valid-rsa2048.eml")));
        assertThat(rsa.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(rsa.signatures().get(0).subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE);
        assertThat(rsa.signatures().get(0).errors()).anyMatch(m -> m.contains("2026-01-01"));
        // validated before the V2.1.1 sunset, the same RSA-2048 signature passes on the chain's own merits
        ValidationReport before = strict.validate(request(Corpus.openSslCase("01-valid-rsa2048.eml"))
                .at(Instant.parse("2025-12-31T00:00:00Z")));
        assertThat(before.signatures().get(0).errors()).noneMatch(m -> m.contains("suitable before"));
    }

    @Test
    void malformedFilesAreReportedNotThrown() {
        ValidationReport r = VALIDATOR.validate(ValidationRequest.of("junk", "hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo(Indication.TOTAL_FAILED);
            assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        });
        assertThat(r.errors()).isNotEmpty();
    }

    @Test
    void reportNamesSignerChainAndUsedObjects() {
        ValidationReport r = VALIDATOR.validate(request(Corpus.openSslCase("01-valid-rsa2048.eml")));
        SignatureReport s = r.signatures().get(0);
        assertThat(s.signer().name()).isNotBlank();
        assertThat(s.chain()).hasSize(3);
        assertThat(s.chain().get(2).trustAnchor()).isTrue();
        assertThat(s.claimedSigningTime()).isBefore(GENERATED.plusSeconds(1));
        assertThat(r.objects()).extracting(o -> o.type().name()).contains("CERTIFICATE", "CRL");
        assertThat(s.level()).isEqualTo("CMS");
    }

    static ValidationRequest request(OpenSslCase c) {
        ValidationRequest r = ValidationRequest.of(c.fileName(), Corpus.bytes(c.corpusPath())).at(GENERATED);
        if (c.contentCorpusPath().isPresent()) {
            r = r.withDetachedContent(Corpus.bytes(c.contentCorpusPath().get()));
        }
        return r;
    }

    static SignatureValidator validator(CryptoSuitabilityPolicy policy) {
        return SignatureValidator.builder()
                .trustAnchors(TrustAnchors.of(TrustAnchors.parseCertificates(
                        Corpus.bytes("openssl/pki/trust-anchors.pem"), "trust-anchors.pem")))
                .cryptoPolicy(policy)
                .material(corpusMaterial())
                .build();
    }

    /** Every corpus certificate as a pool, both CRLs and both OCSP responses, as supplied data. */
    static ValidationMaterial corpusMaterial() {
        List<X509Certificate> certs = new ArrayList<>();
        for (String name : List.of("intermediate-ca", "signer-rsa2048", "signer-rsapss", "signer-rsapss-spki",
                "signer-ecp256", "signer-ed25519", "signer-rsa1024", "signer-revoked", "signer-expired", "signer-badku",
                "untrusted-root-ca", "signer-untrusted", "tsa", "ocsp-responder")) {
            certs.addAll(TrustAnchors.parseCertificates(Corpus.bytes("openssl/pki/" + name + ".crt"), name));
        }
        return ValidationMaterial.of(Origin.SUPPLIED, certs,
                List.of(Corpus.bytes("openssl/pki/root-ca.crl"), Corpus.bytes("openssl/pki/intermediate-ca.crl")),
                List.of(Corpus.bytes("openssl/pki/ocsp-signer-rsa2048.resp"), Corpus.bytes("openssl/pki/ocsp-signer-revoked.resp")));
    }

    record Expected(Indication indication, SubIndication subIndication) {
    }

    static Expected expected(String verdict) {
        return switch (verdict) {
            case "VALID" -> new Expected(Indication.TOTAL_PASSED, null);
            case "INVALID-SIGNATURE" -> new Expected(Indication.TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE);
            case "INVALID-DIGEST" -> new Expected(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE);
            case "REVOKED" -> new Expected(Indication.INDETERMINATE, SubIndication.REVOKED_NO_POE);
            case "EXPIRED" -> new Expected(Indication.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE);
            case "UNTRUSTED" -> new Expected(Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
            case "BAD-KEYUSAGE" -> new Expected(Indication.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE);
            case "WEAK-ALGO" -> new Expected(Indication.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE);
            case "MALFORMED" -> new Expected(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE);
            default -> throw new IllegalArgumentException("unknown expected verdict " + verdict);
        };
    }

    private static Instant generationTime() {
        String info = new String(Corpus.bytes("openssl/INFO.txt"), StandardCharsets.UTF_8);
        return info.lines().filter(l -> l.startsWith("generated:")).map(l -> Instant.parse(l.substring(10).trim()))
                .findFirst().orElseThrow();
    }
}
