package dev.vellum.validation.process;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.crypto.Suitability;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.report.TimestampReport;
import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.x509.CertificateRole;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * EN 319 102-1 §5.4 time-stamp validation building block: message imprint, the token's signature,
 * the TSA certificate (identified by ESS signing-certificate, validated as a TSA against the
 * time-stamping anchors) and the crypto constraints, all at the validation time.
 */
public final class TimestampValidation {

    private final X509CertificateValidation x509;

    public TimestampValidation(X509CertificateValidation x509) {
        this.x509 = x509;
    }

    /**
     * Validates {@code token}, which must cover {@code coveredDigestInput} (the bytes whose hash is
     * the message imprint), at the run's validation time.
     */
    public TimestampOutcome timestampValidation(TimeStampToken token, String type, byte[] coveredDigestInput,
                                                ValidationRun run, Origin origin) {
        String imprintAlg = AlgorithmNames.digestName(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
        boolean valid = imprintMatches(token, imprintAlg, coveredDigestInput);
        return timestampValidation(token, type, valid,
                "the time-stamp's message imprint does not match the data it must cover", run, origin);
    }

    /** As above, with the message imprint already checked by the caller (archive time-stamps). */
    public TimestampOutcome timestampValidation(TimeStampToken token, String type, boolean imprintValid,
                                                String imprintProblem, ValidationRun run, Origin origin) {
        return timestampValidation(token, ValidationMaterial.empty(), type, imprintValid, imprintProblem, run, origin);
    }

    /** As above, with the validation data the token carries (its SignedData and value attributes). */
    public TimestampOutcome timestampValidation(TimeStampToken token, ValidationMaterial tokenData, String type,
                                                boolean imprintValid, String imprintProblem, ValidationRun run,
                                                Origin origin) {
        String id = run.useTimestamp(token, origin);
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        String imprintOid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
        String imprintAlg = AlgorithmNames.digestName(imprintOid);
        List<String> messages = new ArrayList<>();

        TokenSignature tst = new TokenSignature(token);
        List<X509Certificate> candidates = new ArrayList<>(tst.certificates());
        candidates.addAll(tokenData.certificateList());
        candidates.addAll(run.material().certificateList());
        candidates.addAll(run.services().trust().timestamping().certificates());
        SigningCertificateIdentification.Result isc = tst.identify(candidates);
        if (isc.certificate().isEmpty()) {
            Conclusion c = isc.conclusion();
            return outcome(id, token, type, genTime, imprintAlg, imprintValid, c, null, null, null, messages, run);
        }
        X509Certificate tsa = isc.certificate().get();
        Conclusion cv = tst.verify(tsa);
        ValidationMaterial material = run.material().with(tokenData).with(ValidationMaterial.of(Origin.TIMESTAMP,
                tst.certificates(), List.of(), List.of()));
        ChainValidation chain = run.chainValidation(x509, tsa, CertificateRole.TSA,
                run.services().trust().timestamping(), material);
        Suitability suitability = SignatureAcceptanceValidation.suitability(tst.signatureAlgorithm(), tst.digestAlgorithmOid(),
                tsa, run.services().cryptoPolicy());
        Suitability imprintSuitability = run.services().cryptoPolicy().evaluateDigest(imprintAlg);

        Conclusion conclusion;
        if (!imprintValid) {
            conclusion = Conclusion.failed(SubIndication.HASH_FAILURE, imprintProblem);
        } else if (!cv.passed()) {
            conclusion = cv;
        } else if (!chain.passed() && !freshAtGenerationTime(chain, genTime)) {
            conclusion = new Conclusion(chain.indication(), chain.subIndication(), "TSA certificate: " + chain.message());
        } else if (!suitability.isSuitableAt(run.time())) {
            conclusion = SignatureAcceptanceValidation.signatureAcceptanceValidation(suitability, run.time());
        } else if (!imprintSuitability.isSuitableAt(run.time())) {
            suitability = imprintSuitability;
            conclusion = Conclusion.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
                    "message imprint " + imprintSuitability.reason());
        } else {
            conclusion = Conclusion.PASSED;
        }
        if (!conclusion.passed()) {
            messages.add(conclusion.message());
        }
        return outcome(id, token, type, genTime, imprintAlg, imprintValid, conclusion, tsa, chain, suitability, messages, run);
    }

    private TimestampOutcome outcome(String id, TimeStampToken token, String type, Instant genTime, String imprintAlg,
                                     boolean imprintValid, Conclusion conclusion, X509Certificate tsa,
                                     ChainValidation chain, Suitability suitability, List<String> messages,
                                     ValidationRun run) {
        List<CertificateReport> certs = chain == null ? List.of() : chain.certificates();
        if (chain != null) {
            recordUse(chain, run);
        }
        String tsaName = tsa != null ? tsa.getSubjectX500Principal().getName()
                : Optional.ofNullable(token.getTimeStampInfo().getTsa()).map(Object::toString).orElse("unknown TSA");
        if (!conclusion.passed() && messages.isEmpty()) {
            messages.add(conclusion.message());
        }
        Instant sunset = suitability == null ? null : suitability.suitableBefore().orElse(null);
        Instant imprintSunset = run.services().cryptoPolicy().evaluateDigest(imprintAlg).suitableBefore().orElse(null);
        if (imprintSunset != null && (sunset == null || imprintSunset.isBefore(sunset))) {
            sunset = imprintSunset;
        }
        TimestampReport report = new TimestampReport(id, type, genTime, tsaName, imprintAlg, imprintValid,
                conclusion.indication(), conclusion.subIndication(), certs, messages, sunset);
        return new TimestampOutcome(id, token, genTime, imprintValid, conclusion, tsa, chain, suitability, report);
    }

    // §5.5.4 step 6 for the token itself: revocation data fresh at the token's own time suffices.
    private static boolean freshAtGenerationTime(ChainValidation chain, Instant genTime) {
        return !chain.issues().isEmpty() && chain.issues().stream().allMatch(i -> i.subIndication() == SubIndication.TRY_LATER
                && chain.revocationFreshAt(i.certificate(), genTime));
    }

    static void recordUse(ChainValidation chain, ValidationRun run) {
        if (chain.path() != null) {
            for (int i = 0; i < chain.path().size(); i++) {
                run.useCertificate(chain.path().certificates().get(i), i == chain.path().size() - 1);
            }
        }
        for (List<RevocationData> list : chain.revocation().values()) {
            list.forEach(run::useRevocation);
        }
    }

    private static boolean imprintMatches(TimeStampToken token, String alg, byte[] covered) {
        try {
            MessageDigest md = BouncyCastle.digest(alg);
            return MessageDigest.isEqual(md.digest(covered), token.getTimeStampInfo().getMessageImprintDigest());
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether an indication of a TST permits using it as a POE later (after past validation). */
    static boolean isPastValidationCandidate(Conclusion c) {
        return c.indication() == Indication.INDETERMINATE && (c.is(SubIndication.OUT_OF_BOUNDS_NO_POE)
                || c.is(SubIndication.OUT_OF_BOUNDS_NOT_REVOKED) || c.is(SubIndication.REVOKED_NO_POE)
                || c.is(SubIndication.REVOKED_CA_NO_POE) || c.is(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE)
                || c.is(SubIndication.TRY_LATER));
    }
}
