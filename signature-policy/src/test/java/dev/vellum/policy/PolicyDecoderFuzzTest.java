package dev.vellum.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vellum.policy.model.SignaturePolicy;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the DER decoder. In the default build this runs in Jazzer's regression mode over the seed
 * corpus only — the two example policies and the ICP-Brasil policy, copied by the build into
 * {@code PolicyDecoderFuzzTestInputs/decode} — in its own Surefire execution (tag "fuzz"), because
 * Jazzer's agent slows every other test in its JVM. Fuzz for real with {@code JAZZER_FUZZ=1}.
 *
 * <p>Properties: any input either decodes or fails with {@link PolicyException} (never another
 * exception, a hang or an OOM), and whatever decodes re-encodes to a policy that decodes equal.
 */
@Tag("fuzz")
class PolicyDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        SignaturePolicy policy;
        try {
            policy = PolicyCodec.decodeWithoutHashCheck(input);
        } catch (PolicyException expected) {
            return;
        }
        byte[] reencoded = PolicyCodec.encode(policy);
        assertEquals(policy, PolicyCodec.decodeWithoutHashCheck(reencoded));
        assertArrayEquals(reencoded, PolicyCodec.encode(PolicyCodec.decodeWithoutHashCheck(reencoded)));
        try {
            PolicyCodec.decode(input);
        } catch (PolicyException expected) {
            // a wrong embedded hash or an unsupported hash algorithm
        }
    }
}
