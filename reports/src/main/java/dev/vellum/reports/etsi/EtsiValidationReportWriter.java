package dev.vellum.reports.etsi;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.Outcome;
import dev.vellum.validation.report.PoeReport;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.revocation.RevocationStatus;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link ValidationReport} as an ETSI TS 119 102-2 V1.4.1 validation report
 * ({@value #NS}), with the JDK's StAX. Every signature gets its identifier, the constraints checked,
 * the validation time and best-signature-time, the signer's document digest, the signature
 * attributes seen (signing time, time-stamps), the signer, the level reached, the process used and
 * the status with main and sub-indication and the certificate chain; every certificate, CRL, OCSP
 * response, time-stamp and evidence record used is a validation object with its DER and its POE,
 * time-stamps with their own validation status. Identifiers and references stay inside the document.
 */
public final class EtsiValidationReportWriter {

    /** TS 119 102-2 V1.4.1 namespace. */
    public static final String NS = "http://uri.etsi.org/19102/v1.4.1#";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    static final String TSL = "http://uri.etsi.org/02231/v2#";
    private static final String CONSTRAINT_APPLIED = "urn:etsi:019102:constraintStatus:applied";
    private static final String CONSTRAINT_DISABLED = "urn:etsi:019102:constraintStatus:disabled";
    private static final String POE_PREFIX = "urn:etsi:019102:poetype:";
    private static final String VELLUM = "urn:vellum:";

    private final String validatorName;

    /** @param validatorName how this validator names itself in SignatureValidator, e.g. "Vellum 0.1.0" */
    public EtsiValidationReportWriter(String validatorName) {
        this.validatorName = validatorName;
    }

    public EtsiValidationReportWriter() {
        this("Vellum");
    }

    public byte[] write(ValidationReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, out);
        return out.toByteArray();
    }

    public void write(ValidationReport report, OutputStream out) {
        Map<String, ValidationObject> objects = new LinkedHashMap<>();
        report.objects().forEach(o -> objects.putIfAbsent(o.id(), o));
        try (XmlOut x = new XmlOut(out)) {
            x.start("vr", "ValidationReport", NS).namespace("vr", NS).namespace("ds", DS).namespace("XAdES", XADES)
                    .namespace("tsl", TSL);
            new Writer(x, report, objects).all();
            x.end();
        }
    }

    /** One document's writing state. */
    private final class Writer {
        private final XmlOut x;
        private final ValidationReport report;
        private final Map<String, ValidationObject> objects;
        /** Best POE per object id, from the signatures' POE lists. */
        private final Map<String, PoeReport> poes = new LinkedHashMap<>();
        /** Time-stamp reports by id, for their own validation status. */
        private final Map<String, TimestampReport> timestamps = new LinkedHashMap<>();

        Writer(XmlOut x, ValidationReport report, Map<String, ValidationObject> objects) {
            this.x = x;
            this.report = report;
            this.objects = objects;
            for (SignatureReport s : report.signatures()) {
                for (PoeReport p : s.poes()) {
                    poes.merge(p.objectId(), p, (a, b) -> b.time().isBefore(a.time()) ? b : a);
                }
                s.timestamps().forEach(t -> timestamps.putIfAbsent(t.id(), t));
            }
        }

        void all() {
            if (report.signatures().isEmpty()) {
                // The schema wants one SignatureValidationReport: a file without any readable signature gets one
                // that says so (EN 319 102-1 §5.2.2 format checking failed).
                x.start("vr", "SignatureValidationReport", NS);
                status(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, null, report.errors());
                x.end();
            }
            for (SignatureReport s : report.signatures()) {
                signature(s);
            }
            if (!objects.isEmpty()) {
                x.start("vr", "SignatureValidationObjects", NS);
                objects.values().forEach(this::validationObject);
                x.end();
            }
            x.start("vr", "SignatureValidator", NS);
            x.start("vr", "DigitalId", NS).leaf("tsl", "Other", TSL, validatorName).end();
            x.end();
        }

        private void signature(SignatureReport s) {
            x.start("vr", "SignatureValidationReport", NS);
            // §5.2.2 SignatureIdentifier: the digest of the signature value (our signature id)
            x.start("vr", "SignatureIdentifier", NS).attribute("id", signatureRef(s));
            if (s.id() != null && s.id().matches("[0-9a-f]{64}")) {
                digestAlgAndValue("SHA-256", s.id());
            }
            x.leaf("vr", "HashOnly", NS, "false").leaf("vr", "DocHashOnly", NS, "false");
            x.end();
            constraints(s);
            // §5.2.4 ValidationTimeInfo
            x.start("vr", "ValidationTimeInfo", NS).leaf("vr", "ValidationTime", NS, time(report.validationTime()));
            Instant best = s.bestSignatureTime() != null ? s.bestSignatureTime() : report.validationTime();
            PoeReport signaturePoe = poes.get("signature:" + s.id());
            poe("BestSignatureTime", best, signaturePoe != null && signaturePoe.time().equals(best) ? signaturePoe : null);
            x.end();
            // §5.2.5 SignersDocument
            if (s.contentDigest() != null && s.contentDigest().matches("([0-9a-fA-F]{2})+")) {
                x.start("vr", "SignersDocument", NS);
                digestAlgAndValue(s.digestAlgorithm(), s.contentDigest());
                x.end();
            }
            attributes(s);
            // §5.2.7 SignerInformation
            if (s.signer() != null && objects.containsKey(s.signer().certificateId())) {
                x.start("vr", "SignerInformation", NS);
                reference("SignerCertificate", s.signer().certificateId());
                if (s.signer().name() != null) {
                    x.leaf("vr", "Signer", NS, s.signer().name());
                }
                x.end();
            }
            // §5.2.8 SignatureQuality: no qualification (TS 119 615) is assessed; the level reached is stated
            x.start("vr", "SignatureQuality", NS);
            x.leaf("vr", "SignatureQualityInformation", NS, VELLUM + "signatureLevel:" + safe(s.level()));
            if (s.legacyForm() != null) {
                x.leaf("vr", "SignatureQualityInformation", NS, VELLUM + "legacyForm:" + safe(s.legacyForm()));
            }
            x.end();
            if (s.validationProcess() != null) {
                x.start("vr", "SignatureValidationProcess", NS)
                        .leaf("vr", "SignatureValidationProcessID", NS, s.validationProcess()).end();
            }
            List<String> messages = new ArrayList<>(s.errors());
            s.warnings().forEach(w -> messages.add("warning: " + w));
            status(s.indication(), s.subIndication(), s, messages);
            x.end();
        }

        /** §5.2.3 ValidationConstraintsEvaluationReport. */
        private void constraints(SignatureReport s) {
            x.start("vr", "ValidationConstraintsEvaluationReport", NS);
            x.start("vr", "SignatureValidationPolicy", NS);
            x.start("vr", "SignaturePolicyIdentifier", NS).start("XAdES", "SignaturePolicyImplied", XADES).end().end();
            if (report.policy() != null && report.policy().name() != null) {
                x.leaf("vr", "PolicyName", NS, report.policy().name());
            }
            x.end();
            List<ConstraintOutcome> all = new ArrayList<>(s.constraints());
            if (s.signaturePolicy() != null) {
                all.addAll(s.signaturePolicy().rules());
            }
            for (ConstraintOutcome c : all) {
                x.start("vr", "ValidationConstraint", NS);
                x.leaf("vr", "ValidationConstraintIdentifier", NS, VELLUM + "constraint:" + safe(c.id()));
                if (!c.clause().isEmpty()) {
                    typed("ValidationConstraintParameter", VELLUM + "clause", c.clause());
                }
                if (!c.description().isEmpty()) {
                    typed("ValidationConstraintParameter", VELLUM + "description", c.description());
                }
                x.start("vr", "ConstraintStatus", NS).leaf("vr", "Status", NS,
                        c.outcome() == Outcome.NOT_APPLICABLE ? CONSTRAINT_DISABLED : CONSTRAINT_APPLIED).end();
                if (c.outcome() != Outcome.NOT_APPLICABLE) {
                    x.start("vr", "ValidationStatus", NS);
                    Indication main = switch (c.outcome()) {
                        case FAILED -> c.subIndication() != null && c.subIndication().mainIndication() == Indication.INDETERMINATE
                                ? Indication.INDETERMINATE : Indication.FAILED;
                        default -> Indication.PASSED;
                    };
                    x.leaf("vr", "MainIndication", NS, main.uri());
                    if (c.outcome() == Outcome.FAILED && c.subIndication() != null) {
                        x.leaf("vr", "SubIndication", NS, c.subIndication().uri());
                    }
                    x.end();
                }
                if (!c.detail().isEmpty() || c.outcome() == Outcome.WARNING || c.outcome() == Outcome.INFORMATION) {
                    String prefix = c.outcome() == Outcome.WARNING ? "warning: "
                            : c.outcome() == Outcome.INFORMATION ? "information: " : "";
                    x.leaf("vr", "Indications", NS, prefix + c.detail());
                }
                x.end();
            }
            x.end();
        }

        /** §5.2.6 SignatureAttributes, as far as the report knows them. */
        private void attributes(SignatureReport s) {
            List<TimestampReport> ts = s.timestamps();
            boolean any = s.claimedSigningTime() != null || !ts.isEmpty() || s.signaturePolicy() != null
                    || (s.signer() != null && objects.containsKey(s.signer().certificateId()));
            if (!any) {
                return;
            }
            x.start("vr", "SignatureAttributes", NS);
            if (s.claimedSigningTime() != null) {
                x.start("vr", "SigningTime", NS).attribute("Signed", "true")
                        .leaf("vr", "Time", NS, time(s.claimedSigningTime())).end();
            }
            if (s.signer() != null && objects.containsKey(s.signer().certificateId())) {
                x.start("vr", "SigningCertificate", NS).attribute("Signed", "true");
                reference("AttributeObject", s.signer().certificateId());
                x.end();
            }
            for (TimestampReport t : ts) {
                String element = switch (t.type()) {
                    case "SIGNATURE" -> "SignatureTimeStamp";
                    case "ARCHIVE" -> "ArchiveTimeStamp";
                    case "CONTENT" -> "AllDataObjectsTimeStamp";
                    default -> null;
                };
                if (element == null || t.genTime() == null) {
                    continue;
                }
                x.start("vr", element, NS);
                if (element.equals("AllDataObjectsTimeStamp")) {
                    x.attribute("Signed", "true");
                }
                reference("AttributeObject", t.id());
                x.leaf("vr", "TimeStampValue", NS, time(t.genTime()));
                x.end();
            }
            if (s.signaturePolicy() != null) {
                x.start("vr", "SigPolicyIdentifier", NS).attribute("Signed", "true")
                        .leaf("vr", "SigPolicyId", NS, "urn:oid:" + s.signaturePolicy().oid()).end();
            }
            x.end();
        }

        /** ValidationStatusType with the chain, revocation and crypto data that decided. */
        private void status(Indication indication, SubIndication sub, SignatureReport s, List<String> messages) {
            x.start("vr", "SignatureValidationStatus", NS);
            x.leaf("vr", "MainIndication", NS, indication.uri());
            if (sub != null) {
                x.leaf("vr", "SubIndication", NS, sub.uri());
            }
            if (s != null) {
                reportData(s.chain(), s, messages);
            } else if (!messages.isEmpty()) {
                x.start("vr", "AssociatedValidationReportData", NS);
                additional(messages);
                x.end();
            }
            x.end();
        }

        private void reportData(List<CertificateReport> chain, SignatureReport s, List<String> messages) {
            List<CertificateReport> known = chain.stream().filter(c -> objects.containsKey(c.id())).toList();
            Optional<CertificateReport> anchor = known.stream().filter(CertificateReport::trustAnchor).findFirst();
            Optional<CertificateReport> revoked = known.stream()
                    .filter(c -> c.revocationStatus() == RevocationStatus.REVOKED && c.revocationTime() != null).findFirst();
            boolean crypto = s != null && s.signatureAlgorithm() != null;
            if (known.isEmpty() && messages.isEmpty() && !crypto) {
                return;
            }
            x.start("vr", "AssociatedValidationReportData", NS);
            if (anchor.isPresent()) {
                reference("TrustAnchor", anchor.get().id());
            }
            if (!known.isEmpty() && !known.get(0).trustAnchor()) {
                x.start("vr", "CertificateChain", NS);
                reference("SigningCertificate", known.get(0).id());
                for (CertificateReport c : known.subList(1, known.size())) {
                    if (!c.trustAnchor()) {
                        reference("IntermediateCertificate", c.id());
                    }
                }
                anchor.ifPresent(a -> reference("TrustAnchor", a.id()));
                x.end();
            }
            for (CertificateReport c : known) {
                for (String data : c.revocationDataIds()) {
                    if (objects.containsKey(data)) {
                        reference("RelatedValidationObject", data);
                    }
                }
            }
            if (revoked.isPresent()) {
                CertificateReport c = revoked.get();
                x.start("vr", "RevocationStatusInformation", NS);
                reference("ValidationObjectId", c.id());
                x.leaf("vr", "RevocationTime", NS, time(c.revocationTime()));
                if (c.revocationReason() != null && c.revocationReason().matches("[A-Za-z]+")) {
                    x.leaf("vr", "RevocationReason", NS, "urn:etsi:019102:revocationReason:" + c.revocationReason());
                }
                c.revocationDataIds().stream().filter(objects::containsKey).findFirst()
                        .ifPresent(id -> reference("RevocationObject", id));
                x.end();
            }
            if (crypto) {
                x.start("vr", "CryptoInformation", NS);
                x.start("vr", "ValidationObjectId", NS).attribute("VOReference", signatureRef(s)).end();
                x.leaf("vr", "Algorithm", NS, AlgorithmUris.signature(s.signatureAlgorithm()));
                boolean secure = s.algorithmSunset() == null || report.validationTime().isBefore(s.algorithmSunset());
                x.leaf("vr", "SecureAlgorithm", NS, Boolean.toString(secure));
                if (s.algorithmSunset() != null) {
                    x.leaf("vr", "NotAfter", NS, time(s.algorithmSunset()));
                }
                x.end();
            }
            if (!messages.isEmpty()) {
                additional(messages);
            }
            x.end();
        }

        private void additional(List<String> messages) {
            x.start("vr", "AdditionalValidationReportData", NS);
            for (String m : messages) {
                typed("ReportData", VELLUM + "message", m);
            }
            x.end();
        }

        /** §5.3 ValidationObject: type, DER, POE, and for time-stamps their own validation. */
        private void validationObject(ValidationObject o) {
            x.start("vr", "ValidationObject", NS).attribute("id", ref(o.id()));
            x.leaf("vr", "ObjectType", NS, o.type().uri());
            x.start("vr", "ValidationObjectRepresentation", NS)
                    .leaf("vr", "base64", NS, Base64.getEncoder().encodeToString(o.encoded())).end();
            PoeReport poe = poes.get(o.id());
            Instant poeTime = poe != null ? poe.time() : o.poeTime();
            if (poeTime != null) {
                poe("POE", poeTime, poe);
            }
            TimestampReport t = timestamps.get(o.id());
            if (t != null) {
                x.start("vr", "ValidationReport", NS);
                x.start("vr", "SignatureIdentifier", NS);
                x.leaf("vr", "HashOnly", NS, "false").leaf("vr", "DocHashOnly", NS, "false");
                x.end();
                x.start("vr", "SignatureValidationStatus", NS);
                x.leaf("vr", "MainIndication", NS, t.indication().uri());
                if (t.subIndication() != null) {
                    x.leaf("vr", "SubIndication", NS, t.subIndication().uri());
                }
                reportData(t.chain(), null, t.messages());
                x.end();
                x.end();
            }
            x.end();
        }

        private void poe(String element, Instant time, PoeReport poe) {
            x.start("vr", element, NS).leaf("vr", "POETime", NS, time(time));
            String type = poe == null || poe.type() == null ? "validation" : poe.type();
            x.leaf("vr", "TypeOfProof", NS, POE_PREFIX + type);
            if (poe != null && poe.provenBy() != null && objects.containsKey(poe.provenBy())) {
                reference("POEObject", poe.provenBy());
            }
            x.end();
        }

        private void reference(String element, String objectId) {
            x.start("vr", element, NS).attribute("VOReference", ref(objectId)).end();
        }

        private void typed(String element, String type, String value) {
            x.start("vr", element, NS).leaf("vr", "Type", NS, type).leaf("vr", "Value", NS, value).end();
        }

        private void digestAlgAndValue(String algorithm, String hex) {
            x.start("vr", "DigestAlgAndValue", NS);
            x.start("ds", "DigestMethod", DS).attribute("Algorithm", AlgorithmUris.digest(algorithm)).end();
            x.leaf("ds", "DigestValue", DS, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex.toLowerCase())));
            x.end();
        }
    }

    /** xs:ID values must be NCNames: object ids are hex, so they get a prefix. */
    static String ref(String objectId) {
        return "VO-" + objectId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String signatureRef(SignatureReport s) {
        return "SIG-" + (s.id() == null || s.id().isEmpty() ? "unknown" : s.id().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private static String safe(String s) {
        return s == null ? "unknown" : s.replaceAll("[^A-Za-z0-9._:-]+", "-");
    }

    private static String time(Instant t) {
        return t.toString();
    }
}
