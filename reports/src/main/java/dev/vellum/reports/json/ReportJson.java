package dev.vellum.reports.json;

import dev.vellum.reports.ReportException;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.PoeReport;
import dev.vellum.validation.report.SignaturePolicyReport;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.SignerIdentity;
import dev.vellum.validation.report.TimestampReport;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.revocation.RevocationStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link ValidationReport}, version {@value #VERSION}: field names are written
 * here by hand, not derived from the record components, so that renaming a Java field never changes
 * the format other tools parse. The schema ships as {@value #SCHEMA_RESOURCE}. Times are ISO-8601
 * UTC, DER objects base64, enums by name; absent values are {@code null}, lists are never absent.
 * Rules for changes: add optional fields; anything else raises {@code version}.
 */
public final class ReportJson {

    /** The format version written in the {@code version} field. */
    public static final int VERSION = 1;

    /** Class-path location of the JSON Schema (draft 2020-12) of this format. */
    public static final String SCHEMA_RESOURCE = "/dev/vellum/reports/json/validation-report-v1.schema.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportJson() {
    }

    /** Pretty-printed UTF-8 JSON. */
    public static byte[] write(ValidationReport report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toTree(report));
    }

    public static String writeString(ValidationReport report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(report));
    }

    /** The JSON tree, for callers that embed the report in a larger document. */
    public static ObjectNode toTree(ValidationReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", VERSION);
        ObjectNode doc = o.putObject("document");
        doc.put("name", r.document() == null ? null : r.document().name());
        doc.put("container", r.document() == null ? null : r.document().container());
        doc.put("sha256", r.document() == null ? null : r.document().sha256());
        o.put("validationTime", time(r.validationTime()));
        o.put("producedAt", time(r.producedAt()));
        if (r.policy() == null) {
            o.putNull("policy");
        } else {
            ObjectNode p = o.putObject("policy");
            p.put("name", r.policy().name());
            p.put("cryptoPolicy", r.policy().cryptoPolicy());
            p.put("certificateModel", r.policy().certificateModel());
            p.put("offline", r.policy().offline());
        }
        o.put("indication", r.overallIndication().name());
        ArrayNode sigs = o.putArray("signatures");
        r.signatures().forEach(s -> sigs.add(signature(s)));
        ArrayNode objects = o.putArray("objects");
        for (ValidationObject v : r.objects()) {
            ObjectNode j = objects.addObject();
            j.put("id", v.id());
            j.put("type", v.type().name());
            j.put("origin", v.origin() == null ? null : v.origin().name());
            j.put("poeTime", time(v.poeTime()));
            j.put("encoded", Base64.getEncoder().encodeToString(v.encoded()));
        }
        strings(o.putArray("errors"), r.errors());
        return o;
    }

    private static ObjectNode signature(SignatureReport s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("indication", s.indication().name());
        o.put("subIndication", name(s.subIndication()));
        o.put("validationProcess", s.validationProcess());
        o.put("level", s.level());
        o.put("legacyForm", s.legacyForm());
        if (s.signer() == null) {
            o.putNull("signer");
        } else {
            SignerIdentity i = s.signer();
            ObjectNode j = o.putObject("signer");
            j.put("name", i.name());
            j.put("subject", i.subject());
            j.put("email", i.email());
            j.put("issuer", i.issuer());
            j.put("serialNumber", i.serialNumber());
            j.put("certificateId", i.certificateId());
        }
        o.put("claimedSigningTime", time(s.claimedSigningTime()));
        o.put("bestSignatureTime", time(s.bestSignatureTime()));
        o.put("digestAlgorithm", s.digestAlgorithm());
        o.put("signatureAlgorithm", s.signatureAlgorithm());
        o.put("contentDigest", s.contentDigest());
        o.put("algorithmSunset", time(s.algorithmSunset()));
        certificates(o.putArray("chain"), s.chain());
        ArrayNode ts = o.putArray("timestamps");
        for (TimestampReport t : s.timestamps()) {
            ObjectNode j = ts.addObject();
            j.put("id", t.id());
            j.put("type", t.type());
            j.put("genTime", time(t.genTime()));
            j.put("tsa", t.tsa());
            j.put("imprintAlgorithm", t.imprintAlgorithm());
            j.put("imprintValid", t.imprintValid());
            j.put("indication", t.indication().name());
            j.put("subIndication", name(t.subIndication()));
            certificates(j.putArray("chain"), t.chain());
            strings(j.putArray("messages"), t.messages());
            j.put("algorithmSunset", time(t.algorithmSunset()));
        }
        ArrayNode poes = o.putArray("poes");
        for (PoeReport p : s.poes()) {
            ObjectNode j = poes.addObject();
            j.put("objectId", p.objectId());
            j.put("time", time(p.time()));
            j.put("type", p.type());
            j.put("provenBy", p.provenBy());
        }
        constraints(o.putArray("constraints"), s.constraints());
        if (s.signaturePolicy() == null) {
            o.putNull("signaturePolicy");
        } else {
            SignaturePolicyReport p = s.signaturePolicy();
            ObjectNode j = o.putObject("signaturePolicy");
            j.put("oid", p.oid());
            j.put("available", p.available());
            if (p.hashMatches() == null) {
                j.putNull("hashMatches");
            } else {
                j.put("hashMatches", p.hashMatches().booleanValue());
            }
            constraints(j.putArray("rules"), p.rules());
        }
        strings(o.putArray("warnings"), s.warnings());
        strings(o.putArray("errors"), s.errors());
        return o;
    }

    private static void certificates(ArrayNode array, List<CertificateReport> chain) {
        for (CertificateReport c : chain) {
            ObjectNode j = array.addObject();
            j.put("id", c.id());
            j.put("subject", c.subject());
            j.put("issuer", c.issuer());
            j.put("serialNumber", c.serialNumber());
            j.put("notBefore", time(c.notBefore()));
            j.put("notAfter", time(c.notAfter()));
            j.put("role", c.role());
            j.put("trustAnchor", c.trustAnchor());
            j.put("publicKey", c.publicKey());
            j.put("signatureAlgorithm", c.signatureAlgorithm());
            j.put("revocationStatus", c.revocationStatus() == null ? null : c.revocationStatus().name());
            j.put("revocationTime", time(c.revocationTime()));
            j.put("revocationReason", c.revocationReason());
            strings(j.putArray("revocationDataIds"), c.revocationDataIds());
            j.put("indication", c.indication() == null ? null : c.indication().name());
            j.put("subIndication", name(c.subIndication()));
            strings(j.putArray("messages"), c.messages());
        }
    }

    private static void constraints(ArrayNode array, List<ConstraintOutcome> constraints) {
        for (ConstraintOutcome c : constraints) {
            ObjectNode j = array.addObject();
            j.put("id", c.id());
            j.put("clause", c.clause());
            j.put("description", c.description());
            j.put("outcome", c.outcome().name());
            j.put("detail", c.detail());
            j.put("subIndication", name(c.subIndication()));
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    // ---------------------------------------------------------------- reading

    /** Reads a report written by {@link #write}; a wrong version or shape is a {@link ReportException}. */
    public static ValidationReport read(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ReportException("not a Vellum JSON report: " + e.getOriginalMessage(), e);
        }
        return read(root);
    }

    public static ValidationReport read(JsonNode root) {
        if (root == null || !root.isObject() || !root.has("version")) {
            throw new ReportException("not a Vellum JSON report: no version field");
        }
        int version = root.get("version").asInt();
        if (version != VERSION) {
            throw new ReportException("Vellum JSON report version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        try {
            JsonNode d = root.get("document");
            ValidationReport.DocumentInfo document = new ValidationReport.DocumentInfo(str(d, "name"),
                    str(d, "container"), str(d, "sha256"));
            JsonNode p = root.get("policy");
            ValidationReport.PolicyInfo policy = p == null || p.isNull() ? null
                    : new ValidationReport.PolicyInfo(str(p, "name"), str(p, "cryptoPolicy"), str(p, "certificateModel"),
                    p.path("offline").asBoolean());
            List<SignatureReport> signatures = list(root.get("signatures"), ReportJson::readSignature);
            List<ValidationObject> objects = list(root.get("objects"), o -> new ValidationObject(str(o, "id"),
                    ValidationObject.Type.valueOf(str(o, "type")), Base64.getDecoder().decode(str(o, "encoded")),
                    str(o, "origin") == null ? null : Origin.valueOf(str(o, "origin")), instant(o, "poeTime")));
            return new ValidationReport(document, instant(root, "validationTime"), instant(root, "producedAt"), policy,
                    signatures, objects, list(root.get("errors"), JsonNode::asString));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new ReportException("malformed Vellum JSON report: " + e.getMessage(), e);
        }
    }

    private static SignatureReport readSignature(JsonNode s) {
        JsonNode i = s.get("signer");
        SignerIdentity signer = i == null || i.isNull() ? null : new SignerIdentity(str(i, "name"), str(i, "subject"),
                str(i, "email"), str(i, "issuer"), str(i, "serialNumber"), str(i, "certificateId"));
        JsonNode p = s.get("signaturePolicy");
        SignaturePolicyReport policy = p == null || p.isNull() ? null : new SignaturePolicyReport(str(p, "oid"),
                p.path("available").asBoolean(), p.path("hashMatches").isNull() || p.path("hashMatches").isMissingNode()
                ? null : p.get("hashMatches").asBoolean(), list(p.get("rules"), ReportJson::readConstraint));
        return new SignatureReport(str(s, "id"), Indication.valueOf(str(s, "indication")),
                sub(s), str(s, "validationProcess"), str(s, "level"), str(s, "legacyForm"), signer,
                instant(s, "claimedSigningTime"), instant(s, "bestSignatureTime"), str(s, "digestAlgorithm"),
                str(s, "signatureAlgorithm"), str(s, "contentDigest"), instant(s, "algorithmSunset"),
                list(s.get("chain"), ReportJson::readCertificate), list(s.get("timestamps"), ReportJson::readTimestamp),
                list(s.get("poes"), j -> new PoeReport(str(j, "objectId"), instant(j, "time"), str(j, "type"),
                        str(j, "provenBy"))),
                list(s.get("constraints"), ReportJson::readConstraint), policy,
                list(s.get("warnings"), JsonNode::asString), list(s.get("errors"), JsonNode::asString));
    }

    private static TimestampReport readTimestamp(JsonNode t) {
        return new TimestampReport(str(t, "id"), str(t, "type"), instant(t, "genTime"), str(t, "tsa"),
                str(t, "imprintAlgorithm"), t.path("imprintValid").asBoolean(), Indication.valueOf(str(t, "indication")),
                sub(t), list(t.get("chain"), ReportJson::readCertificate), list(t.get("messages"), JsonNode::asString),
                instant(t, "algorithmSunset"));
    }

    private static CertificateReport readCertificate(JsonNode c) {
        String status = str(c, "revocationStatus");
        String indication = str(c, "indication");
        return new CertificateReport(str(c, "id"), str(c, "subject"), str(c, "issuer"), str(c, "serialNumber"),
                instant(c, "notBefore"), instant(c, "notAfter"), str(c, "role"), c.path("trustAnchor").asBoolean(),
                str(c, "publicKey"), str(c, "signatureAlgorithm"),
                status == null ? null : RevocationStatus.valueOf(status), instant(c, "revocationTime"),
                str(c, "revocationReason"), list(c.get("revocationDataIds"), JsonNode::asString),
                indication == null ? null : Indication.valueOf(indication), sub(c), list(c.get("messages"), JsonNode::asString));
    }

    private static ConstraintOutcome readConstraint(JsonNode c) {
        return new ConstraintOutcome(str(c, "id"), str(c, "clause"), str(c, "description"),
                Outcome.valueOf(str(c, "outcome")), str(c, "detail"), sub(c));
    }

    private static SubIndication sub(JsonNode node) {
        String s = str(node, "subIndication");
        return s == null ? null : SubIndication.valueOf(s);
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode node, String field) {
        String s = str(node, field);
        return s == null ? null : Instant.parse(s);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> reader) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                out.add(reader.apply(n));
            }
        }
        return out;
    }
}
