package dev.vellum.bench.validate;

import dev.vellum.bench.corpus.CorpusEntry;
import java.util.List;
import java.util.Optional;

/**
 * The differences from DSS 6.3 that docs/validation.md ("Where Vellum differs from DSS 6.3") documents
 * and {@code DssDivergenceTest} pins, each allowed only for the corpus case it is about. Any other
 * difference of indication or sub-indication fails the benchmark.
 */
public final class KnownDivergences {

    /** One documented divergence: the case it applies to (a manifest tag) and the two verdicts. */
    record Divergence(String name, String tag, String vellum, String dss) {
    }

    static final List<Divergence> ALL = List.of(
            new Divergence("expired certificate: Vellum checks validity before revocation (RFC 5280 §6.1.3 a)",
                    "expected=EXPIRED", "INDETERMINATE/OUT_OF_BOUNDS_NO_POE", "INDETERMINATE/CERTIFICATE_CHAIN_GENERAL_FAILURE"),
            new Divergence("signer key usage without digitalSignature/nonRepudiation: DSS only warns",
                    "expected=BAD-KEYUSAGE", "INDETERMINATE/CHAIN_CONSTRAINTS_FAILURE", "TOTAL_PASSED/null"),
            new Divergence("Ed25519: DSS's default policy rejects EdDSA, TS 119 312 accepts it",
                    "signer=signer-ed25519", "TOTAL_PASSED/null", "INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE"),
            new Divergence("no signing-time attribute: DSS's default policy demands one, Vellum's does not (EN 319 102-1 §5.2.8 leaves it to the policy)",
                    "file=23-valid-noattr.p7s", "TOTAL_PASSED/null", "INDETERMINATE/SIG_CONSTRAINTS_FAILURE"),
            new Divergence("no signing-time attribute: DSS's default policy demands one, Vellum's does not (EN 319 102-1 §5.2.8 leaves it to the policy)",
                    "file=27-valid-attrs-no-signing-time.p7s", "TOTAL_PASSED/null", "INDETERMINATE/SIG_CONSTRAINTS_FAILURE"),
            new Divergence("signer certificate not in the CMS: Vellum also looks in the supplied certificates (EN 319 102-1 §5.2.3), DSS only in the signature",
                    "file=32-valid-nocerts.eml", "TOTAL_PASSED/null", "INDETERMINATE/NO_SIGNING_CERTIFICATE_FOUND"),
            new Divergence("policy hash mismatch: DSS only warns (Table 6: POLICY_PROCESSING_ERROR)",
                    "", "INDETERMINATE/POLICY_PROCESSING_ERROR", "TOTAL_PASSED/null"));

    private KnownDivergences() {
    }

    /**
     * Why {@code vellum} and {@code dss} may differ for this entry, or empty when they may not. Both
     * verdict lists are sorted; each pair of signatures must be equal or a documented divergence.
     */
    public static Optional<String> explain(CorpusEntry entry, String vellum, String dss) {
        List<String> v = Verdicts.split(vellum);
        List<String> d = Verdicts.split(dss);
        if (v.size() != d.size()) {
            return Optional.empty();
        }
        String reason = null;
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).equals(d.get(i))) {
                continue;
            }
            int index = i;
            Optional<Divergence> known = ALL.stream().filter(k -> !k.tag().isEmpty() && entry.tags().contains(k.tag())
                    && k.vellum().equals(v.get(index)) && k.dss().equals(d.get(index))).findFirst();
            if (known.isEmpty()) {
                return Optional.empty();
            }
            reason = known.get().name();
        }
        return Optional.ofNullable(reason);
    }
}
