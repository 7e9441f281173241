package dev.vellum.reports.pdf;

import dev.vellum.reports.pdf.ReportFonts.Face;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import dev.vellum.validation.revocation.RevocationStatus;
import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline of one signature: certificate validity bars (signer, CAs, TSAs) with revocations,
 * the signing time, every time-stamp and archive time-stamp, the validation time, algorithm sunsets
 * and the date the evidence must be renewed — on one time axis, so that "proven before it expired"
 * can be seen rather than read.
 */
final class TimelineDrawing {
    private static final float LABEL_WIDTH = 118;
    private static final float LANE = 15;

    private record Bar(String label, Instant from, Instant to, Instant revokedAt, Color color) {
    }

    private record Event(Instant at, String kind, Color color) {
    }

    private record Rule(Instant at, String label, Color color) {
    }

    private TimelineDrawing() {
    }

    static void draw(PageFlow flow, SignatureReport s, Instant validationTime, Instant evidenceUntil) {
        List<Bar> bars = new ArrayList<>();
        List<CertificateReport> chain = s.chain();
        for (int i = 0; i < chain.size(); i++) {
            CertificateReport c = chain.get(i);
            if (c.trustAnchor() || c.notBefore() == null || c.notAfter() == null) {
                continue;
            }
            String who = i == 0 ? "Signer: " + commonName(c.subject()) : "CA: " + commonName(c.subject());
            bars.add(new Bar(who, c.notBefore(), c.notAfter(), revoked(c), i == 0 ? Palette.PASSED : Palette.NEUTRAL));
        }
        Map<String, CertificateReport> tsas = new LinkedHashMap<>();
        for (TimestampReport t : s.timestamps()) {
            if (!t.chain().isEmpty() && !t.chain().get(0).trustAnchor()) {
                tsas.putIfAbsent(t.chain().get(0).id(), t.chain().get(0));
            }
        }
        for (CertificateReport c : tsas.values()) {
            if (c.notBefore() != null && c.notAfter() != null) {
                bars.add(new Bar("TSA: " + commonName(c.subject()), c.notBefore(), c.notAfter(), revoked(c), Palette.TIMESTAMP));
            }
        }
        List<Event> events = new ArrayList<>();
        if (s.claimedSigningTime() != null) {
            events.add(new Event(s.claimedSigningTime(), "signed", Palette.INK));
        }
        for (TimestampReport t : s.timestamps()) {
            if (t.genTime() != null) {
                events.add(new Event(t.genTime(), t.type(), "ARCHIVE".equals(t.type()) ? Palette.ARCHIVE : Palette.TIMESTAMP));
            }
        }
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(validationTime, "validated " + Verdicts.day(validationTime), Palette.ACCENT));
        if (s.algorithmSunset() != null) {
            rules.add(new Rule(s.algorithmSunset(), "algorithm sunset " + Verdicts.day(s.algorithmSunset()), Palette.FAILED));
        }
        s.timestamps().stream().map(TimestampReport::algorithmSunset).filter(java.util.Objects::nonNull).distinct()
                .filter(t -> !t.equals(s.algorithmSunset()))
                .forEach(t -> rules.add(new Rule(t, "time-stamp algorithm sunset " + Verdicts.day(t), Palette.FAILED)));
        if (evidenceUntil != null) {
            rules.add(new Rule(evidenceUntil, "renew by " + Verdicts.day(evidenceUntil), Palette.INDETERMINATE));
        }

        // The axis spans the events, the signer's and TSAs' validity and the rules; long-lived CAs are clipped.
        Instant min = validationTime;
        Instant max = validationTime;
        for (Event e : events) {
            min = earlier(min, e.at());
            max = later(max, e.at());
        }
        for (Bar b : bars) {
            if (!b.label().startsWith("CA:")) {
                min = earlier(min, b.from());
                max = later(max, b.to());
            }
            if (b.revokedAt() != null) {
                min = earlier(min, b.revokedAt());
                max = later(max, b.revokedAt());
            }
        }
        for (Rule r : rules) {
            max = later(max, r.at());
        }
        long span = Math.max(max.getEpochSecond() - min.getEpochSecond(), 86_400L * 30);
        Instant from = min.minusSeconds(span / 14);
        Instant to = max.plusSeconds(span / 14);

