package dev.vellum.formats.extend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.support.Dss;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.pki.KeyType;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExtensionDssTest {
    private static final byte[] CONTENT = "Records transfer list 2026/114\n".getBytes(StandardCharsets.UTF_8);

    private static CadesExtender extender() {
        return CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData()).build();
    }

    private static SignedDocument read(byte[] cms) {
        return new SignedDocumentReader().readDetached(cms, SignedContent.of(CONTENT));
    }

    private static Dss.Verdict dss(byte[] cms, ValidationData external) {
        List<Dss.Verdict> v = Dss.validate(cms, Optional.of(CONTENT), Pki.root(), external);
        assertThat(v).hasSize(1);
        return v.get(0);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "RSA_PSS", "ECDSA_P256", "ED25519"})
    void tThenLtThenLtaAreWhatDssSaysAndPass(KeyType type) {
        byte[] b = CadesSigner.builder(Pki.key(type)).rsaPss(type == KeyType.RSA_PSS).build().signDetached(SignedContent.of(CONTENT));
        SignedDocument bDoc = read(b);
        ValidationData external = Pki.validationData().validationData(new dev.vellum.formats.ValidationDataSource.Request(
                List.of(bDoc.signatures().get(0).signingCertificate().orElseThrow(), Pki.pki().tsa().certificate()),
                List.of(), java.time.Instant.now()));

        ExtendedDocument t = extender().extend(bDoc, ExtensionTarget.T);
        assertUnsignedOnly(bDoc, read(t.cms()));
        assertThat(read(t.cms()).signatures().get(0).level().baseline()).isEqualTo(BaselineLevel.B_T);
        Dss.Verdict vt = dss(t.cms(), external);
        assertThat(vt.format()).isEqualTo(SignatureLevel.CAdES_BASELINE_T);
        assertThat(vt.indication()).as(vt.toString()).isEqualTo(Indication.TOTAL_PASSED);

        ExtendedDocument lt = extender().extend(read(t.cms()), ExtensionTarget.LT);
        assertUnsignedOnly(bDoc, read(lt.cms()));
        assertThat(read(lt.cms()).signatures().get(0).level().baseline()).isEqualTo(BaselineLevel.B_LT);
        Dss.Verdict vlt = dss(lt.cms(), ValidationData.EMPTY);
        assertThat(vlt.format()).as(vlt.toString()).isEqualTo(SignatureLevel.CAdES_BASELINE_LT);
        assertThat(vlt.indication()).as(vlt.toString()).isEqualTo(Indication.TOTAL_PASSED);

        ExtendedDocument lta = extender().extend(read(lt.cms()), ExtensionTarget.LTA);
        SignedDocument ltaDoc = read(lta.cms());
        assertUnsignedOnly(bDoc, ltaDoc);
        CadesSignature s = ltaDoc.signatures().get(0);
        assertThat(s.level().baseline()).isEqualTo(BaselineLevel.B_LTA);
        EmbeddedTimestamp ats = s.timestamps(TimestampKind.ARCHIVE_V3).get(0);
        assertThat(ats.imprintCheck().passed()).as(ats.imprintCheck().detail()).isTrue();
        assertThat(ats.hashIndexCheck().passed()).as(ats.hashIndexCheck().detail()).isTrue();
        Dss.Verdict vlta = dss(lta.cms(), ValidationData.EMPTY);
        assertThat(vlta.format()).as(vlta.toString()).isEqualTo(SignatureLevel.CAdES_BASELINE_LTA);
        assertThat(vlta.indication()).as(vlta.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void threeSuccessiveLtaExtensionsStillPass() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.ECDSA_P256)).build().signDetached(SignedContent.of(CONTENT));
        SignedDocument original = read(cms);
        for (int i = 1; i <= 3; i++) {
            cms = extender().extend(read(cms), ExtensionTarget.LTA).cms();
        }
        SignedDocument doc = read(cms);
        assertUnsignedOnly(original, doc);
        List<EmbeddedTimestamp> archives = doc.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3);
        assertThat(archives).hasSize(3);
        assertThat(archives).allSatisfy(a -> {
            assertThat(a.imprintCheck().passed()).as(a.label() + ": " + a.imprintCheck().detail()).isTrue();
            assertThat(a.hashIndexCheck().passed()).as(a.label() + ": " + a.hashIndexCheck().detail()).isTrue();
        });
        // each later index covers the earlier archive time-stamps
        assertThat(archives.get(2).hashIndex().orElseThrow().unsignedAttributes().size())
                .isGreaterThan(archives.get(1).hashIndex().orElseThrow().unsignedAttributes().size());
        Dss.Verdict v = dss(cms, ValidationData.EMPTY);
        assertThat(v.format()).isEqualTo(SignatureLevel.CAdES_BASELINE_LTA);
        assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    /** Signed attributes, signature value and content are byte-identical; only unsigned data was added. */
    static void assertUnsignedOnly(SignedDocument before, SignedDocument after) {
        assertThat(after.signatures()).hasSameSizeAs(before.signatures());
        for (int i = 0; i < before.signatures().size(); i++) {
            assertThat(after.signatures().get(i).rawSignerInfo().signedFieldsEncoded())
                    .isEqualTo(before.signatures().get(i).rawSignerInfo().signedFieldsEncoded());
            assertThat(after.signatures().get(i).cryptographicallyIntact()).isTrue();
        }
        assertThat(dev.vellum.formats.cms.Encodings.asStored(after.parts().rawSignedData().getObjectAt(2)))
                .isEqualTo(dev.vellum.formats.cms.Encodings.asStored(before.parts().rawSignedData().getObjectAt(2)));
    }
}
