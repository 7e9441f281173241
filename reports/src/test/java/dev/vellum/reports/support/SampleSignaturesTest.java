package dev.vellum.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.validation.report.SignatureReport;
import org.junit.jupiter.api.Test;

/** The samples the report tests rely on say what they are meant to say. */
class SampleSignaturesTest {

    private static String verdict(SignatureReport s) {
        return s.indication() + "/" + s.subIndication() + " " + s.level() + " errors=" + s.errors() + " warnings="
                + s.warnings();
    }

    @Test
    void theLtaMailIsValidThroughItsArchiveTimestamps() {
        SignatureReport s = SampleSignatures.get().validLta().validation().signatures().get(0);
        assertThat(verdict(s)).startsWith("TOTAL_PASSED/null CAdES-BASELINE-LTA");
        assertThat(s.timestamps()).extracting(t -> t.type()).contains("SIGNATURE", "ARCHIVE");
    }

    @Test
    void theRevokedSignerIsNotAccepted() {
        // signed and time-stamped after the revocation: EN 319 102-1 gives INDETERMINATE/REVOKED_NO_POE (as DSS does)
        SignatureReport s = SampleSignatures.get().revoked().validation().signatures().get(0);
        assertThat(verdict(s)).startsWith("INDETERMINATE/REVOKED_NO_POE");
    }

    @Test
    void theTamperedMessageFails() {
        SignatureReport s = SampleSignatures.get().tampered().validation().signatures().get(0);
        assertThat(verdict(s)).startsWith("TOTAL_FAILED/HASH_FAILURE");
    }
}
