package dev.vellum.validation.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.RevocationReason;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.x509.SignatureCheckCache;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5280 §5.2.4 delta CRLs: a revocation only the delta lists counts; bad signatures do not. */
class DeltaCrlTest {

    @Test
    void aDeltaCrlRevokesWhatTheFullCrlDoesNotYetList() throws Exception {
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (TestPki pki = TestPki.builder().clock(clock).build()) {
            Credential signer = pki.signer(KeyType.ECDSA_P256);
            Instant t0 = clock.instant();
            X509CRL full = pki.crl(pki.intermediate()).at(t0).nextUpdate(t0.plus(Duration.ofDays(7))).build();
            pki.revoke(signer, t0.plus(Duration.ofMinutes(10)), RevocationReason.KEY_COMPROMISE);
            clock.set(t0.plus(Duration.ofMinutes(20)));
            X509CRL delta = pki.crl(pki.intermediate()).deltaOf(full).at(clock.instant())
                    .nextUpdate(clock.instant().plus(Duration.ofDays(1))).build();
            X509CRL forged = pki.crl(pki.intermediate()).deltaOf(full).at(clock.instant()).badSignature().build();
            RevocationChecker checker = new RevocationChecker(Fetcher.offline(), new SignatureCheckCache(), new CrlCache());
            Instant at = t0.plus(Duration.ofMinutes(30));
            List<String> problems = new ArrayList<>();

            List<RevocationData> fullOnly = checker.find(signer.certificate(), pki.intermediate().certificate(),
                    ValidationMaterial.of(Origin.SUPPLIED, List.of(), List.of(full.getEncoded()), List.of()), List.of(), at,
                    problems::add);
            assertThat(fullOnly).singleElement().extracting(RevocationData::status).isEqualTo(RevocationStatus.GOOD);

            List<RevocationData> withDelta = checker.find(signer.certificate(), pki.intermediate().certificate(),
                    ValidationMaterial.of(Origin.SUPPLIED, List.of(), List.of(full.getEncoded(), delta.getEncoded()), List.of()),
                    List.of(), at, problems::add);
            assertThat(withDelta).anySatisfy(d -> {
                assertThat(d.status()).isEqualTo(RevocationStatus.REVOKED);
                assertThat(d.revocationTime()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
                assertThat(d.reason()).isEqualTo("keyCompromise");
            });

            List<RevocationData> withForged = checker.find(signer.certificate(), pki.intermediate().certificate(),
                    ValidationMaterial.of(Origin.SUPPLIED, List.of(), List.of(full.getEncoded(), forged.getEncoded()), List.of()),
                    List.of(), at, problems::add);
            assertThat(withForged).allMatch(d -> d.status() == RevocationStatus.GOOD);
            assertThat(problems).anyMatch(p -> p.contains("bad signature"));
        }
    }
}
