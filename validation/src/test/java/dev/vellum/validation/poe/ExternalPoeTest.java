package dev.vellum.validation.poe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.support.TestSignatures;
import dev.vellum.validation.trust.TrustAnchors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * External POEs: the archive proves (with its own evidence records) when a signature and its
 * validation data existed; past signature validation (EN 319 102-1 §5.6.2.4) then accepts a
 * signature whose certificate has since expired.
 */
class ExternalPoeTest {

    static final TestPki PKI = TestPki.shared();
    static final byte[] CONTENT = "archived mail".getBytes(StandardCharsets.UTF_8);

    @Test
    void anArchivePoeBeforeExpiryMakesAnExpiredSignatureValid() {
        Credential signer = PKI.signer(KeyType.ECDSA_P256);
        Instant now = PKI.clock().instant();
        byte[] cms = TestSignatures.cadesB(signer, CONTENT, now, signer.chain().subList(0, 2));
        ValidationReport atIngest = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build()
                .validate(ValidationRequest.of("mail.p7s", cms).withDetachedContent(CONTENT));
        assertThat(atIngest.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);

        List<byte[]> crls = new ArrayList<>();
        List<byte[]> ocsp = new ArrayList<>();
        List<ExternalPoe> poes = new ArrayList<>(List.of(ExternalPoe.of(cms, now, "archive evidence record 7")));
        for (ValidationObject o : atIngest.objects()) {
            if (o.type() == ValidationObject.Type.CRL) {
                crls.add(o.encoded());
            } else if (o.type() == ValidationObject.Type.OCSP_RESPONSE) {
                ocsp.add(o.encoded());
            }
            poes.add(new ExternalPoe(o.id(), now, "archive evidence record 7"));
        }
        ValidationRequest later = ValidationRequest.of("mail.p7s", cms).withDetachedContent(CONTENT)
                .withMaterial(ValidationMaterial.of(Origin.SUPPLIED, List.of(), crls, ocsp))
                .at(now.plus(Duration.ofDays(4 * 365)));
        SignatureValidator offline = SignatureValidator.builder().trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .fetchSettings(FetchSettings.offlineOnly()).build();

        SignatureReport without = offline.validate(later).signatures().get(0);
        assertThat(without.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(without.subIndication()).isIn(SubIndication.OUT_OF_BOUNDS_NO_POE, SubIndication.OUT_OF_BOUNDS_NOT_REVOKED);

        SignatureReport with = offline.validate(later.withExternalPoes(poes)).signatures().get(0);
        assertThat(with.indication()).as("%s", with.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(with.bestSignatureTime()).isEqualTo(now);
        assertThat(with.poes()).anyMatch(p -> p.type().equals("provided") && p.provenBy().equals("archive evidence record 7"));
    }
}
