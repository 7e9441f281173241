package dev.vellum.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadableNamesTest {

    @Test
    void hexEncodedAttributesOfRfc2253AreShownAsText() {
        // emailAddress as RFC 2253 prints it: the DER of IA5String "carol@finance.example" in hex
        String real = "1.2.840.113549.1.9.1=#16156361726f6c4066696e616e63652e6578616d706c65,CN=Carol Ng";
        assertThat(ItemSections.readableName(real)).isEqualTo("E=carol@finance.example,CN=Carol Ng");
        assertThat(ItemSections.readableName("CN=Zoë Öztürk-Čapek,O=Records,C=AT")).isEqualTo("CN=Zoë Öztürk-Čapek,O=Records,C=AT");
    }

    @Test
    void onlyAddressesAreShownAsEmail() {
        assertThat(ItemSections.emailOrNull("carol@finance.example")).isEqualTo("carol@finance.example");
        assertThat(ItemSections.emailOrNull("[B@15ad4570")).isNull();
        assertThat(ItemSections.emailOrNull(null)).isNull();
    }
}
