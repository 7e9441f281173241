package dev.vellum.app.cli.validate;

import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import java.util.List;

/** The human-readable output of {@code vellum validate}. */
final class ValidateText {

    private ValidateText() {
    }

    static String write(List<ValidateJson.FileOutcome> files) {
        StringBuilder b = new StringBuilder();
        for (ValidateJson.FileOutcome f : files) {
            b.append(f.file());
            if (f.container() != null) {
                b.append(" (").append(f.container()).append(')');
            }
            b.append('\n');
            if (f.error() != null) {
                b.append("  error: ").append(f.error()).append('\n');
            }
            if (f.report() == null) {
                continue;
            }
            for (SignatureReport s : f.report().signatures()) {
                if (f.error() != null && s.signer() == null && s.claimedSigningTime() == null && s.timestamps().isEmpty()) {
                    // no signature could be read: the verdict for the file, its reason already printed above
                    b.append("  ").append(ValidateCommand.describe(s)).append('\n');
                    continue;
                }
                b.append("  ").append(s.id()).append("  ").append(ValidateCommand.describe(s)).append('\n');
                if (s.signer() != null) {
                    b.append("    signer: ").append(s.signer().name()).append('\n');
                }
                b.append("    level: ").append(s.level());
                if (s.legacyForm() != null) {
                    b.append(" (").append(s.legacyForm()).append(')');
                }
                b.append('\n');
                if (s.claimedSigningTime() != null) {
                    b.append("    signing time (claimed): ").append(s.claimedSigningTime()).append('\n');
                }
                if (s.bestSignatureTime() != null) {
                    b.append("    best signature time: ").append(s.bestSignatureTime()).append('\n');
                }
                for (TimestampReport t : s.timestamps()) {
                    b.append("    time-stamp ").append(t.type()).append(' ').append(t.genTime()).append(" by ")
                            .append(t.tsa()).append(": ").append(t.indication())
                            .append(t.subIndication() == null ? "" : "/" + t.subIndication()).append('\n');
                }
                s.errors().stream().filter(e -> !e.equals(f.error())).forEach(e -> b.append("    error: ").append(e).append('\n'));
                s.warnings().forEach(w -> b.append("    warning: ").append(w).append('\n'));
            }
        }
        return b.toString();
    }
}
