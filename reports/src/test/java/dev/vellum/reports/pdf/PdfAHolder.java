package dev.vellum.reports.pdf;

import java.util.List;

/** Opens {@link PdfA} to tests of other packages. */
public final class PdfAHolder {
    private PdfAHolder() {
    }

    public static List<String> violations(byte[] pdf) throws Exception {
        return PdfA.violations(pdf);
    }
}
