package dev.vellum.validation.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.corpus.OpenSslCase;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One validator shared by many threads gives every file the same verdict as a lone run. */
class ConcurrentValidationTest {

    @Test
    void oneValidatorServesManyThreads() throws Exception {
        SignatureValidator shared = OpenSslCorpusTest.validator(CryptoSuitabilityPolicy.dssShipped());
        List<OpenSslCase> cases = Corpus.openSslCases();
        Map<String, String> alone = new ConcurrentHashMap<>();
        for (OpenSslCase c : cases) {
            alone.put(c.fileName(), verdicts(shared.validate(OpenSslCorpusTest.request(c))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (OpenSslCase c : cases) {
                    results.add(pool.submit(() -> c.fileName() + "=" + verdicts(shared.validate(
                            OpenSslCorpusTest.request(c)))));
                }
            }
            for (Future<String> f : results) {
                String r = f.get();
                String name = r.substring(0, r.indexOf('='));
                assertThat(r.substring(r.indexOf('=') + 1)).as(name).isEqualTo(alone.get(name));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.services().signatureChecks().size()).isPositive();
        assertThat(shared.services().crlCache().size()).isEqualTo(2);
    }

    static String verdicts(ValidationReport r) {
        return r.signatures().stream().map(s -> s.indication() + "/" + s.subIndication()).toList().toString();
    }
}
