package dev.vellum.reports.pdf;

import dev.vellum.reports.model.HistoryEntry;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.model.MessageInfo;
import dev.vellum.reports.pdf.ReportFonts.Face;
import dev.vellum.validation.Indication;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.PoeReport;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.revocation.RevocationStatus;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** Lays out one item's report: verdicts first, then document, signer and chain, timeline, evidence, constraints, history. */
final class ItemSections {
    private final PageFlow flow;

    ItemSections(PageFlow flow) {
        this.flow = flow;
    }

    /** @param ownNode whether the item gets its own bookmark under {@code parent} (several items in one file) */
    void write(ItemReport item, PDOutlineItem parent, boolean ownNode) {
        ValidationReport v = item.validation();
        flow.newPage();
        PDOutlineItem root = ownNode ? bookmark(parent, item.label(), flow.here()) : parent;
        flow.text(PageFlow.LEFT, flow.y() - 16, "Evidence report", Face.BOLD, 19, Palette.INK);
        flow.down(34);
        flow.paragraph(item.label(), Face.REGULAR, 12, Palette.INK, 0);
        flow.paragraph("Validated as of " + Verdicts.second(v.validationTime()) + "  ·  report of "
                + Verdicts.second(v.producedAt()) + (v.policy() == null ? "" : "  ·  " + v.policy().name()),
                Face.REGULAR, 8.5f, Palette.MUTED, 0);
        flow.down(6);

        if (v.signatures().isEmpty()) {
            banner("Not valid: no signature could be read", "TOTAL_FAILED / FORMAT_FAILURE",
                    String.join("; ", v.errors()), "TOTAL_FAILED");
        }
        int n = 0;
        for (SignatureReport s : v.signatures()) {
            n++;
            String prefix = v.signatures().size() > 1 ? "Signature " + n + " of " + v.signatures().size() + " — " : "";
            banner(prefix + Verdicts.headline(s), Verdicts.technical(s),
                    s.subIndication() == null ? signerLine(s) : capitalized(s.subIndication().meaning()) + ". " + signerLine(s),
                    s.indication().name());
        }

        bookmark(root, "Document", flow.heading("Document"));
        MessageInfo m = item.message();
        List<String[]> doc = new ArrayList<>();
        doc.add(new String[] {"Subject", m.subject()});
        doc.add(new String[] {"From", m.from()});
        doc.add(new String[] {"To", m.to()});
        doc.add(new String[] {"Date", m.date() == null ? null : Verdicts.second(m.date())});
        doc.add(new String[] {"Message-ID", m.messageId(), "mono"});
        doc.add(new String[] {"File", v.document() == null ? null : v.document().name()});
        doc.add(new String[] {"Container", v.document() == null ? null : v.document().container()});
        doc.add(new String[] {"SHA-256 of the file", v.document() == null ? null : v.document().sha256(), "mono"});
        if (!v.signatures().isEmpty() && v.signatures().get(0).contentDigest() != null) {
            SignatureReport s = v.signatures().get(0);
            doc.add(new String[] {"Signed content (" + s.digestAlgorithm() + ")", s.contentDigest(), "mono"});
        }
        if (item.evidenceUntil() != null) {
            doc.add(new String[] {"Evidence protects until", Verdicts.day(item.evidenceUntil())
                    + " (renew the archive time-stamp before then)"});
        }
        doc.add(new String[] {"Validation policy", v.policy() == null ? null : v.policy().name() + "; crypto table "
                + v.policy().cryptoPolicy() + "; " + v.policy().certificateModel().toLowerCase() + " model; "
                + (v.policy().offline() ? "offline" : "online")});
        flow.keyValues(doc);
        if (!v.errors().isEmpty()) {
            flow.paragraph("File problems: " + String.join("; ", v.errors()), Face.REGULAR, 9, Palette.FAILED, 0);
        }

        n = 0;
        for (SignatureReport s : v.signatures()) {
            n++;
            String suffix = v.signatures().size() > 1 ? " — signature " + n : "";
            PDOutlineItem sig = bookmark(root, "Signature " + n + ": " + s.indication().name(), flow.here());
            signature(s, suffix, sig, v, item);
        }
        if (!v.objects().isEmpty()) {
            bookmark(root, "Evidence inventory", flow.heading("Evidence inventory"));
            inventory(v);
        }
        if (!item.history().isEmpty()) {
            bookmark(root, "Validation history", flow.heading("Validation history"));
            history(item.history());
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String signerLine(SignatureReport s) {
        if (s.signer() == null) {
            return "Signer unknown.";
        }
        return "Signed by " + s.signer().name() + (s.signer().email() == null ? "" : " <" + s.signer().email() + ">")
                + (s.claimedSigningTime() == null ? "" : ", claimed signing time " + Verdicts.minute(s.claimedSigningTime()))
                + ".";
    }

    /** The verdict banner: colour by indication, the plain sentence, then ETSI terms. */
    private void banner(String headline, String technical, String detail, String indication) {
        Color color = Palette.of(indication);
        float width = PageFlow.RIGHT - PageFlow.LEFT - 22;
        List<String> head = flow.wrap(headline, Face.BOLD, 13.5f, width);
        List<String> details = flow.wrap(detail == null ? "" : detail, Face.REGULAR, 8.8f, width);
        float h = 14 + head.size() * 18 + 15 + details.size() * 12 + 8;
        flow.ensure(h + 8);
        float top = flow.y() - 4;
        flow.fill(PageFlow.LEFT, top - h, PageFlow.RIGHT - PageFlow.LEFT, h, Palette.fillOf(indication));
        flow.fill(PageFlow.LEFT, top - h, 5, h, color);
        float y = top - 8;
        for (String l : head) {
            y -= 16;
            flow.text(PageFlow.LEFT + 16, y, l, Face.BOLD, 13.5f, color);
            y -= 2;
        }
        y -= 14;
        flow.text(PageFlow.LEFT + 16, y, technical, Face.MONO, 8.8f, Palette.INK);
        for (String l : details) {
            y -= 12;
            flow.text(PageFlow.LEFT + 16, y, l, Face.REGULAR, 8.8f, Palette.MUTED);
        }
        flow.moveTo(top - h - 8);
    }

    private void signature(SignatureReport s, String suffix, PDOutlineItem bookmark, ValidationReport v, ItemReport item) {
        bookmark(bookmark, "Signer and chain", flow.heading("Signer and certificate chain" + suffix));
        List<String[]> kv = new ArrayList<>();
        if (s.signer() != null) {
            kv.add(new String[] {"Signer", s.signer().name()});
            kv.add(new String[] {"E-mail", s.signer().email()});
            kv.add(new String[] {"Certificate subject", s.signer().subject()});
            kv.add(new String[] {"Issuer", s.signer().issuer()});
            kv.add(new String[] {"Serial number", s.signer().serialNumber(), "mono"});
        }
        kv.add(new String[] {"Claimed signing time", s.claimedSigningTime() == null ? null : Verdicts.second(s.claimedSigningTime())});
        kv.add(new String[] {"Best signature time", Verdicts.second(s.bestSignatureTime())
                + " (earliest time the signature is proven to have existed)"});
        kv.add(new String[] {"Level", s.level() + (s.legacyForm() == null ? "" : " · legacy form " + s.legacyForm())});
        kv.add(new String[] {"Algorithms", s.signatureAlgorithm() == null ? s.digestAlgorithm() : s.signatureAlgorithm()
                + (s.algorithmSunset() == null ? " — no known sunset" : " — suitable until " + Verdicts.day(s.algorithmSunset()))});
        kv.add(new String[] {"Validation process", s.validationProcess(), "mono"});
        if (s.signaturePolicy() != null) {
            kv.add(new String[] {"Signature policy", s.signaturePolicy().oid() + (s.signaturePolicy().available()
                    ? " (found" + (Boolean.FALSE.equals(s.signaturePolicy().hashMatches()) ? ", hash does NOT match)" : ")")
                    : " (not available)")});
        }
        flow.keyValues(kv);
        Table.Builder chain = Table.builder().column("Role", 1.0f).column("Certificate", 2.9f).column("Valid", 1.9f)
                .column("Revocation", 1.7f).column("Status at " + Verdicts.day(v.validationTime()), 2.5f);
        boolean settledInThePast = s.indication() == Indication.TOTAL_PASSED;
        for (CertificateReport c : s.chain()) {
            boolean passed = c.trustAnchor() || c.indication() == null || c.indication().isPassed();
            chain.row(4, passed ? Palette.PASSED : settledInThePast ? Palette.INDETERMINATE : Palette.of(c.indication()),
                    role(c), TimelineDrawing.commonName(c.subject()) + "\nserial " + shortHex(c.serialNumber()),
                    Verdicts.day(c.notBefore()) + " – " + Verdicts.day(c.notAfter()), revocation(c),
                    c.trustAnchor() ? "trusted" : c.indication() == null ? "—" : c.indication().name()
                            + (c.subIndication() == null ? "" : "\n" + c.subIndication().name())
                            + (!passed && settledInThePast ? "\nsettled by proof of existence" : ""));
        }
        flow.table(chain.build());
        if (settledInThePast && s.chain().stream().anyMatch(c -> c.indication() != null && !c.indication().isPassed()
                && !c.trustAnchor())) {
            flow.paragraph("The status column is the check at the validation time. The signature is valid because it is "
                    + "proven to have existed (best signature time " + Verdicts.second(s.bestSignatureTime())
                    + ") while these certificates were valid and not revoked: EN 319 102-1 §5.6.2.4 past signature "
                    + "validation.", Face.REGULAR, 8, Palette.MUTED, 0);
        }
        for (CertificateReport c : s.chain()) {
            for (String msg : c.messages()) {
                flow.paragraph("• " + TimelineDrawing.commonName(c.subject()) + ": " + msg, Face.REGULAR, 8, Palette.MUTED, 0);
            }
        }

        bookmark(bookmark, "Timeline", flow.heading("Timeline" + suffix, 150));
        TimelineDrawing.draw(flow, s, v.validationTime(), item.evidenceUntil());

        if (!s.timestamps().isEmpty()) {
            bookmark(bookmark, "Time-stamps", flow.heading("Time-stamps" + suffix));
            Table.Builder ts = Table.builder().column("Type", 1.2f).column("Time (genTime)", 2.0f).column("TSA", 2.6f)
                    .column("Imprint", 1.3f).column("Protects until", 1.4f).column("Outcome", 1.5f);
            for (TimestampReport t : s.timestamps()) {
                ts.row(5, Palette.of(t.indication()), typeName(t.type()), Verdicts.second(t.genTime()),
                        TimelineDrawing.commonName(t.tsa()), (t.imprintValid() ? "matches" : "DOES NOT MATCH") + "\n"
                                + (t.imprintAlgorithm() == null ? "" : t.imprintAlgorithm()),
                        t.protectsUntil().map(Verdicts::day).orElse("no known end"),
                        t.indication().name() + (t.subIndication() == null ? "" : "\n" + t.subIndication().name()));
            }
            flow.table(ts.build());
        }

        if (!s.poes().isEmpty()) {
            Table.Builder poes = Table.builder().column("Object", 3.4f).column("Existed at", 2f).column("Proof", 1f)
                    .column("Proven by", 3f);
            Map<String, String> names = names(v);
            for (ValidationObject o : v.objects()) {
                names.putIfAbsent(o.id(), describe(o));
            }
            for (PoeReport p : s.poes()) {
                poes.row(names.getOrDefault(p.objectId(), p.objectId().startsWith("signature:") ? "the signature value"
                        : shortHex(p.objectId())), Verdicts.second(p.time()), p.type(),
                        names.getOrDefault(p.provenBy(), p.provenBy() == null ? "" : p.provenBy()));
            }
            flow.paragraph("Proofs of existence used (EN 319 102-1 §5.6.2.3)", Face.BOLD, 9, Palette.INK, 0);
            flow.down(4);
            flow.table(poes.build());
        }

        bookmark(bookmark, "Constraints", flow.heading("Constraints checked" + suffix, 80));
        flow.paragraph("In the order the EN 319 102-1 processes ran them. A step that fails at the validation time can be "
                + "settled by a later process (past signature validation with a proof of existence); the verdict at the "
                + "top is the final result.", Face.REGULAR, 8, Palette.MUTED, 0);
        flow.down(4);
        Table.Builder constraints = Table.builder().column("Clause", 1.6f).column("Check", 3.2f).column("Outcome", 1.3f)
                .column("Detail", 3.4f);
        List<ConstraintOutcome> all = new ArrayList<>(s.constraints());
        if (s.signaturePolicy() != null) {
            all.addAll(s.signaturePolicy().rules());
        }
        for (ConstraintOutcome c : all) {
            constraints.row(2, outcomeColor(c.outcome()), c.clause(), c.description().isEmpty() ? c.id() : c.description(),
                    c.outcome().name() + (c.subIndication() == null ? "" : "\n" + c.subIndication().name()), c.detail());
        }
        flow.table(constraints.build());
        if (!s.errors().isEmpty() || !s.warnings().isEmpty()) {
            flow.paragraph("Messages", Face.BOLD, 9, Palette.INK, 0);
            for (String e : s.errors()) {
                flow.paragraph("• " + e, Face.REGULAR, 8.5f, Palette.FAILED, 0);
            }
            for (String w : s.warnings()) {
                flow.paragraph("• " + w, Face.REGULAR, 8.5f, Palette.INDETERMINATE, 0);
            }
        }
    }

    private void inventory(ValidationReport v) {
        flow.paragraph("Every object the validation used, with its DER in the JSON and ETSI XML reports so that "
                + "another tool can check the verdict again.", Face.REGULAR, 8.5f, Palette.MUTED, 0);
        flow.down(4);
        Map<String, String> names = names(v);
        Table.Builder t = Table.builder().column("Type", 1.3f).column("What", 3.6f).column("From", 1.3f)
                .column("Existed at (POE)", 1.9f).mono("SHA-256", 1.7f);
        for (ValidationObject o : v.objects()) {
            t.row(typeName(o.type()), names.getOrDefault(o.id(), describe(o)), o.origin() == null ? "" : o.origin().name().toLowerCase()
                    .replace('_', ' '), o.poeTime() == null ? "—" : Verdicts.second(o.poeTime()), shortHex(o.id()));
        }
        flow.table(t.build());
    }

    private void history(List<HistoryEntry> runs) {
        Table.Builder t = Table.builder().column("Run", 2f).column("As of", 2f).column("Verdict", 3f).column("Level", 2.2f)
                .column("Change", 1f);
        for (HistoryEntry h : runs) {
            t.row(2, Palette.of(h.indication()), Verdicts.minute(h.validatedAt()), Verdicts.minute(h.validationTime()),
                    h.indication() + (h.subIndication() == null ? "" : " / " + h.subIndication()),
                    h.level() == null ? "" : h.level(), h.changed() ? "changed" : "");
        }
        flow.table(t.build());
    }

    /** Names for object ids: certificates by CN, time-stamps by type and time, revocation data by what it decided. */
    private static Map<String, String> names(ValidationReport v) {
        Map<String, String> names = new HashMap<>();
        for (SignatureReport s : v.signatures()) {
            List<CertificateReport> certs = new ArrayList<>(s.chain());
            for (TimestampReport t : s.timestamps()) {
                names.putIfAbsent(t.id(), typeName(t.type()) + " time-stamp of " + Verdicts.second(t.genTime()));
                certs.addAll(t.chain());
            }
            for (CertificateReport c : certs) {
                names.putIfAbsent(c.id(), TimelineDrawing.commonName(c.subject()));
                for (String r : c.revocationDataIds()) {
                    names.putIfAbsent(r, "status of " + TimelineDrawing.commonName(c.subject()));
                }
            }
            names.putIfAbsent("signature:" + s.id(), "the signature value");
        }
        return names;
    }

    /** What an object no chain names is: a certificate by its subject, anything else by its type. */
    private static String describe(ValidationObject o) {
        if (o.type() == ValidationObject.Type.CERTIFICATE) {
            try {
                java.security.cert.X509Certificate c = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                        .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(o.encoded()));
                return TimelineDrawing.commonName(c.getSubjectX500Principal().getName("RFC2253"));
            } catch (java.security.cert.CertificateException e) {
                return "certificate (unreadable)";
            }
        }
        return "";
    }

    private static String role(CertificateReport c) {
        return c.trustAnchor() ? "trust anchor" : c.role() == null ? "" : c.role().toLowerCase().replace('_', ' ');
    }

    private static String revocation(CertificateReport c) {
        if (c.revocationStatus() == null) {
            return c.trustAnchor() ? "not checked (anchor)" : "not checked";
        }
        if (c.revocationStatus() == RevocationStatus.REVOKED) {
            return "REVOKED " + Verdicts.day(c.revocationTime()) + (c.revocationReason() == null ? "" : "\n" + c.revocationReason());
        }
        return c.revocationStatus().name().toLowerCase();
    }

    private static Color outcomeColor(Outcome o) {
        return switch (o) {
            case PASSED -> Palette.PASSED;
            case FAILED -> Palette.FAILED;
            case WARNING -> Palette.INDETERMINATE;
            default -> Palette.MUTED;
        };
    }

    static String typeName(Object type) {
        String t = type.toString();
        return switch (t) {
            case "SIGNATURE" -> "signature";
            case "ARCHIVE" -> "archive";
            case "CONTENT" -> "content";
            case "EVIDENCE_RECORD" -> "evidence record";
            case "CERTIFICATE" -> "certificate";
            case "OCSP_RESPONSE" -> "OCSP response";
            case "TIMESTAMP" -> "time-stamp";
            default -> t;
        };
    }

    static String shortHex(String hex) {
        if (hex == null) {
            return "";
        }
        return hex.length() > 14 ? hex.substring(0, 14) + "…" : hex;
    }

    private PDOutlineItem bookmark(PDOutlineItem parent, String title,
                                   org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination d) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(d);
        parent.addLast(item);
        return item;
    }

    static boolean passed(Indication i) {
        return i == Indication.TOTAL_PASSED;
    }
}
