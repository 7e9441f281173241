package dev.vellum.bench.validate;

import java.util.List;

/** Verdict strings: the sorted top-level signature verdicts joined by {@code ;}. */
public final class Verdicts {
    public static final String NONE = "NONE";

    private Verdicts() {
    }

    public static String join(List<String> signatureVerdicts) {
        return signatureVerdicts.isEmpty() ? NONE : String.join(";", signatureVerdicts.stream().sorted().toList());
    }

    public static List<String> split(String verdict) {
        return verdict.equals(NONE) ? List.of() : List.of(verdict.split(";"));
    }
}
