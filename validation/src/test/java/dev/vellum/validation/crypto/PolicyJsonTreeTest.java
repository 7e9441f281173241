package dev.vellum.validation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.validation.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The crypto-policy reader gives the tree Jackson's object mapper would, without building one. */
class PolicyJsonTreeTest {

    @Test
    void readsTheSameTreeAsJacksonsObjectMapper() throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> documents = List.of(
                "{\"name\":\"n\",\"rules\":[{\"algorithm\":\"RSA\",\"minKeySize\":2048,\"maxKeySize\":99999999999,"
                        + "\"suitableBefore\":\"2030-01-01\",\"note\":null}],\"updateDate\":\"2025-01-01\"}",
                "{\"rules\":[{\"algorithm\":\"RSA\",\"algorithm\":\"DSA\",\"minKeySize\":2048.9,\"big\":123456789012345678901234567890}]}",
                "[1, -2, 3.5e2, true, false, null, \"x\\u00e9\", [], {}]",
                "\"just a string\"");
        for (String json : documents) {
            assertThat(PolicyJsonTree.read(stream(json))).as(json).isEqualTo(mapper.readTree(json));
        }
        for (String shipped : List.of("ts-119-312-v2.1.1.json", "dss-6.3-constraint.json")) {
            try (InputStream a = CryptoSuitabilityPolicy.class.getResourceAsStream(shipped);
                 InputStream b = CryptoSuitabilityPolicy.class.getResourceAsStream(shipped)) {
                assertThat(PolicyJsonTree.read(a)).as(shipped).isEqualTo(mapper.readTree(b));
            }
        }
    }

    @Test
    void emptyInputTrailingContentAndBrokenJsonAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> CryptoSuitabilityPolicy.fromJson(stream(""), "empty.json"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("needs an object with a \"rules\" array");
        assertThatThrownBy(() -> CryptoSuitabilityPolicy.fromJson(stream("{\"rules\":[]} {}"), "two.json"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("two.json is not valid JSON: Trailing token");
        assertThatThrownBy(() -> CryptoSuitabilityPolicy.fromJson(stream("{\"rules\":[{\"algorithm\":\"RSA\"}]"), "cut.json"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cut.json is not valid JSON: Unexpected end-of-input");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
