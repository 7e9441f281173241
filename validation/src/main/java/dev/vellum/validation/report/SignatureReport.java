package dev.vellum.validation.report;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The validation of one signature (one SignerInfo): verdict, who, when, the chain, the time-stamps,
 * the proofs of existence, every constraint checked, and the messages. Immutable; made with
 * {@link #builder()}.
 *
 * @param id stable id of the signature (SHA-256 of its signature value, hex)
 * @param indication TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE
 * @param subIndication null when TOTAL_PASSED
 * @param validationProcess URI of the process that gave the verdict (Basic, LTVM, LTA)
 * @param level e.g. {@code CAdES-BASELINE-LTA}, or {@code CMS} for a plain CMS signature
 * @param legacyForm e.g. {@code CAdES-A}, or null
 * @param claimedSigningTime the signing-time attribute, or null
 * @param bestSignatureTime earliest proven time of existence (validation time without proof)
 * @param contentDigest hex digest of the signed content under the signature's digest algorithm
 * @param algorithmSunset when the crypto table stops accepting the signature's algorithms (null: no
 *     known end), for timelines and renewal planning
 */
public record SignatureReport(String id, Indication indication, SubIndication subIndication, String validationProcess,
                              String level, String legacyForm, SignerIdentity signer, Instant claimedSigningTime,
                              Instant bestSignatureTime, String digestAlgorithm, String signatureAlgorithm,
                              String contentDigest, Instant algorithmSunset, List<CertificateReport> chain,
                              List<TimestampReport> timestamps,
                              List<PoeReport> poes, List<ConstraintOutcome> constraints,
                              SignaturePolicyReport signaturePolicy, List<String> warnings, List<String> errors) {

    public SignatureReport {
        Objects.requireNonNull(indication, "indication");
        chain = List.copyOf(chain);
        timestamps = List.copyOf(timestamps);
        poes = List.copyOf(poes);
        constraints = List.copyOf(constraints);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return indication == Indication.TOTAL_PASSED;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable collector used by the processes; {@link #build()} freezes it. Not thread-safe. */
    public static final class Builder {
        private String id = "";
        private Indication indication = Indication.INDETERMINATE;
        private SubIndication subIndication = SubIndication.CUSTOM;
        private String validationProcess = "urn:etsi:019102:validationprocess:Basic";
        private String level = "CMS";
        private String legacyForm;
        private SignerIdentity signer;
        private Instant claimedSigningTime;
        private Instant bestSignatureTime;
        private String digestAlgorithm;
        private String signatureAlgorithm;
        private String contentDigest;
        private Instant algorithmSunset;
        private final List<CertificateReport> chain = new ArrayList<>();
        private final List<TimestampReport> timestamps = new ArrayList<>();
        private final List<PoeReport> poes = new ArrayList<>();
        private final List<ConstraintOutcome> constraints = new ArrayList<>();
        private SignaturePolicyReport signaturePolicy;
        private final List<String> warnings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        public Builder id(String v) { this.id = v; return this; }
        public Builder verdict(Indication i, SubIndication s) { this.indication = i; this.subIndication = s; return this; }
        public Builder validationProcess(String v) { this.validationProcess = v; return this; }
        public Builder level(String v) { this.level = v; return this; }
        public Builder legacyForm(String v) { this.legacyForm = v; return this; }
        public Builder signer(SignerIdentity v) { this.signer = v; return this; }
        public Builder claimedSigningTime(Instant v) { this.claimedSigningTime = v; return this; }
        public Builder bestSignatureTime(Instant v) { this.bestSignatureTime = v; return this; }
        public Builder digestAlgorithm(String v) { this.digestAlgorithm = v; return this; }
        public Builder signatureAlgorithm(String v) { this.signatureAlgorithm = v; return this; }
        public Builder contentDigest(String v) { this.contentDigest = v; return this; }
        public Builder algorithmSunset(Instant v) { this.algorithmSunset = v; return this; }
        public Builder chain(List<CertificateReport> v) { chain.clear(); chain.addAll(v); return this; }
        public Builder timestamp(TimestampReport v) { timestamps.add(v); return this; }
        public Builder poe(PoeReport v) { poes.add(v); return this; }
        public Builder constraint(ConstraintOutcome v) { constraints.add(v); return this; }
        public Builder constraints(List<ConstraintOutcome> v) { constraints.addAll(v); return this; }
        public Builder signaturePolicy(SignaturePolicyReport v) { this.signaturePolicy = v; return this; }
        public Builder warning(String v) { if (!warnings.contains(v)) { warnings.add(v); } return this; }
        public Builder error(String v) { if (!errors.contains(v)) { errors.add(v); } return this; }

        public Indication indication() { return indication; }
        public SubIndication subIndication() { return subIndication; }

        public SignatureReport build() {
            return new SignatureReport(id, indication, indication == Indication.TOTAL_PASSED ? null : subIndication,
                    validationProcess, level, legacyForm, signer, claimedSigningTime, bestSignatureTime,
                    digestAlgorithm, signatureAlgorithm, contentDigest, algorithmSunset, chain, timestamps, poes, constraints,
                    signaturePolicy, warnings, errors);
        }
    }
}
