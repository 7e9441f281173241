package dev.vellum.validation.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.corpus.OpenSslCase;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.report.ValidationReport;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated and bit-flipped corpus files give reports, never exceptions (fixed seed). */
class DamagedInputTest {

    @Test
    void damagedFilesAreReportedNotThrown() {
        SignatureValidator v = OpenSslCorpusTest.validator(CryptoSuitabilityPolicy.dssShipped());
        Random random = new Random(20261127);
        List<OpenSslCase> cases = Corpus.openSslCases().stream().filter(c -> !c.kind().equals("rfc3161-tsr")).limit(14).toList();
        for (OpenSslCase c : cases) {
            byte[] original = Corpus.bytes(c.corpusPath());
            for (int i = 0; i < 6; i++) {
                byte[] damaged = i % 2 == 0 ? Arrays.copyOf(original, random.nextInt(original.length))
                        : flip(original, random);
                ValidationRequest r = ValidationRequest.of(c.fileName(), damaged).at(OpenSslCorpusTest.GENERATED);
                if (c.contentCorpusPath().isPresent()) {
                    r = r.withDetachedContent(Corpus.bytes(c.contentCorpusPath().get()));
                }
                ValidationReport report = v.validate(r);
                assertThat(report.signatures()).as(c.fileName()).isNotEmpty();
                assertThat(report.signatures()).allSatisfy(s -> assertThat(s.indication()).isNotNull());
                // CUSTOM would mean a process failed internally on the damaged input
                assertThat(report.signatures()).noneMatch(s -> s.subIndication() == dev.vellum.validation.SubIndication.CUSTOM);
                if (damaged.length == 0) {
                    assertThat(report.overallIndication()).isEqualTo(Indication.TOTAL_FAILED);
                }
            }
        }
    }

    static byte[] flip(byte[] in, Random random) {
        byte[] out = in.clone();
        for (int k = 0; k < 8; k++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }
}
