package dev.vellum.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IndicationTest {

    @Test
    void everySubIndicationOfTable6WithItsUri() {
        assertThat(SubIndication.values()).hasSize(26);
        assertThat(Arrays.stream(SubIndication.values()).filter(s -> s.mainIndication() == Indication.TOTAL_FAILED))
                .containsExactlyInAnyOrder(SubIndication.FORMAT_FAILURE, SubIndication.HASH_FAILURE,
                        SubIndication.SIG_CRYPTO_FAILURE, SubIndication.REVOKED, SubIndication.EXPIRED,
                        SubIndication.NOT_YET_VALID);
        assertThat(SubIndication.CUSTOM.uri()).isEqualTo("urn:etsi:019102:subindication:CUSTOM");
        for (SubIndication s : SubIndication.values()) {
            assertThat(SubIndication.fromUri(s.uri())).isEqualTo(s);
        }
        assertThat(Indication.TOTAL_PASSED.uri()).isEqualTo("urn:etsi:019102:mainindication:total-passed");
        assertThat(Indication.fromUri("urn:etsi:019102:mainindication:indeterminate")).isEqualTo(Indication.INDETERMINATE);
        assertThat(Indication.PASSED.asProcessIndication()).isEqualTo(Indication.TOTAL_PASSED);
    }
}
