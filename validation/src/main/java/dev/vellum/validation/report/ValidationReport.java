package dev.vellum.validation.report;

import dev.vellum.validation.Indication;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of validating one signed file: per signature the verdict and its evidence, plus the
 * validation objects (certificates, CRLs, OCSP responses, time-stamps) used, the validation time and
 * the policies applied. Immutable; everything a JSON, TS 119 102-2 XML or PDF writer needs.
 *
 * @param document what was validated
 * @param validationTime the "current time" of EN 319 102-1 (now, or the {@code --at} date)
 * @param producedAt when this report was made
 * @param policy the validation settings applied
 * @param signatures one entry per signature, in file order
 * @param objects every validation object referenced by the signatures' reports, by id
 * @param errors file-level problems (unreadable container...), empty when the file was read
 */
public record ValidationReport(DocumentInfo document, Instant validationTime, Instant producedAt,
                               PolicyInfo policy, List<SignatureReport> signatures, List<ValidationObject> objects,
                               List<String> errors) {

    /**
     * The validated document.
     *
     * @param name file name (or a caller's label)
     * @param container e.g. {@code smime-multipart-signed}, {@code p7s-detached}, {@code p7m}, {@code cms}
     * @param sha256 hex SHA-256 of the file bytes
     */
    public record DocumentInfo(String name, String container, String sha256) {
    }

    /**
     * The validation settings.
     *
     * @param name the validation policy name
     * @param cryptoPolicy the crypto-suitability table's name
     * @param certificateModel SHELL or CHAIN
     * @param offline whether no network access was allowed
     */
    public record PolicyInfo(String name, String cryptoPolicy, String certificateModel, boolean offline) {
    }

    public ValidationReport {
        Objects.requireNonNull(validationTime, "validationTime");
        signatures = List.copyOf(signatures);
        objects = List.copyOf(objects);
        errors = List.copyOf(errors);
    }

    /** TOTAL_PASSED only when there is at least one signature and every one passed. */
    public Indication overallIndication() {
        if (signatures.isEmpty()) {
            return Indication.TOTAL_FAILED;
        }
        if (signatures.stream().anyMatch(s -> s.indication() == Indication.TOTAL_FAILED)) {
            return Indication.TOTAL_FAILED;
        }
        if (signatures.stream().anyMatch(s -> s.indication() == Indication.INDETERMINATE)) {
            return Indication.INDETERMINATE;
        }
        return Indication.TOTAL_PASSED;
    }

    /** The object with this id, if the report holds it. */
    public java.util.Optional<ValidationObject> object(String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
