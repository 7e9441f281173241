package dev.vellum.validation;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.process.BasicResult;
import dev.vellum.validation.process.BasicSignatureValidation;
import dev.vellum.validation.process.Conclusion;
import dev.vellum.validation.process.LongTermValidation;
import dev.vellum.validation.process.TimestampValidation;
import dev.vellum.validation.process.ValidationRun;
import dev.vellum.validation.process.ValidationServices;
import dev.vellum.validation.process.ValidationWithTime;
import dev.vellum.validation.policy.SignaturePolicyValidation;
import dev.vellum.policy.PolicyRegistry;
import dev.vellum.validation.process.X509CertificateValidation;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.trust.TrustStore;
import dev.vellum.validation.x509.CertificateModel;
import dev.vellum.validation.x509.Fingerprints;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates signed files per ETSI EN 319 102-1: for each signature (countersignatures and signatures
 * of nested forwarded messages included) the LTA process (§5.6.3), which
 * runs validation with time (§5.5), which runs basic validation (§5.3). Immutable and thread-safe:
 * build one and share it across threads; its caches make a batch from one CA cheap.
 *
 * <pre>{@code
 * SignatureValidator v = SignatureValidator.builder()
 *         .trust(TrustStore.of(TrustAnchors.fromPath(Path.of("roots.pem"))))
 *         .fetchSettings(FetchSettings.offlineOnly())
 *         .build();
 * ValidationReport r = v.validate(ValidationRequest.of("mail.eml", bytes));
 * }</pre>
 */
public final class SignatureValidator {

    /** The validation policy name reported. */
    public static final String POLICY_NAME = "Vellum EN 319 102-1 V1.4.1 default";

    private final ValidationServices services;
    private final Clock clock;
    private final ValidationMaterial material;
    private final BasicSignatureValidation basic;
    private final ValidationWithTime withTime;
    private final LongTermValidation longTerm;

