package dev.vellum.timestamping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DigestAlgorithmTest {

    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void everyAlgorithmRoundTripsItsOidAndProducesDigestsOfItsLength(DigestAlgorithm algorithm) {
        assertThat(DigestAlgorithm.fromOid(algorithm.oid())).isSameAs(algorithm);
        assertThat(DigestAlgorithm.fromOid(algorithm.asn1Oid())).isSameAs(algorithm);
        assertThat(algorithm.digest(new byte[0])).hasSize(algorithm.digestLength());
        assertThat(algorithm.newMessageDigest().getDigestLength()).isEqualTo(algorithm.digestLength());
    }

    @Test
    void sha256OfAbcIsTheFips180Vector() {
        byte[] digest = DigestAlgorithm.SHA256.digest("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void unknownOidIsNamedInTheError() {
        assertThatThrownBy(() -> DigestAlgorithm.fromOid("1.2.840.113549.2.5"))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("1.2.840.113549.2.5");
    }
}
