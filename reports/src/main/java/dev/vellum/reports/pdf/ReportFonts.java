package dev.vellum.reports.pdf;

import dev.vellum.reports.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The embedded Unicode fonts of one PDF document: DejaVu Sans (regular, bold) and DejaVu Sans Mono
 * from the jasperreports-fonts artifact, and Droid Sans Fallback (shipped, Apache-2.0) for the CJK
 * characters DejaVu lacks. Every font is embedded as a subset (PDF/A-2b requires embedding). The
 * fallback is parsed only when a text needs it, so a report without CJK never loads its 4 MB.
 * Font files are read once per JVM; the parsed fonts belong to one document and are not shared.
 */
public final class ReportFonts {

    /** Which face. */
    public enum Face { REGULAR, BOLD, MONO }

    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String FALLBACK = "/dev/vellum/reports/pdf/fonts/DroidSansFallbackFull.ttf";
    private static final ConcurrentHashMap<String, byte[]> FILES = new ConcurrentHashMap<>();

    private final PDDocument document;
    private final Font[] faces = new Font[Face.values().length];
    private Font fallback;

    /** A parsed font with its Unicode cmap, embedded in the document on first use. */
    private static final class Font {
        final TrueTypeFont ttf;
        final CmapLookup cmap;
        final PDType0Font pdf;

        Font(PDDocument document, String resource) {
            try {
                ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes(resource)));
                cmap = ttf.getUnicodeCmapLookup();
                pdf = PDType0Font.load(document, ttf, true);
            } catch (IOException e) {
                throw new ReportException("cannot load the report font " + resource + ": " + e.getMessage(), e);
            }
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }
    }

    public ReportFonts(PDDocument document) {
        this.document = document;
    }

    public PDType0Font font(Face face) {
        return face(face).pdf;
    }

    private Font face(Face face) {
        Font f = faces[face.ordinal()];
        if (f == null) {
            f = new Font(document, switch (face) {
                case REGULAR -> DEJAVU + "DejaVuSans.ttf";
                case BOLD -> DEJAVU + "DejaVuSans-Bold.ttf";
                case MONO -> DEJAVU + "DejaVuSansMono.ttf";
            });
            faces[face.ordinal()] = f;
        }
        return f;
    }

    private Font fallback() {
        if (fallback == null) {
            fallback = new Font(document, FALLBACK);
        }
        return fallback;
    }

    /** A piece of text in one font. */
    public record Run(PDType0Font font, String text) {
    }

    /**
     * Splits {@code text} into runs the fonts can draw: the face where it has the glyph, else the CJK
     * fallback, else U+FFFD (which DejaVu has) — a report never shows an empty box silently.
     */
    public List<Run> runs(String text, Face face) {
        List<Run> runs = new ArrayList<>();
        Font primary = face(face);
        StringBuilder current = new StringBuilder();
        Font currentFont = primary;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                cp = cp == '\t' || cp == '\n' || cp == '\r' ? ' ' : -1;
                if (cp < 0) {
                    continue;
                }
            }
            Font f = primary.has(cp) ? primary : face(Face.REGULAR).has(cp) ? face(Face.REGULAR)
                    : fallback().has(cp) ? fallback() : null;
            if (f == null) {
                f = face(Face.REGULAR);
                cp = 0xFFFD;
            }
            if (f != currentFont && current.length() > 0) {
                runs.add(new Run(currentFont.pdf, current.toString()));
                current.setLength(0);
            }
            currentFont = f;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(currentFont.pdf, current.toString()));
        }
        return runs;
    }

    /** Whether some embedded font has a real glyph for the code point (not the replacement character). */
    public boolean canRender(int codePoint) {
        return face(Face.REGULAR).has(codePoint) || fallback().has(codePoint);
    }

    /** Width in points of {@code text} at {@code size}. */
    public float width(String text, Face face, float size) {
        float w = 0;
        for (Run r : runs(text, face)) {
            try {
                w += r.font().getStringWidth(r.text()) / 1000f * size;
            } catch (IOException | IllegalArgumentException e) {
                throw new ReportException("cannot measure text in the report font: " + e.getMessage(), e);
            }
        }
        return w;
    }

    private static byte[] bytes(String resource) {
        return FILES.computeIfAbsent(resource, r -> {
            try (InputStream in = ReportFonts.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new ReportException("font " + r + " is not on the class path (jasperreports-fonts missing?)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new ReportException("cannot read font " + r + ": " + e.getMessage(), e);
            }
        });
    }
}
