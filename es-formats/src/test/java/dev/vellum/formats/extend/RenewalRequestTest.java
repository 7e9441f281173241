package dev.vellum.formats.extend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.pki.KeyType;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/**
 * What LTA extension asks its validation data source for (EN 319 122-1 §5.5.3): the first archive
 * time-stamp needs fresh data for everything; a renewal only for the newest archive time-stamp's TSA,
 * the rest being already protected by it.
 */
class RenewalRequestTest {
    private static final byte[] CONTENT = "renew me".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRenewalNeedsFreshDataOnlyForTheNewestArchiveTimestampsTsa() {
        List<ValidationDataSource.Request> requests = new ArrayList<>();
        ValidationDataSource recording = request -> {
            requests.add(request);
            return Pki.validationData().validationData(request);
        };
        CadesExtender extender = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(recording).build();
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(CONTENT));
        X509Certificate signer = Pki.pki().signer(KeyType.ECDSA_P256).certificate();
        X509Certificate tsa = Pki.pki().tsa().certificate();

        SignedDocument lta = new SignedDocumentReader().read(extender.extend(new SignedDocumentReader().read(cms),
                ExtensionTarget.LTA).cms());
        assertThat(requests).singleElement().satisfies(first -> {
            assertThat(first.targets()).containsExactlyInAnyOrder(signer, tsa);
            assertThat(first.alreadyProtected()).isEmpty();
        });

        requests.clear();
        SignedDocument renewed = new SignedDocumentReader().read(extender.extend(lta, ExtensionTarget.LTA).cms());
        assertThat(requests).singleElement().satisfies(renewal -> {
            // The test TSA made the archive time-stamp too: it is required again, as that token's TSA.
            assertThat(renewal.targets()).containsExactly(tsa);
            assertThat(renewal.alreadyProtected()).containsExactly(signer);
        });
        CadesSignature s = renewed.signatures().get(0);
        assertThat(s.timestamps(TimestampKind.ARCHIVE_V3)).hasSize(2);
        assertThat(s.level().baseline().label()).isEqualTo("CAdES-BASELINE-LTA");
    }

    @Test
    void theOlderTimestampsTsaIsProtectedWhenAnotherTsaMadeTheNewestArchiveTimestamp() throws Exception {
        var secondTsa = Pki.pki().issue("renewal-request-tsa").profile(dev.vellum.testkit.pki.CertificateProfile.TSA).build();
        List<ValidationDataSource.Request> requests = new ArrayList<>();
        ValidationDataSource recording = request -> {
            requests.add(request);
            return Pki.validationData().validationData(request);
        };
        CadesExtender first = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(recording).build();
        CadesExtender second = CadesExtender.builder().timestampSource((alg, digest) -> Pki.pki().timeStamp().tsa(secondTsa)
                .imprint(new org.bouncycastle.asn1.ASN1ObjectIdentifier(alg.oid()), digest).build())
                .validationDataSource(recording).build();
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signEnveloping(SignedContent.of(CONTENT));
        SignedDocument lta = new SignedDocumentReader().read(first.extend(new SignedDocumentReader().read(cms),
                ExtensionTarget.LTA).cms());
        SignedDocument renewedBySecond = new SignedDocumentReader().read(second.extend(lta, ExtensionTarget.LTA).cms());
        EmbeddedTimestamp newest = renewedBySecond.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3).get(1);
        assertThat(newest.token().getSID().match(new X509CertificateHolder(secondTsa.certificate().getEncoded()))).isTrue();

        requests.clear();
        first.extend(renewedBySecond, ExtensionTarget.LTA);
        assertThat(requests).singleElement().satisfies(renewal -> {
            assertThat(renewal.targets()).containsExactly(secondTsa.certificate());
            assertThat(renewal.alreadyProtected()).containsExactlyInAnyOrder(
                    Pki.pki().signer(KeyType.ECDSA_P256).certificate(), Pki.pki().tsa().certificate());
        });
    }
}