    private SignatureValidator(Builder b) {
        this.clock = b.clock;
        Fetcher fetcher = b.fetcher != null ? b.fetcher : new Fetcher(b.fetchSettings, b.clock);
        this.services = new ValidationServices(b.trust, b.cryptoPolicy, b.model, fetcher);
        this.material = b.material;
        X509CertificateValidation x509 = new X509CertificateValidation(services);
        TimestampValidation timestamps = new TimestampValidation(x509);
        this.basic = new BasicSignatureValidation(x509, timestamps, new SignaturePolicyValidation(b.policyRegistry));
        this.withTime = new ValidationWithTime(timestamps);
        this.longTerm = new LongTermValidation(timestamps);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The shared services (trust, crypto policy, fetcher, caches). */
    public ValidationServices services() {
        return services;
    }

    /** Validates a file at the validator's clock time. Never throws for a bad file: see the report. */
    public ValidationReport validate(String name, byte[] file) {
        return validate(ValidationRequest.of(name, file));
    }

    public ValidationReport validate(ValidationRequest request) {
        Instant time = request.validationTime().orElseGet(clock::instant);
        ValidationReport.PolicyInfo policy = new ValidationReport.PolicyInfo(POLICY_NAME,
                services.cryptoPolicy().name(), services.certificateModel().name(), services.fetcher().settings().offline());
        byte[] file = request.file();
        String sha = Fingerprints.sha256Hex(file);
        if (isTimeStampResponse(file)) {
            return timestampResponse(request, file, time, policy, sha);
        }
        SignedDocument document;
        try {
            List<java.security.cert.X509Certificate> extra = new ArrayList<>(material.certificateList());
            extra.addAll(request.material().certificateList());
            SignedDocumentReader reader = new SignedDocumentReader().withExtraCertificates(extra);
            document = request.detachedContent().isPresent()
                    ? reader.readDetached(file, SignedContent.of(request.detachedContent().get()))
                    : reader.read(file);
        } catch (SignatureFormatException | IllegalArgumentException e) {
            return formatFailure(request, time, policy, sha, e.getMessage());
        }
        List<SignatureReport> reports = new ArrayList<>();
        Map<String, ValidationObject> objects = new LinkedHashMap<>();
        collect(document, "", request, time, sha, reports, objects);
        if (reports.isEmpty()) {
            return formatFailure(request, time, policy, sha, "the " + document.containerType()
                    + " holds no signature");
        }
        return new ValidationReport(new ValidationReport.DocumentInfo(request.name(), container(document), sha), time,
                clock.instant(), policy, reports, new ArrayList<>(objects.values()), List.of());
    }

    /** Every signature of the document, its countersignatures and those of nested documents. */
    private void collect(SignedDocument document, String prefix, ValidationRequest request, Instant time, String sha,
                         List<SignatureReport> reports, Map<String, ValidationObject> objects) {
        for (CadesSignature signature : document.allSignatures()) {
            ValidationRun run = new ValidationRun(services, time, material(signature, request), request.externalPoes());
            run.documentSha256(sha);
            reports.add(validateSignature(prefix + signature.id(), signature, run));
            for (ValidationObject o : run.usedObjects()) {
                objects.putIfAbsent(o.id(), o);
            }
        }
        int n = 1;
        for (SignedDocument nested : document.nestedDocuments()) {
            collect(nested, prefix + "N" + n++ + ".", request, time, sha, reports, objects);
        }
    }

    private static String container(SignedDocument document) {
        return document.containerType().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private SignatureReport validateSignature(String id, CadesSignature signature, ValidationRun run) {
        SignatureReport.Builder report = SignatureReport.builder()
                .id(id)
                .level(signature.level().baseline().label())
                .legacyForm(signature.level().legacyForm().map(f -> f.label()).orElse(null))
                .claimedSigningTime(signature.signingTime().orElse(null))
                .digestAlgorithm(AlgorithmNames.digestName(signature.digestAlgorithmOid()));
        signature.signedContent().ifPresent(c -> report.contentDigest(contentDigest(signature, c)));
        Conclusion conclusion;
        Instant best = run.time();
        try {
            BasicResult b = basic.basicSignatureValidation(signature, run, report);
            ValidationWithTime.Result ltv = withTime.validationWithTime(signature, b, run, report);
            best = ltv.bestSignatureTime();
            conclusion = longTerm.longTermValidation(signature, b, ltv, run, report);
            best = run.poes().earliest(dev.vellum.validation.process.Signatures.poeKey(signature))
                    .filter(best::isAfter).orElse(best);
            boolean archive = signature.timestamps().stream().anyMatch(t -> t.kind().isArchive());
            boolean timed = !signature.timestamps(dev.vellum.formats.timestamp.TimestampKind.SIGNATURE).isEmpty();
            report.validationProcess(archive ? "urn:etsi:019102:validationprocess:LTA"
                    : timed ? "urn:etsi:019102:validationprocess:LTVM" : "urn:etsi:019102:validationprocess:Basic");
        } catch (RuntimeException unexpected) {
            // A signature the reading model accepted but a process could not handle: report, never throw.
            conclusion = Conclusion.indeterminate(SubIndication.CUSTOM, "validation could not complete: " + unexpected);
            report.error(conclusion.message());
        }
        Conclusion process = conclusion.asProcessResult();
        report.verdict(process.indication(), process.subIndication());
        report.bestSignatureTime(best);
        if (!process.passed() && !process.message().isBlank()) {
            report.error(process.message());
        }
        run.warnings().forEach(report::warning);
        run.poes().all().forEach(report::poe);
        return report.build();
    }

    /** RFC 3161 TimeStampResp: SEQUENCE { PKIStatusInfo SEQUENCE { INTEGER ...}, token OPTIONAL }. */
    private static boolean isTimeStampResponse(byte[] der) {
        // Look at the first element only: a ContentInfo starts with an OID (06), a TimeStampResp with
        // its PKIStatusInfo SEQUENCE (30) whose first element is an INTEGER (02).
        if (der.length < 4 || (der[0] & 0xff) != 0x30) {
            return false;
        }
        int i = 1;
        int len = der[i++] & 0xff;
        if (len > 0x80) {
            i += len - 0x80;
        }
        if (i + 2 >= der.length || (der[i] & 0xff) != 0x30) {
            return false;
        }
        int j = i + 1;
        int innerLen = der[j++] & 0xff;
        if (innerLen > 0x80) {
            j += innerLen - 0x80;
        }
        return j < der.length && (der[j] & 0xff) == 0x02;
    }

    // An RFC 3161 response on its own: the token validated as a time-stamp over the detached data (§5.4).
    private ValidationReport timestampResponse(ValidationRequest request, byte[] file, Instant time,
                                               ValidationReport.PolicyInfo policy, String sha) {
        org.bouncycastle.tsp.TimeStampToken token;
        try {
            token = new org.bouncycastle.tsp.TimeStampResponse(file).getTimeStampToken();
        } catch (Exception e) {
            return formatFailure(request, time, policy, sha, "the time-stamp response cannot be decoded: " + e.getMessage());
        }
        if (token == null) {
            return formatFailure(request, time, policy, sha, "the time-stamp response carries no token (request refused)");
        }
        if (request.detachedContent().isEmpty()) {
            return formatFailure(request, time, policy, sha, "a time-stamp response needs the time-stamped data as content");
        }
        ValidationRun run = new ValidationRun(services, time, material.with(request.material()), request.externalPoes());
        TimestampValidation timestamps = new TimestampValidation(new X509CertificateValidation(services));
        var outcome = timestamps.timestampValidation(token, "STANDALONE", request.detachedContent().get(), run, Origin.SUPPLIED);
        Conclusion c = outcome.conclusion().asProcessResult();
        SignatureReport.Builder report = SignatureReport.builder().id("T1").level("RFC3161")
                .claimedSigningTime(outcome.genTime()).bestSignatureTime(outcome.genTime())
                .digestAlgorithm(outcome.report().imprintAlgorithm()).timestamp(outcome.report())
                .verdict(c.indication(), c.subIndication());
        if (outcome.chain() != null) {
            report.chain(outcome.chain().certificates());
        }
        if (outcome.tsaCertificate() != null) {
            report.signer(dev.vellum.validation.process.Identities.of(outcome.tsaCertificate()));
        }
        if (!c.passed()) {
            report.error(c.message());
        }
        run.warnings().forEach(report::warning);
        return new ValidationReport(new ValidationReport.DocumentInfo(request.name(), "rfc3161-tsr", sha), time,
                clock.instant(), policy, List.of(report.build()), run.usedObjects(), List.of());
    }

    private ValidationMaterial material(CadesSignature signature, ValidationRequest request) {
        ValidationMaterial own = ValidationMaterial.of(Origin.SIGNATURE, signature.allValidationData());
        return own.with(request.material()).with(material);
    }

    private static String contentDigest(CadesSignature signature, SignedContent content) {
        try {
            return HexFormat.of().formatHex(content.digest(
                    MessageDigest.getInstance(AlgorithmNames.digestName(signature.digestAlgorithmOid()))));
        } catch (Exception e) {
            return null;
        }
    }

    private ValidationReport formatFailure(ValidationRequest request, Instant time, ValidationReport.PolicyInfo policy,
                                           String sha, String message) {
        SignatureReport failed = SignatureReport.builder()
                .id("file")
                .verdict(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE)
                .constraint(ConstraintOutcome.failed("format", "EN 319 102-1 §5.2.2", "format checking", message,
                        SubIndication.FORMAT_FAILURE))
                .error(message)
                .build();
        return new ValidationReport(new ValidationReport.DocumentInfo(request.name(), "unknown", sha), time,
                clock.instant(), policy, List.of(failed), List.of(), List.of(message));
    }

    /** Builder; defaults: no trust anchor, TS 119 312 policy, shell model, offline, system UTC clock. */
    public static final class Builder {
        private TrustStore trust = TrustStore.empty();
        private CryptoSuitabilityPolicy cryptoPolicy = CryptoSuitabilityPolicy.ts119312();
        private CertificateModel model = CertificateModel.SHELL;
        private FetchSettings fetchSettings = FetchSettings.offlineOnly();
        private Fetcher fetcher;
        private Clock clock = Clock.systemUTC();
        private ValidationMaterial material = ValidationMaterial.empty();
        private PolicyRegistry policyRegistry = PolicyRegistry.empty();

        public Builder trust(TrustStore value) { this.trust = Objects.requireNonNull(value); return this; }
        public Builder trustAnchors(TrustAnchors value) { return trust(TrustStore.of(value)); }
        public Builder cryptoPolicy(CryptoSuitabilityPolicy value) { this.cryptoPolicy = Objects.requireNonNull(value); return this; }
        public Builder certificateModel(CertificateModel value) { this.model = Objects.requireNonNull(value); return this; }
        public Builder fetchSettings(FetchSettings value) { this.fetchSettings = Objects.requireNonNull(value); return this; }
        /** A ready fetcher (shares its cache); overrides {@link #fetchSettings}. */
        public Builder fetcher(Fetcher value) { this.fetcher = value; return this; }
        public Builder clock(Clock value) { this.clock = Objects.requireNonNull(value); return this; }
        /** Certificates (intermediate pool), CRLs and OCSP responses available to every validation. */
        public Builder material(ValidationMaterial value) { this.material = Objects.requireNonNull(value); return this; }

        /** Signature policies by OID, for EPES signatures (their hash and RFC 3125 rules are checked). */
        public Builder policyRegistry(PolicyRegistry value) { this.policyRegistry = Objects.requireNonNull(value); return this; }

        public SignatureValidator build() {
            return new SignatureValidator(this);
        }
    }
}
