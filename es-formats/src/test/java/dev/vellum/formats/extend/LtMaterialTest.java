package dev.vellum.formats.extend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.pki.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;

/**
 * Where LT puts its material (EN 319 122-1 §6.3 reqs d, e, o–r), seen through Bouncy Castle rather
 * than through our own reader: certificates and CRLs in SignedData.certificates/crls, OCSP responses as
 * OtherRevocationInfoFormat id-ri-ocsp-response (RFC 5940), nothing twice — also when LT is asked again.
 */
class LtMaterialTest {
    private static final byte[] CONTENT = "Register of deeds, volume 4\n".getBytes(StandardCharsets.UTF_8);

    private static CadesExtender extender() {
        return CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(Pki.validationData()).build();
    }

    @Test
    void ocspGoesInAsIdRiOcspResponseCrlsAsCrlsAndNothingIsAddedTwice() throws Exception {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.RSA_2048)).build().signEnveloping(SignedContent.of(CONTENT));
        SignedDocument b = new SignedDocumentReader().read(cms);
        byte[] lt = extender().extend(b, ExtensionTarget.LT).cms();

        CMSSignedData bc = new CMSSignedData(lt);
        Collection<?> ocsp = bc.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null);
        assertThat(ocsp).isNotEmpty().allSatisfy(o -> assertThat(OCSPResponse.getInstance(o).getResponseStatus().getIntValue())
                .isEqualTo(OCSPResponseStatus.SUCCESSFUL));
        Collection<X509CRLHolder> crls = bc.getCRLs().getMatches(null);
        assertThat(crls).isNotEmpty();
        // the issuing CA's status comes from the root's CRL; end entities (signer, TSA) get OCSP
        assertThat(crls).anySatisfy(c -> assertThat(c.getIssuer()).isEqualTo(holder(Pki.root()).getSubject()));
        Collection<X509CertificateHolder> certs = bc.getCertificates().getMatches(null);
        assertThat(certs).contains(holder(Pki.pki().intermediate().certificate()), holder(Pki.pki().tsa().certificate()));
        assertThat(new ArrayList<>(certs)).doesNotHaveDuplicates();
        assertThat(new ArrayList<>(crls)).doesNotHaveDuplicates();

        byte[] again = extender().extend(new SignedDocumentReader().read(lt), ExtensionTarget.LT).cms();
        CMSSignedData bc2 = new CMSSignedData(again);
        assertThat(bc2.getCertificates().getMatches(null)).hasSameSizeAs(certs);
        assertThat(new ArrayList<X509CRLHolder>(bc2.getCRLs().getMatches(null))).doesNotHaveDuplicates();
        List<?> ocsp2 = new ArrayList<>(bc2.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null));
        assertThat(ocsp2).doesNotHaveDuplicates();
        assertThat(bc2.getSignerInfos().iterator().next().getSignature())
                .isEqualTo(new CMSSignedData(cms).getSignerInfos().iterator().next().getSignature());
    }

    private static X509CertificateHolder holder(java.security.cert.X509Certificate c) throws Exception {
        return new X509CertificateHolder(c.getEncoded());
    }
}
