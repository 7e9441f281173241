package dev.vellum.reports.samples;

import dev.vellum.reports.etsi.EtsiValidationReportWriter;
import dev.vellum.reports.json.ReportJson;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.pdf.PdfReportWriter;
import dev.vellum.reports.support.SampleSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes the sample reports committed under {@code docs/samples/}: a valid LTA mail, a revoked
 * signer and a tampered message, each as PDF (and JSON and ETSI XML), plus a PNG of page 1 rendered
 * with poppler's {@code pdftoppm -png -r 80 -f 1 -l 1} when it is installed. The signatures are
 * real (es-formats, testkit PKI) and the verdicts come from the validation module.
 *
 * <p>Run: {@code ./mvnw -q -pl reports -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test} then
 * {@code java -cp "reports/target/test-classes:reports/target/classes:$(cat /tmp/cp.txt)"
 * dev.vellum.reports.samples.SampleReportGenerator docs/samples}.
 */
public final class SampleReportGenerator {

    private SampleReportGenerator() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/samples");
        Files.createDirectories(out);
        SampleSignatures samples = SampleSignatures.get();
        PdfReportWriter pdf = new PdfReportWriter(Clock.fixed(SampleSignatures.VALIDATED, ZoneOffset.UTC));
        Map<String, ItemReport> reports = Map.of("valid-lta-mail", samples.validLta(), "revoked-signer", samples.revoked(),
                "tampered-message", samples.tampered());
        for (Map.Entry<String, ItemReport> e : reports.entrySet()) {
            Path file = out.resolve(e.getKey() + ".pdf");
            Files.write(file, pdf.item(e.getValue()));
            Files.write(out.resolve(e.getKey() + ".json"), ReportJson.write(e.getValue().validation()));
            Files.write(out.resolve(e.getKey() + ".xml"), new EtsiValidationReportWriter("Vellum sample generator")
                    .write(e.getValue().validation()));
            png(file);
            System.out.println("wrote " + file);
        }
    }

    private static void png(Path pdf) throws IOException, InterruptedException {
        String base = pdf.toString().substring(0, pdf.toString().length() - 4);
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    pdf.toString(), base).inheritIO().start();
            if (p.waitFor() != 0) {
                System.err.println("pdftoppm failed for " + pdf);
            }
        } catch (IOException e) {
            System.err.println("pdftoppm not available (apt-get install poppler-utils): no PNG for " + pdf);
        }
    }
}
