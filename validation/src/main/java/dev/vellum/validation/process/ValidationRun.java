package dev.vellum.validation.process;

import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.poe.ExternalPoe;
import dev.vellum.validation.poe.PoeSet;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.x509.Fingerprints;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The state of one signature's validation: the validation time, the material at hand, the proofs of
 * existence and the validation objects actually used. Confined to one thread.
 */
public final class ValidationRun {

    private final ValidationServices services;
    private final Instant time;
    private final ValidationMaterial material;
    private final List<ExternalPoe> externalPoes;
    private final PoeSet poes = new PoeSet();
    private final Map<String, ValidationObject> used = new LinkedHashMap<>();
    private final Map<String, Origin> certificateOrigins = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<TimeStampToken, byte[]> tokenEncodings = new java.util.IdentityHashMap<>();
    private String documentSha256 = "";
    private dev.vellum.policy.ApplicableRules policyRules;
    private dev.vellum.validation.report.SignaturePolicyReport policyReport;
    private Conclusion policyFailure;

    public ValidationRun(ValidationServices services, Instant time, ValidationMaterial material,
                         List<ExternalPoe> externalPoes) {
        this.services = services;
        this.time = time;
        this.material = material;
        this.externalPoes = List.copyOf(externalPoes);
        for (ValidationMaterial.Sourced<X509Certificate> c : material.certificates()) {
            certificateOrigins.putIfAbsent(fingerprint(c.item()), c.origin());
        }
    }

    /** SHA-256 fingerprints of the certificate objects this run met (the same objects recur in its chains). */
    private final Map<X509Certificate, String> fingerprints = new java.util.IdentityHashMap<>();

    private String fingerprint(X509Certificate c) {
        String id = fingerprints.get(c);
        if (id == null) {
            id = Fingerprints.of(c);
            fingerprints.put(c, id);
        }
        return id;
    }

    public ValidationServices services() { return services; }
    public Instant time() { return time; }
    public ValidationMaterial material() { return material; }
    public PoeSet poes() { return poes; }
    public List<ExternalPoe> externalPoes() { return externalPoes; }

    /** SHA-256 of the validated file, hex (external POEs may name it). */
    public String documentSha256() {
        return documentSha256;
    }

    public void documentSha256(String value) {
        this.documentSha256 = value == null ? "" : value;
    }

    /** The signature policy's rules found by §5.2.4, for the time-stamp trust condition checked in §5.5. */
    public java.util.Optional<dev.vellum.policy.ApplicableRules> policyRules() {
        return java.util.Optional.ofNullable(policyRules);
    }

    /** The signature-policy report so far, to which later processes add their rules. */
    public java.util.Optional<dev.vellum.validation.report.SignaturePolicyReport> policyReport() {
        return java.util.Optional.ofNullable(policyReport);
    }

    /** A signature-policy rule that failed in §5.5 (past validation must not override it). */
    public java.util.Optional<Conclusion> policyFailure() {
        return java.util.Optional.ofNullable(policyFailure);
    }

    public void policyFailure(Conclusion failure) {
        this.policyFailure = failure;
    }

    public void policy(dev.vellum.policy.ApplicableRules rules, dev.vellum.validation.report.SignaturePolicyReport report) {
        this.policyRules = rules;
        this.policyReport = report;
    }

    /**
     * §5.2.6 for {@code target} at this run's time, through the services' {@link ChainValidationCache}
     * (a time-stamp's TSA chain is validated at §5.5 and again at §5.6.2.5, a CA's chains once per file).
     */
    public ChainValidation chainValidation(X509CertificateValidation x509, X509Certificate target,
                                           dev.vellum.validation.x509.CertificateRole role,
                                           dev.vellum.validation.trust.TrustAnchors anchors,
                                           ValidationMaterial chainMaterial) {
        return services.chainValidations().validate(x509, target, role, anchors, chainMaterial, time, this::warn);
    }

    public void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Records a certificate as used; its origin is looked up in the material. */
    public String useCertificate(X509Certificate c, boolean anchor) {
        String id = fingerprint(c);
        Origin origin = anchor && !certificateOrigins.containsKey(id) ? Origin.TRUST_STORE
                : certificateOrigins.getOrDefault(id, Origin.FETCHED);
        used.putIfAbsent(id, new ValidationObject(id, ValidationObject.Type.CERTIFICATE, Fingerprints.encoded(c),
                origin, poes.earliest(id).orElse(null)));
        return id;
    }

    public void useRevocation(RevocationData d) {
        ValidationObject.Type type = d.kind() == RevocationData.Kind.CRL ? ValidationObject.Type.CRL
                : ValidationObject.Type.OCSP_RESPONSE;
        used.putIfAbsent(d.id(), new ValidationObject(d.id(), type, d.encoded(), d.origin(), null));
        if (d.signer() != null) {
            useCertificate(d.signer(), false);
        }
    }

    public String useTimestamp(TimeStampToken token, Origin origin) {
        try {
            byte[] der = tokenEncodings.get(token); // the same token object is used at §5.5 and §5.6
            if (der == null) {
                der = token.getEncoded();
                tokenEncodings.put(token, der);
            }
            String id = Fingerprints.sha256Hex(der);
            used.putIfAbsent(id, new ValidationObject(id, ValidationObject.Type.TIMESTAMP, der, origin, null));
            return id;
        } catch (IOException e) {
            return "unencodable-timestamp";
        }
    }

    /**
     * The objects used, with their earliest POE filled in, by type then id: the order in which
     * revocation sources were consulted is not stable, and the same validation must give the same report.
     */
    public List<ValidationObject> usedObjects() {
        List<ValidationObject> out = new ArrayList<>();
        for (ValidationObject o : used.values()) {
            out.add(new ValidationObject(o.id(), o.type(), o.encoded(), o.origin(), poes.earliest(o.id()).orElse(null)));
        }
        out.sort(java.util.Comparator.comparing(ValidationObject::type).thenComparing(ValidationObject::id));
        return out;
    }
}
