package dev.vellum.reports.seal;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.reports.ReportException;
import dev.vellum.timestamping.TimestampSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Seals a report PDF as PAdES baseline B-T (EN 319 142-1): an incremental update with an invisible
 * signature field whose {@code /Contents} is a detached CAdES signature made by es-formats'
 * {@link CadesSigner} over the byte ranges (SubFilter ETSI.CAdES.detached, no signing-time
 * attribute, the time in {@code /M}), extended with a signature time-stamp by {@link CadesExtender}.
 * The report's PDF/A-2b conformance is kept (incremental update, printable zero-size widget).
 */
public final class PdfSealer {
    /** Room for the CMS with its certificates and a time-stamp token with the TSA chain. */
    private static final int SIGNATURE_SIZE = 48 * 1024;

    private final SigningKey key;
    private final TimestampSource tsa;
    private final Clock clock;

    private PdfSealer(SigningKey key, TimestampSource tsa, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.tsa = Objects.requireNonNull(tsa, "tsa");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param tsa the time-stamping authority for the B-T signature time-stamp */
    public static PdfSealer of(SigningKey key, TimestampSource tsa, Clock clock) {
        return new PdfSealer(key, tsa, clock);
    }

    /**
     * The sealed PDF: the original bytes unchanged, followed by the signature revision.
     *
     * <p>{@code /Contents} is made exactly as long as the CMS, without the usual zero padding: strict
     * CMS parsers (Bouncy Castle 1.86's {@code CMSSignedData}, hence DSS 6.3 on it) refuse trailing
     * bytes. ECDSA values and time-stamp tokens vary by a few bytes, so the space is sized from the
     * previous attempt until they match (usually within three; each attempt is one TSA request).
     * After {@value #ATTEMPTS} attempts the last one is kept with zero padding, which lenient
     * readers (Adobe, PDFBox, iText, DSS on older Bouncy Castle) accept.
     */
    public byte[] seal(byte[] pdf) {
        int reserve = SIGNATURE_SIZE;
        Attempt last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            Attempt attempt = sealOnce(pdf, reserve);
            if (attempt.pdf() != null) {
                last = attempt;
                if (attempt.cmsLength() == reserve) {
                    return attempt.pdf();
                }
            }
            reserve = attempt.cmsLength();
        }
        if (last == null) {
            throw new ReportException("cannot seal the PDF report: the signature size did not settle");
        }
        return last.pdf();
    }

    private static final int ATTEMPTS = 12;

    /** One signing pass: the PDF (null when the CMS did not fit) and the CMS length. */
    private record Attempt(byte[] pdf, int cmsLength) {
    }

    private Attempt sealOnce(byte[] pdf, int reserve) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(commonName(key.certificate().getSubjectX500Principal()));
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(clock.millis());
            signature.setSignDate(when); // PAdES: the claimed signing time is the M entry
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(reserve);
                document.addSignature(signature, options);
                printableWidgets(document);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserve + 4096);
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
                byte[] signedBytes;
                try (InputStream content = external.getContent()) {
                    signedBytes = content.readAllBytes();
                }
                byte[] cms = CadesSigner.builder(key).clock(clock).signingTimeAttribute(false).build()
                        .signDetached(SignedContent.of(signedBytes));
                byte[] timestamped = CadesExtender.builder().timestampSource(tsa).clock(clock).build()
                        .extend(new SignedDocumentReader().readDetached(cms, SignedContent.of(signedBytes)),
                                ExtensionTarget.T)
                        .cms();
                if (timestamped.length > reserve) {
                    if (reserve >= SIGNATURE_SIZE) {
                        throw new ReportException("the report seal (" + timestamped.length + " bytes) is larger than the "
                                + SIGNATURE_SIZE + " bytes reserved for it");
                    }
                    return new Attempt(null, timestamped.length);
                }
                external.setSignature(timestamped);
                return new Attempt(out.toByteArray(), timestamped.length);
            }
        } catch (IOException e) {
            throw new ReportException("cannot seal the PDF report: " + e.getMessage(), e);
        }
    }

    /** PDF/A-2 §6.3.2: annotations must be printable (PDFBox leaves the flag off on invisible signature widgets). */
    private static void printableWidgets(PDDocument document) {
        var form = document.getDocumentCatalog().getAcroForm();
        if (form == null) {
            return;
        }
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField) {
                for (PDAnnotationWidget widget : field.getWidgets()) {
                    widget.setPrinted(true);
                }
            }
        }
    }

    private static String commonName(X500Principal principal) {
        for (String part : principal.getName("RFC2253").split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return principal.getName();
    }
}
