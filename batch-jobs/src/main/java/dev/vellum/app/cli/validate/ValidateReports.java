package dev.vellum.app.cli.validate;

import dev.vellum.reports.ReportException;
import dev.vellum.reports.etsi.EtsiValidationReportWriter;
import dev.vellum.reports.mail.MessageHeaders;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.pdf.PdfReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vellum validate --format xml|pdf}: the reports module's writers over the validations.
 * A class of its own so that PDFBox and the fonts are loaded only when a PDF is asked for (the
 * validate tool's cold start stays small for text and JSON).
 */
final class ValidateReports {
    private static final String VALIDATOR = "Vellum " + (ValidateReports.class.getPackage().getImplementationVersion() == null
            ? "(development build)" : ValidateReports.class.getPackage().getImplementationVersion());

    private ValidateReports() {
    }

    /**
     * ETSI TS 119 102-2 XML: one file's report to {@code out} (or standard output); several files
     * need {@code out} to be a directory, which gets {@code <file>.xml} per file.
     *
     * @return false when the report could not be written (files without a report are named on {@code err})
     */
    static boolean xml(List<ValidateJson.FileOutcome> outcomes, Path out, PrintWriter stdout, PrintWriter err) {
        EtsiValidationReportWriter writer = new EtsiValidationReportWriter(VALIDATOR);
        List<ValidateJson.FileOutcome> reported = reported(outcomes, err);
        if (reported.isEmpty()) {
            return true;
        }
        try {
            if (outcomes.size() == 1 && (out == null || !Files.isDirectory(out))) {
                byte[] xml = writer.write(reported.get(0).report());
                if (out == null) {
                    stdout.print(new String(xml, java.nio.charset.StandardCharsets.UTF_8));
                    stdout.flush();
                } else {
                    Files.write(out, xml);
                }
                return true;
            }
            if (out == null) {
                err.println("--format xml with several files needs --out DIR (one XML report per file)");
                return false;
            }
            Files.createDirectories(out);
            for (ValidateJson.FileOutcome o : reported) {
                Files.write(out.resolve(Path.of(o.file()).getFileName() + ".xml"), writer.write(o.report()));
            }
            return true;
        } catch (IOException | ReportException e) {
            err.println("cannot write the XML report to " + out + ": " + e.getMessage());
            return false;
        }
    }

    /** One PDF with every validated file (a section and bookmark per file). */
    static boolean pdf(List<ValidateJson.FileOutcome> outcomes, Path out, Clock clock, PrintWriter err) {
        if (out == null) {
            err.println("--format pdf needs --out FILE.pdf");
            return false;
        }
        List<ItemReport> items = new ArrayList<>();
        for (ValidateJson.FileOutcome o : reported(outcomes, err)) {
            items.add(ItemReport.of(o.report(), MessageHeaders.read(head(Path.of(o.file())))).withLabel(
                    Path.of(o.file()).getFileName().toString()));
        }
        if (items.isEmpty()) {
            return true;
        }
        try {
            Path target = Files.isDirectory(out) ? out.resolve("validation-report.pdf") : out;
            String title = items.size() == 1 ? items.get(0).label() : items.size() + " files";
            Files.write(target, new PdfReportWriter(clock).items(items, title));
            return true;
        } catch (IOException | ReportException e) {
            err.println("cannot write the PDF report to " + out + ": " + e.getMessage());
            return false;
        }
    }

    private static List<ValidateJson.FileOutcome> reported(List<ValidateJson.FileOutcome> outcomes, PrintWriter err) {
        List<ValidateJson.FileOutcome> reported = new ArrayList<>();
        for (ValidateJson.FileOutcome o : outcomes) {
            if (o.report() == null) {
                err.println(o.file() + ": " + o.error() + " (no report)");
            } else {
                reported.add(o);
            }
        }
        return reported;
    }

    /** The start of a file: enough for its mail headers. */
    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MessageHeaders.MAX_HEADER_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
