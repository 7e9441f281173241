package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vellum.policy.json.PolicyJson;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published JSON Schema accepts what the compiler accepts and rejects typical mistakes. */
class PolicySchemaTest {
    private static final Schema SCHEMA = load();

    private static Schema load() {
        try (InputStream in = PolicyJson.class.getResourceAsStream(PolicyJson.SCHEMA_RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Error> validate(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SEAL_POLICY, Fixtures.INBOUND_POLICY})
    void theExamplesAreValid(String name) {
        assertThat(validate(Fixtures.exampleJson(name))).isEmpty();
    }

    @Test
    void theJsonOfARealPolicyIsValid() {
        assertThat(validate(PolicyJson.write(PolicyCodec.decode(Fixtures.icpBrasilAdRb21())))).isEmpty();
    }

    @Test
    void aPolicyUsingEveryFieldIsValid() throws java.io.IOException {
        try (InputStream in = getClass().getResourceAsStream("fixtures/every-field-policy.json")) {
            assertThat(validate(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        }
    }

    @Test
    void typicalMistakesAreRejected() {
        String json = Fixtures.exampleJson(Fixtures.SEAL_POLICY);
        assertThat(validate(json.replace("\"signerAndVeriferRules\"", "\"signerAndVerifierRules\""))).isNotEmpty();
        assertThat(validate(json.replace("\"eitherCheck\"", "\"maybeCheck\""))).isNotEmpty();
        assertThat(validate(json.replace("\"2026-11-01T00:00:00Z\"", "\"1 Nov 2026\""))).isNotEmpty();
        assertThat(validate(json.replace("\"mandatedCertificateInfo\": \"fullPath\"",
                "\"mandatedCertificateInfo\": \"none\""))).isNotEmpty();
    }

    @Test
    void readableNameConstraintsAreValidAndMisspeltOnesAreNot() {
        String readable = "\"nameConstraints\": {\"permittedSubtrees\": [{\"base\": {\"directoryName\": \"C=GB,O=Partner\"}},"
                + " {\"base\": {\"rfc822Name\": \"partner.example\"}, \"maximum\": 2}]}, \"pathLenConstraint\"";
        String json = Fixtures.exampleJson(Fixtures.INBOUND_POLICY).replaceFirst("\"pathLenConstraint\"", readable);

        assertThat(validate(json)).isEmpty();
        assertThat(PolicyJson.compile(json)).isNotEmpty();
        assertThat(validate(json.replace("\"permittedSubtrees\"", "\"permitted\""))).isNotEmpty();
        assertThat(validate(json.replace("{\"base\": {\"rfc822Name\"", "{\"bass\": {\"rfc822Name\""))).isNotEmpty();
    }
}
