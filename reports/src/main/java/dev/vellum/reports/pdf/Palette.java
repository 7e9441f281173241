package dev.vellum.reports.pdf;

import java.awt.Color;
import dev.vellum.validation.Indication;

/** The report's colours (sRGB; the output intent says so). Verdict colours carry meaning, never decoration. */
final class Palette {
    static final Color INK = new Color(0x20, 0x21, 0x24);
    static final Color MUTED = new Color(0x5F, 0x63, 0x68);
    static final Color RULE = new Color(0xDA, 0xDC, 0xE0);
    static final Color HEADER_FILL = new Color(0xF1, 0xF3, 0xF4);
    static final Color ZEBRA = new Color(0xF8, 0xF9, 0xFA);
    static final Color ACCENT = new Color(0x1A, 0x4B, 0x8C);
    static final Color PASSED = new Color(0x1E, 0x7B, 0x3A);
    static final Color PASSED_FILL = new Color(0xE6, 0xF4, 0xEA);
    static final Color FAILED = new Color(0xB3, 0x26, 0x1E);
    static final Color FAILED_FILL = new Color(0xFC, 0xE8, 0xE6);
    static final Color INDETERMINATE = new Color(0xA8, 0x5C, 0x00);
    static final Color INDETERMINATE_FILL = new Color(0xFE, 0xF3, 0xE0);
    static final Color NEUTRAL = new Color(0x80, 0x86, 0x8B);
    static final Color TIMESTAMP = new Color(0x1A, 0x73, 0xE8);
    static final Color ARCHIVE = new Color(0x6A, 0x1B, 0x9A);

    private Palette() {
    }

    static Color of(String indication) {
        if (indication == null) {
            return NEUTRAL;
        }
        return switch (indication) {
            case "TOTAL_PASSED", "PASSED" -> PASSED;
            case "TOTAL_FAILED", "FAILED" -> FAILED;
            case "INDETERMINATE" -> INDETERMINATE;
            default -> NEUTRAL;
        };
    }

    static Color of(Indication indication) {
        return of(indication == null ? null : indication.name());
    }

    static Color fillOf(String indication) {
        if (indication == null) {
            return HEADER_FILL;
        }
        return switch (indication) {
            case "TOTAL_PASSED", "PASSED" -> PASSED_FILL;
            case "TOTAL_FAILED", "FAILED" -> FAILED_FILL;
            case "INDETERMINATE" -> INDETERMINATE_FILL;
            default -> HEADER_FILL;
        };
    }
}
