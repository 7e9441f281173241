package dev.vellum.validation.x509;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void anEmailAddressInTheSubjectIsShownAsTheAddressNotHexDer() {
        X500Principal name = new X500Principal("EMAILADDRESS=alice@example.org, CN=Alice Ölund, O=Example");

        assertThat(name.getName()).contains("#16"); // what the JDK prints without help
        assertThat(DisplayNames.of(name)).isEqualTo("E=alice@example.org,CN=Alice Ölund,O=Example");
    }

    @Test
    void namesWithoutAnEmailAddressAreUnchanged() {
        X500Principal name = new X500Principal("CN=Vellum Test Root CA, O=Vellum, C=DE");

        assertThat(DisplayNames.of(name)).isEqualTo(name.getName());
    }
}
