package dev.vellum.bench.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.bench.corpus.CorpusEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnownDivergencesTest {

    static CorpusEntry entry(String... tags) {
        return new CorpusEntry("openssl/x.eml", "openssl", "openssl", "openssl/x.eml", Optional.empty(), "openssl/x.p7s",
                Optional.empty(), Instant.parse("2026-11-27T00:00:00Z"), List.of(tags));
    }

    @Test
    void aDocumentedDivergenceIsAllowedOnlyForTheCaseItIsAbout() {
        String vellum = "INDETERMINATE/OUT_OF_BOUNDS_NO_POE";
        String dss = "INDETERMINATE/CERTIFICATE_CHAIN_GENERAL_FAILURE";
        assertThat(KnownDivergences.explain(entry("expected=EXPIRED"), vellum, dss)).get().asString().contains("expired");
        assertThat(KnownDivergences.explain(entry("expected=VALID"), vellum, dss)).isEmpty();
        assertThat(KnownDivergences.explain(entry(), vellum, dss)).as("generated corpus: no tags").isEmpty();
    }

    @Test
    void everySignatureOfAFileMustAgreeOrBeDocumented() {
        CorpusEntry ed25519 = entry("signer=signer-ed25519", "signer=signer-rsa2048");
        String vellum = Verdicts.join(List.of("TOTAL_PASSED/null", "TOTAL_PASSED/null"));
        assertThat(KnownDivergences.explain(ed25519, vellum,
                Verdicts.join(List.of("INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE", "TOTAL_PASSED/null")))).isPresent();
        assertThat(KnownDivergences.explain(ed25519, vellum,
                Verdicts.join(List.of("INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE_NO_POE", "TOTAL_FAILED/HASH_FAILURE")))).isEmpty();
        assertThat(KnownDivergences.explain(ed25519, vellum, "TOTAL_PASSED/null")).as("a signature missing").isEmpty();
    }
}
