package dev.vellum.validation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.validation.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CryptoSuitabilityPolicyTest {

    static final Instant BEFORE_2026 = Instant.parse("2025-12-31T23:59:59Z");
    static final Instant LATE_2026 = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void ts119312V211EndsRsaBelow3000AndSha224In2026() {
        CryptoSuitabilityPolicy p = CryptoSuitabilityPolicy.ts119312();
        Suitability rsa2048 = p.evaluate(new AlgorithmUse("SHA-256", "RSA", 2048));
        assertThat(rsa2048.isSuitableAt(BEFORE_2026)).isTrue();
        assertThat(rsa2048.isSuitableAt(LATE_2026)).isFalse();
        assertThat(rsa2048.reason()).contains("2026-01-01");
        assertThat(p.evaluate(new AlgorithmUse("SHA-256", "RSA", 3072)).isSuitableAt(LATE_2026)).isTrue();
        assertThat(p.evaluate(new AlgorithmUse("SHA-224", "ECDSA", 256)).isSuitableAt(LATE_2026)).isFalse();
        assertThat(p.evaluate(new AlgorithmUse("SHA-256", "ECDSA", 256)).isSuitableAt(Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void theEarlierOfDigestAndKeyLimits() {
        Suitability s = CryptoSuitabilityPolicy.ts119312().evaluate(new AlgorithmUse("SHA-1", "RSA", 4096));
        assertThat(s.suitableBefore()).contains(Instant.parse("2012-08-01T00:00:00Z"));
        assertThat(s.reason()).startsWith("SHA-1");
    }

    @Test
    void dssShippedDatesAfterItsUpdateDateAreNotEnforced() {
        CryptoSuitabilityPolicy dss = CryptoSuitabilityPolicy.dssShipped();
        assertThat(dss.updateDate()).isPresent();
        Suitability rsa2048 = dss.evaluate(new AlgorithmUse("SHA-256", "RSA", 2048));
        assertThat(rsa2048.isSuitableAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
        assertThat(rsa2048.reason()).contains("not enforced");
        assertThat(dss.evaluate(new AlgorithmUse("SHA-1", "ECDSA", 256)).isSuitableAt(LATE_2026)).isFalse();
    }

    @Test
    void unknownAlgorithmsAreUnsuitable() {
        Suitability s = CryptoSuitabilityPolicy.ts119312().evaluate(new AlgorithmUse("GOST3411", "GOST", 256));
        assertThat(s.known()).isFalse();
        assertThat(s.isSuitableAt(Instant.EPOCH)).isFalse();
    }

    @Test
    void aCustomTableIsReadAndBadOnesAreNamed() {
        String json = "{\"name\":\"house rules\",\"rules\":[{\"algorithm\":\"SHA-256\"},"
                + "{\"algorithm\":\"ECDSA\",\"minKeySize\":256,\"suitableBefore\":\"2030-01-01\"}]}";
        CryptoSuitabilityPolicy p = CryptoSuitabilityPolicy.fromJson(stream(json), "house.json");
        assertThat(p.name()).isEqualTo("house rules");
        assertThat(p.evaluate(new AlgorithmUse("SHA-256", "ECDSA", 256)).suitableBefore())
                .contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThatThrownBy(() -> CryptoSuitabilityPolicy.fromJson(stream("{\"rules\":[{\"algorithm\":\"RSA\","
                + "\"suitableBefore\":\"soon\"}]}"), "bad.json")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("bad.json rules[0]").hasMessageContaining("soon");
        assertThatThrownBy(() -> CryptoSuitabilityPolicy.fromJson(stream("not json"), "junk.json"))
                .hasMessageContaining("junk.json");
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachUseKeepsItsOwnVerdictWhenAskedAgain() {
        CryptoSuitabilityPolicy p = CryptoSuitabilityPolicy.ts119312();
        Suitability rsa2048 = p.evaluate(new AlgorithmUse("SHA-256", "RSA", 2048));
        Suitability rsa4096 = p.evaluate(new AlgorithmUse("SHA-256", "RSA", 4096));
        Suitability sha1 = p.evaluateDigest("SHA-1");
        Suitability sha256 = p.evaluateDigest("SHA-256");

        assertThat(p.evaluate(new AlgorithmUse("SHA-256", "RSA", 2048))).isEqualTo(rsa2048);
        assertThat(p.evaluate(new AlgorithmUse("SHA-256", "RSA", 4096))).isEqualTo(rsa4096).isNotEqualTo(rsa2048);
        assertThat(p.evaluateDigest("SHA-1")).isEqualTo(sha1);
        assertThat(p.evaluateDigest("SHA-256").suitableBefore()).isEqualTo(sha256.suitableBefore())
                .isNotEqualTo(sha1.suitableBefore());
        assertThat(CryptoSuitabilityPolicy.dssShipped().evaluate(new AlgorithmUse("SHA-256", "RSA", 2048)).reason())
                .isNotEqualTo(rsa2048.reason()); // another table, another verdict
    }
}
