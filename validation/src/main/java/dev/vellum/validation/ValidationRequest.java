package dev.vellum.validation;

import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.poe.ExternalPoe;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to validate, with what the caller knows beside it.
 *
 * @param name the file's name for the report
 * @param file the signed file: .eml, .p7m, .p7s (DER, PEM or base64)
 * @param detachedContent the signed content of a detached signature
 * @param validationTime the "current time" to validate at (empty: the validator's clock)
 * @param material certificates, CRLs and OCSP responses supplied for this file (archive data)
 * @param externalPoes proofs of existence supplied by the caller
 */
public record ValidationRequest(String name, byte[] file, Optional<byte[]> detachedContent,
                                Optional<Instant> validationTime, ValidationMaterial material,
                                List<ExternalPoe> externalPoes) {

    public ValidationRequest {
        Objects.requireNonNull(file, "file");
        name = name == null ? "(unnamed)" : name;
        file = file.clone();
        detachedContent = detachedContent.map(byte[]::clone);
        material = material == null ? ValidationMaterial.empty() : material;
        externalPoes = List.copyOf(externalPoes);
    }

    public static ValidationRequest of(String name, byte[] file) {
        return new ValidationRequest(name, file, Optional.empty(), Optional.empty(), ValidationMaterial.empty(), List.of());
    }

    public ValidationRequest withDetachedContent(byte[] content) {
        return new ValidationRequest(name, file, Optional.of(content), validationTime, material, externalPoes);
    }

    public ValidationRequest at(Instant time) {
        return new ValidationRequest(name, file, detachedContent, Optional.of(time), material, externalPoes);
    }

    public ValidationRequest withMaterial(ValidationMaterial extra) {
        return new ValidationRequest(name, file, detachedContent, validationTime, material.with(extra), externalPoes);
    }

    public ValidationRequest withExternalPoes(List<ExternalPoe> poes) {
        return new ValidationRequest(name, file, detachedContent, validationTime, material, poes);
    }

    @Override
    public byte[] file() {
        return file.clone();
    }
}