        float lanes = bars.size() + 2;
        float height = 26 + lanes * LANE + 18 + 46;
        flow.ensure(height + 10);
        float top = flow.y() - 8;
        float x0 = PageFlow.LEFT + LABEL_WIDTH;
        float x1 = PageFlow.RIGHT - 6;
        Axis axis = new Axis(from, to, x0, x1);
        float bottomOfLanes = top - 14 - lanes * LANE - 18;

        // year grid
        for (int year = LocalDate.ofInstant(from, ZoneOffset.UTC).getYear() + 1;
             year <= LocalDate.ofInstant(to, ZoneOffset.UTC).getYear(); year++) {
            Instant jan1 = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            float x = axis.x(jan1);
            flow.line(x, top, x, bottomOfLanes, Palette.RULE, 0.4f);
            flow.text(x + 2, bottomOfLanes - 9, Integer.toString(year), Face.REGULAR, 7, Palette.MUTED);
        }
        flow.line(x0, bottomOfLanes, x1, bottomOfLanes, Palette.MUTED, 0.6f);

        float laneY = top - 14;
        for (Bar b : bars) {
            laneY -= LANE;
            flow.text(PageFlow.LEFT, laneY + 3, shorten(flow, b.label(), LABEL_WIDTH - 6), Face.REGULAR, 7.5f, Palette.INK);
            float bx0 = axis.x(b.from());
            float bx1 = axis.x(b.to());
            flow.fill(bx0, laneY + 1, Math.max(1, bx1 - bx0), 7, lighter(b.color()));
            flow.fill(bx0, laneY + 1, 1.2f, 7, b.color());
            flow.fill(Math.max(bx0, bx1 - 1.2f), laneY + 1, 1.2f, 7, b.color());
            if (b.from().isBefore(from)) {
                flow.text(x0 + 1, laneY + 2, "◀", Face.REGULAR, 6, b.color());
            }
            if (b.to().isAfter(to)) {
                flow.text(x1 - 6, laneY + 2, "▶", Face.REGULAR, 6, b.color());
            }
            if (b.revokedAt() != null) {
                float rx = axis.x(b.revokedAt());
                flow.fill(rx, laneY + 1, Math.max(1, bx1 - rx), 7, Palette.FAILED_FILL);
                cross(flow, rx, laneY + 4.5f, 4, Palette.FAILED);
                flow.text(rx + 5, laneY + 9.5f, "revoked " + Verdicts.day(b.revokedAt()), Face.BOLD, 6.5f, Palette.FAILED);
            }
        }
        // two event lanes, so that a time-stamp made with the signature does not hide the signing time
        laneY -= LANE;
        flow.text(PageFlow.LEFT, laneY + 3, "Signing time", Face.BOLD, 7.5f, Palette.INK);
        flow.line(x0, laneY + 4.5f, x1, laneY + 4.5f, Palette.RULE, 0.5f);
        float signedLane = laneY;
        laneY -= LANE + 8;
        flow.text(PageFlow.LEFT, laneY + 3, "Time-stamps", Face.BOLD, 7.5f, Palette.INK);
        flow.line(x0, laneY + 4.5f, x1, laneY + 4.5f, Palette.RULE, 0.5f);
        float tsLane = laneY;
        float lastSignedLabel = -1000;
        float lastTsLabel = -1000;
        float lastTsBelow = -1000;
        for (Event e : events.stream().sorted(java.util.Comparator.comparing(Event::at)).toList()) {
            float x = axis.x(e.at());
            float ly = e.kind().equals("signed") ? signedLane : tsLane;
            switch (e.kind()) {
                case "signed" -> flow.polygon(new float[] {x, x + 4.5f, x, x - 4.5f},
                        new float[] {ly + 9, ly + 4.5f, ly, ly + 4.5f}, e.color());
                case "ARCHIVE" -> flow.fill(x - 3.5f, ly + 1, 7, 7, e.color());
                case "CONTENT" -> flow.polygon(new float[] {x - 4, x + 4, x}, new float[] {ly + 1, ly + 1, ly + 8},
                        e.color());
                default -> flow.circle(x, ly + 4.5f, 3.5f, e.color());
            }
            String label = Verdicts.day(e.at());
            float w = flow.fonts.width(label, Face.REGULAR, 6.3f);
            if (e.kind().equals("signed")) {
                if (x + 6 > lastSignedLabel + 3) {
                    flow.text(x + 6, ly + 1.5f, label, Face.REGULAR, 6.3f, Palette.MUTED);
                    lastSignedLabel = x + 6 + w;
                }
                continue;
            }
            // time-stamp dates centred above the marker, or below when the one above would collide
            float lx = x - w / 2;
            if (lx > lastTsLabel + 3) {
                flow.text(lx, ly + 10.5f, label, Face.REGULAR, 6.3f, Palette.MUTED);
                lastTsLabel = lx + w;
            } else if (lx > lastTsBelow + 3) {
                flow.text(lx, ly - 7.5f, label, Face.REGULAR, 6.3f, Palette.MUTED);
                lastTsBelow = lx + w;
            }
        }
        // vertical rules with labels staggered below the axis
        float labelY = bottomOfLanes - 20;
        float lastRight = -1;
        for (Rule r : rules.stream().sorted(java.util.Comparator.comparing(Rule::at)).toList()) {
            float x = axis.x(r.at());
            flow.line(x, top, x, bottomOfLanes, r.color(), 0.9f, new float[] {3, 2});
            float w = flow.fonts.width(r.label(), Face.REGULAR, 7);
            float lx = Math.min(Math.max(x - w / 2, x0), x1 - w);
            if (lx < lastRight + 4) {
                labelY -= 9;
            }
            flow.text(lx, labelY, r.label(), Face.REGULAR, 7, r.color());
            lastRight = lx + w;
        }
        // legend
        float ly = labelY - 13;
        float lx = x0;
        lx = legend(flow, lx, ly, "signing time", "signed", Palette.INK);
        lx = legend(flow, lx, ly, "signature time-stamp", "SIGNATURE", Palette.TIMESTAMP);
        lx = legend(flow, lx, ly, "archive time-stamp", "ARCHIVE", Palette.ARCHIVE);
        legend(flow, lx, ly, "revocation", "revoked", Palette.FAILED);
        flow.moveTo(ly - 10);
    }

    private static float legend(PageFlow flow, float x, float y, String text, String kind, Color color) {
        switch (kind) {
            case "signed" -> flow.polygon(new float[] {x + 4, x + 8, x + 4, x}, new float[] {y + 7, y + 3, y - 1, y + 3}, color);
            case "ARCHIVE" -> flow.fill(x + 1, y, 6, 6, color);
            case "revoked" -> cross(flow, x + 4, y + 3, 3.5f, color);
            default -> flow.circle(x + 4, y + 3, 3, color);
        }
        flow.text(x + 11, y + 0.5f, text, Face.REGULAR, 7, Palette.MUTED);
        return x + 11 + flow.fonts.width(text, Face.REGULAR, 7) + 14;
    }

    private static void cross(PageFlow flow, float x, float y, float r, Color color) {
        flow.line(x - r, y - r, x + r, y + r, color, 1.4f);
        flow.line(x - r, y + r, x + r, y - r, color, 1.4f);
    }

    private static Instant revoked(CertificateReport c) {
        return c.revocationStatus() == RevocationStatus.REVOKED ? c.revocationTime() : null;
    }

    private static Instant earlier(Instant a, Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static Color lighter(Color c) {
        return new Color((c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4, (c.getBlue() + 3 * 255) / 4);
    }

    static String commonName(String dn) {
        if (dn == null) {
            return "?";
        }
        for (String part : dn.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3).replace("\\,", ",");
            }
        }
        return dn;
    }

    private static String shorten(PageFlow flow, String s, float width) {
        if (flow.fonts.width(s, Face.REGULAR, 7.5f) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 4 && flow.fonts.width(t + "…", Face.REGULAR, 7.5f) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Maps instants to x positions. */
    private record Axis(Instant from, Instant to, float x0, float x1) {
        float x(Instant t) {
            double f = (double) (t.getEpochSecond() - from.getEpochSecond()) / (to.getEpochSecond() - from.getEpochSecond());
            return (float) (x0 + Math.max(0, Math.min(1, f)) * (x1 - x0));
        }
    }
}
