package dev.vellum.app.cli.validate;

import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import dev.vellum.validation.report.ValidationReport;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code vellum validate --format json}, exactly the shape issue 8 fixes:
 * {@code {"files":[{"file","container","error","signatures":[{"id","signer","indication",
 * "subIndication","level","legacyForm","signingTime","bestSignatureTime","timestamps","warnings",
 * "errors"}]}]}}. Other tools parse it: add fields only at the end of an object, never rename.
 */
final class ValidateJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ValidateJson() {
    }

    /** One file's outcome: its report, or the error that kept it from being validated. */
    record FileOutcome(String file, String container, String error, ValidationReport report) {
    }

    static String write(List<FileOutcome> files) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("files");
        for (FileOutcome f : files) {
            ObjectNode o = array.addObject();
            o.put("file", f.file());
            o.put("container", f.container());
            o.put("error", f.error());
            ArrayNode sigs = o.putArray("signatures");
            if (f.report() != null) {
                for (SignatureReport s : f.report().signatures()) {
                    sigs.add(signature(s));
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode signature(SignatureReport s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("signer", s.signer() == null ? null : s.signer().name());
        o.put("indication", s.indication().name());
        o.put("subIndication", s.subIndication() == null ? null : s.subIndication().name());
        o.put("level", s.level());
        o.put("legacyForm", s.legacyForm());
        o.put("signingTime", time(s.claimedSigningTime()));
        o.put("bestSignatureTime", time(s.bestSignatureTime()));
        ArrayNode ts = o.putArray("timestamps");
        for (TimestampReport t : s.timestamps()) {
            ObjectNode j = ts.addObject();
            j.put("type", t.type());
            j.put("genTime", time(t.genTime()));
            j.put("tsa", t.tsa());
            j.put("indication", t.indication().name());
            j.put("subIndication", t.subIndication() == null ? null : t.subIndication().name());
        }
        ArrayNode w = o.putArray("warnings");
        s.warnings().forEach(w::add);
        ArrayNode e = o.putArray("errors");
        s.errors().forEach(e::add);
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
