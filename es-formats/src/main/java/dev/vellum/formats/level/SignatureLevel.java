package dev.vellum.formats.level;

import java.util.List;
import java.util.Optional;

/**
 * What a signature is, by its format alone (no trust decision).
 *
 * @param baseline the highest EN 319 122-1 baseline level whose requirements the format meets
 * @param legacyForm the highest RFC 5126 form reached, empty for a plain CMS signature
 * @param policyBased whether a signature-policy-identifier is present (EPES-based)
 * @param notes why the next level up is not reached, one sentence each (for reports)
 */
public record SignatureLevel(BaselineLevel baseline, Optional<LegacyForm> legacyForm, boolean policyBased,
                             List<String> notes) {
    public SignatureLevel {
        notes = List.copyOf(notes);
    }

    @Override
    public String toString() {
        return baseline.label() + legacyForm.map(f -> " / " + f.label()).orElse("");
    }
}
