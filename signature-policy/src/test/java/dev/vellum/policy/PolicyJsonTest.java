package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.model.SignaturePolicy;
import org.junit.jupiter.api.Test;

/** The JSON authoring form: readable, strict about mistakes, and lossless against DER. */
class PolicyJsonTest {

    @Test
    void aRealPolicyGoesThroughJsonAndBackToTheSameBytes() {
        byte[] der = Fixtures.icpBrasilAdRb21();
        String json = PolicyJson.write(PolicyCodec.decode(der));

        assertThat(json).contains("\"signPolicyHashAlg\": \"SHA-256\"")
                .contains("\"mandatedSignedAttr\": [\n")
                .contains("\"signingCertificateV2\"")
                .contains("\"enuRevReq\": \"eitherCheck\"")
                .doesNotContain("\"signPolicyHash\"");
        assertThat(PolicyJson.compile(json)).isEqualTo(der);
    }

    @Test
    void anExplicitWrongHashIsRefusedAtCompileTime() {
        String json = PolicyJson.write(PolicyCodec.decode(Fixtures.icpBrasilAdRb21()))
                .replace("\"signPolicyInfo\"", "\"signPolicyHash\": \"" + "00".repeat(31) + "01\",\n  \"signPolicyInfo\"");

        assertThatThrownBy(() -> PolicyJson.compile(json)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("embedded signPolicyHash 0000")
                .hasMessageContaining("does not match SHA-256");
    }

    @Test
    void typosAndBadValuesNameTheirPlace() {
        String json = PolicyJson.write(PolicyCodec.decode(Fixtures.icpBrasilAdRb21()));

        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"signerAndVeriferRules\"", "\"signerAndVerifierRules\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("$.signPolicyInfo.signatureValidationPolicy.commonRules")
                .hasMessageContaining("RFC 3125 spells it \"signerAndVeriferRules\"");
        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"contentType\"", "\"contentTipe\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("mandatedSignedAttr[0]")
                .hasMessageContaining("\"contentTipe\" is neither a dotted OID nor a known name");
        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"2012-03-07T00:00:00Z\"", "\"7 March 2012\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("$.signPolicyInfo.dateOfIssue: expected an ISO-8601 instant");
        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"eitherCheck\"", "\"maybeCheck\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("enuRevReq")
                .hasMessageContaining("expected one of [clrCheck, ocspCheck, bothCheck, eitherCheck, noCheck, other]");
        assertThatThrownBy(() -> PolicyJson.read("{\"signPolicyHashAlg\": \"SHA-256\", "))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PolicyJson.read("{\"a\": 1, \"a\": 2}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void theHashCanBeLeftOutOfTheCompiledPolicy() {
        String written = PolicyJson.write(PolicyCodec.decode(Fixtures.icpBrasilAdRb21()));
        String json = written.substring(0, written.lastIndexOf("\n}")) + ",\n  \"signPolicyHash\": \"absent\"\n}\n";

        SignaturePolicy policy = PolicyCodec.decode(PolicyJson.compile(json));

        assertThat(policy.signPolicyHash()).isNull();
        assertThat(PolicyJson.write(policy)).isEqualTo(json);
    }
}
