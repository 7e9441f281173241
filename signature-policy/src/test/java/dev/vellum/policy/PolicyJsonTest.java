package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.model.SignaturePolicy;
import org.junit.jupiter.api.Test;

/** The JSON authoring form: readable, strict about mistakes, and lossless against DER. */
class PolicyJsonTest {

    @Test
    void aRealPolicyGoesThroughJsonAndBackToTheSameBytes() {
        byte[] der = Fixtures.icpBrasilAdRb21();
        String json = PolicyJson.write(PolicyCodec.decode(der));

        assertThat(json).contains("\"signPolicyHashAlg\": \"SHA-256\"")
                .contains("\"mandatedSignedAttr\": [\n")
                .contains("\"signingCertificateV2\"")
                .contains("\"enuRevReq\": \"eitherCheck\"")
                .doesNotContain("\"signPolicyHash\"");
        assertThat(PolicyJson.compile(json)).isEqualTo(der);
    }

    @Test
    void anExplicitWrongHashIsRefusedAtCompileTime() {
        String json = PolicyJson.write(PolicyCodec.decode(Fixtures.icpBrasilAdRb21()))
                .replace("\"signPolicyInfo\"", "\"signPolicyHash\": \"" + "00".repeat(31) + "01\",\n  \"signPolicyInfo\"");

        assertThatThrownBy(() -> PolicyJson.compile(json)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("embedded signPolicyHash 0000")
                .hasMessageContaining("does not match SHA-256");
    }

    @Test
    void typosAndBadValuesNameTheirPlace() {
        String json = PolicyJson.write(PolicyCodec.decode(Fixtures.icpBrasilAdRb21()));

        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"signerAndVeriferRules\"", "\"signerAndVerifierRules\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("$.signPolicyInfo.signatureValidationPolicy.commonRules")
                .hasMessageContaining("RFC 3125 spells it \"signerAndVeriferRules\"");
        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"contentType\"", "\"contentTipe\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("mandatedSignedAttr[0]")
                .hasMessageContaining("\"contentTipe\" is neither a dotted OID nor a known name");
        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"2012-03-07T00:00:00Z\"", "\"7 March 2012\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("$.signPolicyInfo.dateOfIssue: expected an ISO-8601 instant");
        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"eitherCheck\"", "\"maybeCheck\"")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("enuRevReq")
                .hasMessageContaining("expected one of [clrCheck, ocspCheck, bothCheck, eitherCheck, noCheck, other]");
        assertThatThrownBy(() -> PolicyJson.read("{\"signPolicyHashAlg\": \"SHA-256\", "))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PolicyJson.read("{\"a\": 1, \"a\": 2}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void theHashCanBeLeftOutOfTheCompiledPolicy() {
        String written = PolicyJson.write(PolicyCodec.decode(Fixtures.icpBrasilAdRb21()));
        String json = written.substring(0, written.lastIndexOf("\n}")) + ",\n  \"signPolicyHash\": \"absent\"\n}\n";

        SignaturePolicy policy = PolicyCodec.decode(PolicyJson.compile(json));

        assertThat(policy.signPolicyHash()).isNull();
        assertThat(PolicyJson.write(policy)).isEqualTo(json);
    }

    @Test
    void nameConstraintsCanBeWrittenAsReadableSubtrees() throws Exception {
        String json = Fixtures.exampleJson(Fixtures.INBOUND_POLICY)
                .replaceFirst("\"pathLenConstraint\": 2", "\"pathLenConstraint\": 2, \"nameConstraints\": {"
                        + "\"permittedSubtrees\": [{\"base\": {\"directoryName\": \"C=GB,O=Example Partner\"}},"
                        + " {\"base\": {\"rfc822Name\": \"partner.example\"}}],"
                        + " \"excludedSubtrees\": [{\"base\": {\"dNSName\": \"bad.example\"}, \"maximum\": 3}]}")
                .replaceFirst("\"ttsRevReq\"", "\"ttsNameConstraints\": {\"permittedSubtrees\": [{\"base\": "
                        + "{\"directoryName\": \"C=GB,O=Example Records Department\"}}]}, \"ttsRevReq\"");

        SignaturePolicy policy = PolicyCodec.decode(PolicyJson.compile(json));

        var rules = policy.signPolicyInfo().signatureValidationPolicy().commonRules();
        byte[] nc = rules.signingCertTrustCondition().signerTrustTrees().get(1).nameConstraints().toByteArray();
        // RFC 3125's module is EXPLICIT TAGS: [0] wraps the SEQUENCE OF GeneralSubtree; maximum is [1] EXPLICIT INTEGER
        var seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(nc);
        var permitted = org.bouncycastle.asn1.ASN1TaggedObject.getInstance(seq.getObjectAt(0));
        assertThat(permitted.getTagNo()).isZero();
        assertThat(org.bouncycastle.asn1.ASN1Sequence.getInstance(permitted.getExplicitBaseObject()).size()).isEqualTo(2);
        var excluded = org.bouncycastle.asn1.ASN1TaggedObject.getInstance(seq.getObjectAt(1));
        var subtree = org.bouncycastle.asn1.ASN1Sequence.getInstance(
                org.bouncycastle.asn1.ASN1Sequence.getInstance(excluded.getExplicitBaseObject()).getObjectAt(0));
        assertThat(org.bouncycastle.asn1.ASN1TaggedObject.getInstance(subtree.getObjectAt(1)).getExplicitBaseObject())
                .isEqualTo(new org.bouncycastle.asn1.ASN1Integer(3));
        assertThat(rules.timeStampTrustCondition().ttsNameConstraints()).isNotNull();
        // written back as hex DER, which compiles to the same policy
        assertThat(PolicyJson.compile(PolicyJson.write(policy))).isEqualTo(PolicyJson.compile(json));
        assertThatThrownBy(() -> PolicyJson.read(json.replace("\"permittedSubtrees\": [{\"base\": {\"directoryName\": \"C=GB,O=Example Partner",
                "\"permittedSubtree\": [{\"base\": {\"directoryName\": \"C=GB,O=Example Partner"))).isInstanceOf(PolicyException.class)
                .hasMessageContaining("nameConstraints");
    }
}
