package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.model.SignaturePolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped example policies: the committed JSON and DER agree, and both directions are lossless. */
class ExamplePoliciesTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SEAL_POLICY, Fixtures.INBOUND_POLICY})
    void jsonToDerToModelToJsonIsIdentity(String name) {
        String json = Fixtures.exampleJson(name);

        byte[] der = PolicyJson.compile(json);
        SignaturePolicy model = PolicyCodec.decode(der);

        assertThat(PolicyJson.write(model)).isEqualTo(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SEAL_POLICY, Fixtures.INBOUND_POLICY})
    void derToModelToDerIsByteIdentical(String name) {
        byte[] der = Fixtures.exampleDer(name);

        assertThat(PolicyCodec.encode(PolicyCodec.decode(der))).isEqualTo(der);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SEAL_POLICY, Fixtures.INBOUND_POLICY})
    void theCommittedDerIsWhatTheCommittedJsonCompilesTo(String name) {
        assertThat(PolicyJson.compile(Fixtures.exampleJson(name))).isEqualTo(Fixtures.exampleDer(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SEAL_POLICY, Fixtures.INBOUND_POLICY})
    void theEmbeddedHashIsTheHashASignatureMustCarry(String name) {
        byte[] der = Fixtures.exampleDer(name);
        SignaturePolicy policy = PolicyCodec.decode(der);

        assertThat(policy.signPolicyHash()).isEqualTo(PolicyHasher.sigPolicyHash(der).value());
        assertThat(policy.oid()).startsWith("2.999.3125.");
    }
}
