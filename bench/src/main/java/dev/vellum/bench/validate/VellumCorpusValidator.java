package dev.vellum.bench.validate;

import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.trust.TrustAnchors;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Vellum's {@link SignatureValidator}, offline, with DSS's shipped crypto dates (as the DSS agreement
 * tests use them) and each set's anchors and supplied material; one immutable validator per set.
 * It validates either the file an archive holds (an S/MIME {@code .eml}, ...) or, with
 * {@code dssInput}, the very bytes DSS is given (the CMS and its detached content).
 */
public final class VellumCorpusValidator implements CorpusValidator {
    /** Top-level signatures, and "file": the one entry of a file that could not be read (FORMAT_FAILURE). */
    private static final Pattern TOP_LEVEL = Pattern.compile("S\\d+|file");
    private final Map<String, SignatureValidator> bySet;
    private final boolean dssInput;

    public VellumCorpusValidator(Map<String, SetMaterial> sets, boolean dssInput) {
        this.dssInput = dssInput;
        this.bySet = new java.util.HashMap<>();
        sets.forEach((name, m) -> bySet.put(name, SignatureValidator.builder()
                .trustAnchors(TrustAnchors.of(m.anchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.offlineOnly())
                .material(ValidationMaterial.of(Origin.SUPPLIED, m.certificates(), m.crls(), m.ocspResponses()))
                .build()));
    }

    @Override
    public String verdict(LoadedEntry e) {
        byte[] file = dssInput ? e.dssFile() : e.vellumFile();
        byte[] content = dssInput ? e.dssContent() : e.vellumContent();
        ValidationRequest request = ValidationRequest.of(e.entry().id(), file).at(e.entry().at());
        if (content != null) {
            request = request.withDetachedContent(content);
        }
        ValidationReport report = bySet.get(e.entry().set()).validate(request);
        return Verdicts.join(report.signatures().stream().filter(s -> TOP_LEVEL.matcher(s.id()).matches())
                .map(VellumCorpusValidator::verdict).toList());
    }

    private static String verdict(SignatureReport s) {
        return s.indication().name() + "/" + s.subIndication();
    }
}
