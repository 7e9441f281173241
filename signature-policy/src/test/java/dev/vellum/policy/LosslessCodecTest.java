package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.model.CertRefReq;
import dev.vellum.policy.model.DirectoryText;
import dev.vellum.policy.model.IssuerName;
import dev.vellum.policy.model.SignaturePolicy;
import dev.vellum.policy.model.SignerAndVerifierRules;
import dev.vellum.policy.model.SignerRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** Every field of the ASN.1 module survives DER → model → DER and JSON → DER → JSON, including the encoding quirks. */
class LosslessCodecTest {

    private static String everyFieldJson() throws IOException {
        try (InputStream in = LosslessCodecTest.class.getResourceAsStream("fixtures/every-field-policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPolicyUsingEveryFieldRoundTripsBothWays() throws IOException {
        String json = everyFieldJson();

        byte[] der = PolicyJson.compile(json);
        SignaturePolicy policy = PolicyCodec.decode(der);

        assertThat(PolicyCodec.encode(policy)).isEqualTo(der);
        assertThat(PolicyJson.write(policy)).isEqualTo(json);
        try (InputStream committed = getClass().getResourceAsStream("fixtures/every-field-policy.der")) {
            assertThat(committed.readAllBytes()).as("the committed fuzz seed is current").isEqualTo(der);
        }
        assertThat(policy.signPolicyHashAlg().parameters().hex()).as("NULL parameters kept").isEqualTo("0500");
        assertThat(policy.signPolicyInfo().fieldOfApplication().type()).isEqualTo(DirectoryText.Type.PRINTABLE_STRING);
        assertThat(HexFormat.of().formatHex(der)).as("GeneralizedTime fraction without trailing zeros")
                .contains(HexFormat.of().formatHex("20261101123000.25Z".getBytes(StandardCharsets.US_ASCII)));
        assertThat(policy.signPolicyInfo().policyIssuerName()).extracting(IssuerName::kind).containsExactly(
                IssuerName.Kind.DIRECTORY_NAME, IssuerName.Kind.URI, IssuerName.Kind.RFC822_NAME,
                IssuerName.Kind.DNS_NAME, IssuerName.Kind.REGISTERED_ID, IssuerName.Kind.IP_ADDRESS);
    }

    @Test
    void aDistinguishedNameWeWouldEncodeDifferentlyKeepsItsOriginalBytes() throws IOException {
        // O= as PrintableString: BC (and we) would write UTF8String, so the original DER must be kept.
        X500NameBuilder dn = new X500NameBuilder(BCStyle.INSTANCE);
        dn.addRDN(BCStyle.C, "GB");
        dn.addRDN(BCStyle.O, new org.bouncycastle.asn1.DERPrintableString("Example"));
        String der = HexFormat.of().formatHex(new GeneralName(dn.build()).getEncoded(ASN1Encoding.DER));
        String json = everyFieldJson().replace("\"directoryName\": \"C=GB,O=Example,CN=Test\"",
                "\"directoryName\": \"C=GB,O=Example\",\n        \"der\": \"" + der + "\"");

        byte[] compiled = PolicyJson.compile(json);
        SignaturePolicy policy = PolicyCodec.decode(compiled);

        IssuerName name = policy.signPolicyInfo().policyIssuerName().get(0);
        assertThat(name.value()).isEqualTo("C=GB,O=Example");
        assertThat(name.encoding().hex()).isEqualTo(der);
        assertThat(PolicyCodec.encode(policy)).isEqualTo(compiled);
        assertThat(PolicyJson.write(policy)).isEqualTo(json);
    }

    @Test
    void anExplicitlyEncodedDefaultValueIsKeptAsFound() {
        // Non-DER producers sometimes encode mandatedCertificateRef signerOnly although it is the DEFAULT.
        SignaturePolicy icp = PolicyCodec.decode(Fixtures.icpBrasilAdRb21());
        var svp = icp.signPolicyInfo().signatureValidationPolicy();
        var common = svp.commonRules();
        SignerRules s = common.signerAndVeriferRules().signerRules();
        SignerRules explicitDefault = new SignerRules(s.externalSignedData(), s.mandatedSignedAttr(),
                s.mandatedUnsignedAttr(), CertRefReq.SIGNER_ONLY, s.mandatedCertificateInfo(), s.signPolExtensions());
        var rules = new dev.vellum.policy.model.CommonRules(new SignerAndVerifierRules(explicitDefault,
                common.signerAndVeriferRules().verifierRules()), common.signingCertTrustCondition(),
                common.timeStampTrustCondition(), common.attributeTrustCondition(), common.algorithmConstraintSet(),
                common.signPolExtensions());
        SignaturePolicy policy = PolicyHasher.withComputedHash(new SignaturePolicy(icp.signPolicyHashAlg(),
                new dev.vellum.policy.model.SignPolicyInfo(icp.oid(), icp.signPolicyInfo().dateOfIssue(),
                        icp.signPolicyInfo().policyIssuerName(), icp.signPolicyInfo().fieldOfApplication(),
                        new dev.vellum.policy.model.SignatureValidationPolicy(svp.signingPeriod(), rules,
                                svp.commitmentRules(), svp.signPolExtensions()),
                        icp.signPolicyInfo().signPolExtensions()), null));

        byte[] der = PolicyCodec.encode(policy);
        SignaturePolicy decoded = PolicyCodec.decode(der);

        assertThat(decoded).isEqualTo(policy);
        assertThat(PolicyCodec.encode(decoded)).isEqualTo(der).hasSize(Fixtures.icpBrasilAdRb21().length + 5);
        assertThat(decoded.signPolicyInfo().signatureValidationPolicy().commonRules().signerAndVeriferRules()
                .signerRules().mandatedCertificateRef()).isEqualTo(CertRefReq.SIGNER_ONLY);
    }
}
