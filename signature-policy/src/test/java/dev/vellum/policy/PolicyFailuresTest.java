package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.policy.model.Bytes;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken policies fail with a PolicyException that says what is wrong and where. */
class PolicyFailuresTest {
    private final byte[] icp = Fixtures.icpBrasilAdRb21();

    @Test
    void emptyAndNonAsn1InputAreMalformed() {
        assertThatThrownBy(() -> PolicyCodec.decode(new byte[0])).isInstanceOf(PolicyException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PolicyCodec.decode("%PDF-1.7 not a policy".getBytes()))
                .isInstanceOf(PolicyException.class).hasMessageContaining("malformed signature policy DER");
    }

    @Test
    void truncatedAndTrailingDataAreMalformed() {
        assertThatThrownBy(() -> PolicyCodec.decode(Arrays.copyOf(icp, icp.length - 10)))
                .isInstanceOf(PolicyException.class).hasMessageContaining("malformed signature policy DER");
        byte[] trailing = Arrays.copyOf(icp, icp.length + 2);
        trailing[icp.length] = 0x05; // a NULL after the SignaturePolicy
        assertThatThrownBy(() -> PolicyCodec.decode(trailing))
                .isInstanceOf(PolicyException.class).hasMessageContaining("trailing data");
    }

    @Test
    void aWrongTypeIsReportedAtItsField() {
        byte[] broken = icp.clone();
        broken[21] = 0x04; // signPolicyIdentifier: OBJECT IDENTIFIER → OCTET STRING
        assertThatThrownBy(() -> PolicyCodec.decode(broken)).isInstanceOf(PolicyException.class)
                .hasMessage("malformed signature policy DER at signPolicyInfo.signPolicyIdentifier: "
                        + "expected OBJECT IDENTIFIER, found OctetString");
    }

    @Test
    void anOutOfRangeEnumeratedIsReported() {
        byte[] broken = icp.clone();
        broken[2619] = 9; // signerRevReq.endCertRevReq.enuRevReq: eitherCheck(3) → 9
        assertThatThrownBy(() -> PolicyCodec.decode(broken)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("EnuRevReq has no value 9");
    }

    @Test
    void anImplicitTagWhereRfc3125SaysExplicitIsReported() {
        byte[] broken = icp.clone();
        // [1] EXPLICIT mandatedCertificateInfo (A1 03 0A 01 01) → [1] IMPLICIT-looking primitive 81 01 01 + padding
        assertThat(broken[887] & 0xFF).isEqualTo(0xA1);
        broken[887] = (byte) 0x81;
        broken[888] = 0x03;
        assertThatThrownBy(() -> PolicyCodec.decode(broken)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("mandatedCertificateInfo")
                .hasMessageContaining("EXPLICIT");
    }

    @Test
    void alteredContentFailsTheEmbeddedHashCheck() {
        byte[] altered = icp.clone();
        altered[130] ^= 0x20; // a letter in fieldOfApplication changes case
        assertThatThrownBy(() -> PolicyCodec.decode(altered)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("signature policy 2.16.76.1.7.1.1.2.1: embedded signPolicyHash "
                        + Fixtures.ICP_BRASIL_AD_RB_21_HASH)
                .hasMessageContaining("does not match SHA-256");
        assertThat(PolicyCodec.decodeWithoutHashCheck(altered).signPolicyInfo().fieldOfApplication().text())
                .isNotEqualTo(PolicyCodec.decode(icp).signPolicyInfo().fieldOfApplication().text());
    }

    @Test
    void aWrongEmbeddedHashFailsTheCheck() {
        byte[] wrong = icp.clone();
        wrong[wrong.length - 1] ^= 0x01;
        assertThatThrownBy(() -> PolicyCodec.decode(wrong)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("does not match SHA-256(DER(signPolicyHashAlg) ‖ DER(signPolicyInfo)) = "
                        + Fixtures.ICP_BRASIL_AD_RB_21_HASH);
    }

    @Test
    void anUnsupportedHashAlgorithmIsNamed() {
        byte[] md5 = icp.clone();
        // signPolicyHashAlg OID 2.16.840.1.101.3.4.2.1 → 1.2.840.113549.2.5 is not the same length; use SHA-256's
        // sibling 2.16.840.1.101.3.4.2.99 (same length), which no one supports.
        md5[16] = 99;
        assertThatThrownBy(() -> PolicyCodec.decode(md5)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("hash algorithm 2.16.840.1.101.3.4.2.99 is not supported");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 20, 32, 64, 100})
    void aZeroHashOfAnyLengthMeansUnknown(int length) {
        PolicyHash zero = new PolicyHash(HashAlgorithm.SHA256.oid(), Bytes.of(new byte[length]));
        assertThat(zero.isZeroHash()).isTrue();
        assertThat(new PolicyHash(HashAlgorithm.SHA256.oid(), Bytes.fromHex("00".repeat(31) + "01")).isZeroHash())
                .isFalse();
        assertThat(PolicyHash.unknown(HashAlgorithm.SHA384).value().length()).isEqualTo(48);
    }

    @Test
    void nameTheBytesUsedAbove() {
        // Guard the offsets the tests above patch: they come from `openssl asn1parse` of the fixture.
        assertThat(icp[21]).isEqualTo((byte) 0x06);
        assertThat(HexFormat.of().formatHex(icp, 2617, 2620)).isEqualTo("0a0103");
        assertThat(HexFormat.of().formatHex(icp, 6, 17)).isEqualTo("0609608648016503040201");
    }
}
