package dev.vellum.validation.process;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import java.security.cert.CertificateParsingException;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.policy.SignaturePolicyValidation;
import dev.vellum.validation.report.SignaturePolicyReport;
import java.util.Optional;
import dev.vellum.validation.crypto.Suitability;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.SignerIdentity;
import dev.vellum.validation.x509.CertificateRole;
import dev.vellum.validation.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * EN 319 102-1 §5.3 validation process for basic signatures: format checking, identification of
 * the signing certificate, X.509 certificate validation, cryptographic verification and signature
 * acceptance validation, at the validation time, in the order and with the precedence of §5.3.4
 * (a cryptographic failure outranks an INDETERMINATE chain).
 */
public final class BasicSignatureValidation {

    static final String CLAUSE = "EN 319 102-1 §5.3";
    /** X.509 outcomes after which §5.3.4 step 4 goes on to cryptographic verification. */
    private static final Set<SubIndication> CONTINUE_AFTER_X509 = Set.of(SubIndication.REVOKED_NO_POE,
            SubIndication.REVOKED_CA_NO_POE, SubIndication.OUT_OF_BOUNDS_NO_POE, SubIndication.OUT_OF_BOUNDS_NOT_REVOKED,
            SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE, SubIndication.TRY_LATER,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
            SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE, SubIndication.REVOCATION_OUT_OF_BOUNDS_NO_POE,
            SubIndication.NO_CERTIFICATE_CHAIN_FOUND_NO_POE);

    private final X509CertificateValidation x509;
    private final TimestampValidation timestamps;
    private final SignaturePolicyValidation policies;

    public BasicSignatureValidation(X509CertificateValidation x509, TimestampValidation timestamps,
                                    SignaturePolicyValidation policies) {
        this.x509 = x509;
        this.timestamps = timestamps;
        this.policies = policies;
    }

