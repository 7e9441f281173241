package dev.vellum.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.support.SampleSignatures;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a reader (and a text search) finds in the item PDFs made from real validations. */
class PdfReportWriterTest {
    private static final PdfReportWriter WRITER = new PdfReportWriter(Clock.fixed(SampleSignatures.VALIDATED, ZoneOffset.UTC));
    private static byte[] lta;
    private static byte[] revoked;
    private static byte[] tampered;

    @BeforeAll
    static void render() {
        SampleSignatures s = SampleSignatures.get();
        lta = WRITER.item(s.validLta());
        revoked = WRITER.item(s.revoked());
        tampered = WRITER.item(s.tampered());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines wrap where the layout wants: compare words, not line breaks
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theLtaReportStatesTheVerdictSignerAndEveryTimestamp() throws IOException {
        ItemReport item = SampleSignatures.get().validLta();
        SignatureReport s = item.validation().signatures().get(0);
        String text = text(lta);
        assertThat(text).contains("Valid at the time of signing, proven by an archive timestamp of 2026-11-22")
                .contains("TOTAL_PASSED", "CAdES-BASELINE-LTA", SampleSignatures.SIGNER_NAME, "<sample-17@records.example>",
                        item.validation().document().sha256());
        assertThat(s.timestamps()).hasSizeGreaterThanOrEqualTo(3);
        for (TimestampReport t : s.timestamps()) {
            assertThat(text).contains(Verdicts.second(t.genTime()));
        }
        assertThat(text).contains("Validation history", "Evidence inventory", "Timeline", "Constraints checked");
    }

    @Test
    void failuresNameTheirSubIndication() throws IOException {
        assertThat(text(revoked)).contains("Cannot be confirmed: the signer's certificate was revoked on",
                "REVOKED_NO_POE", "Revoked Signer", "REVOKED 2024-11-19");
        assertThat(text(tampered)).contains("Not valid: the message was changed after it was signed", "HASH_FAILURE",
                "Payment of 100 EUR confirmed");
    }

    @Test
    void theTimelineDrawsCertificateBarsTimestampsRevocationAndTheRenewalDate() throws IOException {
        String lta = timeline(PdfReportWriterTest.lta);
        assertThat(lta).contains("Signer: Zoë Öztürk-Čapek", "CA: Vellum Test Issuing CA", "TSA: Vellum Test TSA",
                "Signing time", "validated 2027-03-01", "renew by 2029-11-19",
                "signing time", "signature time-stamp", "archive time-stamp", "revocation");
        for (TimestampReport t : SampleSignatures.get().validLta().validation().signatures().get(0).timestamps()) {
            assertThat(lta).as("%s time-stamp of %s on the axis", t.type(), t.genTime()).contains(Verdicts.day(t.genTime()));
        }
        assertThat(timeline(revoked)).contains("Signer: Revoked Signer", "revoked 2024-11-19");
    }

    /** The text of the timeline section: from its heading to the time-stamp table that follows it. */
    private static String timeline(byte[] pdf) throws IOException {
        String text = text(pdf);
        int start = text.indexOf(" Timeline ");
        assertThat(start).as("a Timeline section").isPositive();
        return text.substring(start, text.indexOf("Time-stamps Type", start));
    }

    @Test
    void nonLatinNamesAreDrawnWithRealGlyphs() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            ReportFonts fonts = new ReportFonts(doc);
            for (int cp : "ÖöČčŽЖжДоговор中合同Zoë".codePoints().toArray()) {
                assertThat(fonts.canRender(cp)).as("glyph for U+%04X", cp).isTrue();
            }
        }
        String text = text(lta);
        assertThat(text).contains("Zoë Öztürk-Čapek", "Договор Ж-17 / 合同").doesNotContain("\uFFFD");
    }

    @Test
    void pagesAreNumberedAndBookmarkedAndFontsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(lta)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            for (int i = 1; i <= pages; i++) {
                assertThat(text).contains("Page " + i + " of " + pages);
            }
            PDOutlineItem root = doc.getDocumentCatalog().getDocumentOutline().getFirstChild();
            assertThat(root.getTitle()).contains("minutes-2024-11-19.eml");
            List<String> titles = new java.util.ArrayList<>();
            root.children().forEach(c -> titles.add(c.getTitle()));
            assertThat(titles).contains("Document", "Evidence inventory", "Validation history")
                    .anyMatch(t -> t.startsWith("Signature 1"));
            for (PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(doc.getDocumentInformation().getTitle()).contains("minutes-2024-11-19.eml");
            assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    @Test
    void itemReportsArePdfA2b() throws Exception {
        assertThat(PdfA.violations(lta)).isEmpty();
        assertThat(PdfA.violations(tampered)).isEmpty();
    }
}
