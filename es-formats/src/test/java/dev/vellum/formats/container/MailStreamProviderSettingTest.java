package dev.vellum.formats.container;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamProviderSettingTest {

    @Test
    void theNamedProviderIsAngusMailsStreamProvider() throws Exception {
        // A wrong name here would make every MIME parse fail, so pin it against the jar on the class path.
        assertThat(StreamProvider.class).isAssignableFrom(Class.forName(MailStreamProviderSetting.ANGUS));
    }

    @Test
    void applyNamesItUnlessTheApplicationChoseOne() {
        String before = System.getProperty(MailStreamProviderSetting.PROPERTY);
        try {
            System.clearProperty(MailStreamProviderSetting.PROPERTY);
            MailStreamProviderSetting.apply();
            assertThat(System.getProperty(MailStreamProviderSetting.PROPERTY)).isEqualTo(MailStreamProviderSetting.ANGUS);

            System.setProperty(MailStreamProviderSetting.PROPERTY, "com.example.OwnProvider");
            MailStreamProviderSetting.apply();
            assertThat(System.getProperty(MailStreamProviderSetting.PROPERTY)).isEqualTo("com.example.OwnProvider");
        } finally {
            if (before == null) {
                System.clearProperty(MailStreamProviderSetting.PROPERTY);
            } else {
                System.setProperty(MailStreamProviderSetting.PROPERTY, before);
            }
        }
    }
}