    public BasicResult basicSignatureValidation(CadesSignature signature, ValidationRun run, SignatureReport.Builder report) {
        // 1) format checking (§5.2.2)
        Conclusion fc = FormatChecking.formatChecking(signature);
        report.constraint(outcome("format", "EN 319 102-1 §5.2.2", "format checking", fc));
        if (!fc.passed()) {
            return new BasicResult(fc, null, null, null, List.of());
        }
        // 2) identification of the signing certificate (§5.2.3)
        List<X509Certificate> candidates = new ArrayList<>(signature.signerCertificateCandidates());
        candidates.addAll(signature.knownCertificates());
        candidates.addAll(run.material().certificateList());
        candidates.addAll(run.services().trust().signing().certificates());
        SigningCertificateIdentification.Result isc =
                SigningCertificateIdentification.identifySigningCertificate(signature, candidates);
        report.constraint(outcome("signing-certificate", "EN 319 102-1 §5.2.3", "identification of the signing certificate",
                isc.conclusion()));
        if (isc.certificate().isEmpty()) {
            return new BasicResult(isc.conclusion(), null, null, null, List.of());
        }
        X509Certificate signer = isc.certificate().get();
        report.signer(identity(signer));
        if (signature.signedAttributes().signerCertificateRef().isEmpty()) {
            report.warning("the signature has no ESS signing-certificate(-v2) attribute: the signing certificate is not protected");
        }
        // 3) validation context initialisation (§5.2.4): the signature policy, if one is named
        Optional<SignaturePolicyValidation.Context> vci = policies.validationContextInitialisation(signature);
        vci.ifPresent(v -> {
            report.signaturePolicy(v.report());
            v.warnings().forEach(report::warning);
        });
        if (vci.isPresent() && vci.get().failure().isPresent()) {
            ConstraintOutcome f = vci.get().failure().get();
            report.constraint(f);
            return new BasicResult(Conclusion.indeterminate(f.subIndication(), f.description() + ": " + f.detail()),
                    signer, null, null, List.of());
        }
        // 4) X.509 certificate validation (§5.2.6)
        ChainValidation chain = run.chainValidation(x509, signer, CertificateRole.SIGNER,
                run.services().trust().signing(), run.material());
        TimestampValidation.recordUse(chain, run);
        report.chain(chain.certificates());
        report.constraint(new ConstraintOutcome("x509", X509CertificateValidation.CLAUSE, "X.509 certificate validation",
                chain.passed() ? dev.vellum.validation.report.Outcome.PASSED : dev.vellum.validation.report.Outcome.FAILED,
                chain.message(), chain.subIndication()));
        Conclusion x509Status = chain.passed() ? Conclusion.PASSED
                : new Conclusion(chain.indication(), chain.subIndication(), chain.message());
        List<TimestampOutcome> contentTsts = new ArrayList<>();
        if (!chain.passed() && !CONTINUE_AFTER_X509.contains(chain.subIndication())) {
            return new BasicResult(x509Status, signer, chain, null, List.of());
        }
        x509Status = withContentTimestamps(signature, run, report, signer, chain, x509Status, contentTsts);
        // 5) cryptographic verification (§5.2.7)
        Conclusion cv = CryptographicVerification.cryptographicVerification(signature, signer);
        report.constraint(outcome("crypto-verification", "EN 319 102-1 §5.2.7", "cryptographic verification", cv));
        if (!cv.passed()) {
            return new BasicResult(cv, signer, chain, null, contentTsts);
        }
        Suitability suitability = SignatureAcceptanceValidation.signatureSuitability(signature, signer,
                run.services().cryptoPolicy());
        report.signatureAlgorithm(suitability.use().describe());
        report.algorithmSunset(suitability.suitableBefore().orElse(null));
        if (!x509Status.passed()) {
            return new BasicResult(x509Status, signer, chain, suitability, contentTsts);
        }
        // 6) signature acceptance validation (§5.2.8)
        Conclusion sav = SignatureAcceptanceValidation.signatureAcceptanceValidation(suitability, run.time());
        report.constraint(outcome("crypto.signature", "EN 319 102-1 §5.2.8",
                "signature algorithm suitable at " + run.time(), sav, suitability.reason()));
        if (sav.passed() && vci.isPresent() && vci.get().rules().isPresent()) {
            sav = policyRules(signature, vci.get(), signer, chain, run, report);
        }
        return new BasicResult(sav.passed() ? Conclusion.PASSED : sav, signer, chain, suitability, contentTsts);
    }

    // §5.2.8 with the signature policy's rules as signature constraints: the first failing rule decides.
    private Conclusion policyRules(CadesSignature signature, SignaturePolicyValidation.Context vci, X509Certificate signer,
                                   ChainValidation chain, ValidationRun run, SignatureReport.Builder report) {
        List<X509Certificate> path = chain.path() == null ? List.of(signer) : chain.path().certificates();
        List<ConstraintOutcome> rules = new ArrayList<>(policies.evaluate(vci.rules().get(), new SignaturePolicyValidation.Facts(
                signature, signer, path, run.time(), signature.document().detached()),
                cert -> PolicyRevocationKinds.at(cert, chain, run)));
        PolicyTimestampRules.responders(vci.rules().get(), chain, "delegated OCSP responders of the signer's chain")
                .ifPresent(rules::add);
        List<ConstraintOutcome> all = new ArrayList<>(vci.report().rules());
        all.addAll(rules);
        SignaturePolicyReport policyReport = new SignaturePolicyReport(vci.report().oid(), true, vci.report().hashMatches(), all);
        report.signaturePolicy(policyReport);
        run.policy(vci.rules().get(), policyReport);
        report.constraints(rules);
        for (ConstraintOutcome r : rules) {
            if (r.outcome() == dev.vellum.validation.report.Outcome.FAILED) {
                return Conclusion.indeterminate(r.subIndication(), "signature policy " + vci.report().oid() + ", rule "
                        + r.description() + ": " + r.detail());
            }
        }
        return Conclusion.PASSED;
    }

