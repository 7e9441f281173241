package dev.vellum.formats.container;

/**
 * Names Angus Mail's {@code StreamProvider} in the system property Jakarta Mail reads first. Without
 * it, Jakarta Mail 2.1 runs a {@link java.util.ServiceLoader} scan of the class path for every
 * {@code MimeMultipart} and many {@code MimeUtility} calls (jakartaee/mail-api issues 699 and 861):
 * in the benchmark beside DSS that scan was about a sixth of the time spent validating an .eml. A value
 * the application has already set is left alone.
 */
public final class MailStreamProviderSetting {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProviderSetting() {
    }

    /** Sets the property unless it is set; idempotent and cheap, so every MIME entry point may call it. */
    public static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