    // §5.3.4 step 4: a content time-stamp after the revocation (or expiry) proves the signature was
    // made after it: FAILED/REVOKED (EXPIRED).
    private Conclusion withContentTimestamps(CadesSignature signature, ValidationRun run, SignatureReport.Builder report,
                                             X509Certificate signer, ChainValidation chain, Conclusion x509Status,
                                             List<TimestampOutcome> contentTsts) {
        List<EmbeddedTimestamp> contentTimestamps = signature.timestamps(TimestampKind.CONTENT);
        for (EmbeddedTimestamp e : contentTimestamps) {
            TimestampOutcome t = timestamps.timestampValidation(e.token(), ValidationMaterial.of(Origin.TIMESTAMP, e.tokenData()),
                    "CONTENT", e.imprintCheck().passed(), "content time-stamp: " + e.imprintCheck().detail(), run,
                    Origin.SIGNATURE);
            contentTsts.add(t);
            report.timestamp(t.report());
            if (!t.passed()) {
                continue;
            }
            if (x509Status.is(SubIndication.REVOKED_NO_POE) && chain.revocationTime() != null
                    && t.genTime().isAfter(chain.revocationTime())) {
                return Conclusion.failed(SubIndication.REVOKED, "a content time-stamp of " + t.genTime()
                        + " proves the signature was made after the revocation at " + chain.revocationTime());
            }
            if ((x509Status.is(SubIndication.OUT_OF_BOUNDS_NO_POE) || x509Status.is(SubIndication.OUT_OF_BOUNDS_NOT_REVOKED))
                    && t.genTime().isAfter(signer.getNotAfter().toInstant())) {
                return Conclusion.failed(SubIndication.EXPIRED, "a content time-stamp of " + t.genTime()
                        + " proves the signature was made after the certificate expired");
            }
        }
        return x509Status;
    }

    static ConstraintOutcome outcome(String id, String clause, String description, Conclusion c) {
        return outcome(id, clause, description, c, c.message());
    }

    static ConstraintOutcome outcome(String id, String clause, String description, Conclusion c, String detail) {
        if (c.passed()) {
            return ConstraintOutcome.passed(id, clause, description, detail);
        }
        return ConstraintOutcome.failed(id, clause, description, c.message(), c.subIndication());
    }

    /** Identities by certificate (equal by encoding; an identity depends on the certificate's bytes only). */
    private static final java.util.concurrent.ConcurrentHashMap<X509Certificate, SignerIdentity> IDENTITIES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_IDENTITIES = 1_000;

    /** Who {@code c} names; the signer of each signature of a batch is described once. */
    static SignerIdentity identity(X509Certificate c) {
        SignerIdentity known = IDENTITIES.get(c);
        if (known != null) {
            return known;
        }
        SignerIdentity described = describe(c);
        if (IDENTITIES.size() >= MAX_IDENTITIES) {
            IDENTITIES.clear();
        }
        IDENTITIES.putIfAbsent(c, described);
        return described;
    }

    private static SignerIdentity describe(X509Certificate c) {
        // Read the names from the DER: the RFC 2253 string renders emailAddress as "#hex".
        X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        String cn = firstValue(subject, BCStyle.CN);
        String email = firstValue(subject, BCStyle.EmailAddress);
        try {
            if (c.getSubjectAlternativeNames() != null) {
                for (List<?> san : c.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(1).equals(san.get(0))) { // rfc822Name (RFC 5280 §4.2.1.6)
                        email = san.get(1).toString();
                        break;
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparsable SAN leaves the subject's emailAddress, if any
        }
        String subjectName = c.getSubjectX500Principal().getName();
        return new SignerIdentity(cn == null ? subjectName : cn, subjectName, email,
                c.getIssuerX500Principal().getName(), c.getSerialNumber().toString(16), Fingerprints.of(c));
    }

    private static String firstValue(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
