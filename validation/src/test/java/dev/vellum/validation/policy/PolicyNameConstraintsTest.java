package dev.vellum.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.policy.PolicyException;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/**
 * RFC 3125 NameConstraints (explicitly tagged subtrees) on a certificate's names: the subject DN and
 * the subjectAltName rfc822Name the testkit gives signers ({@code <name>@vellum.test}).
 */
class PolicyNameConstraintsTest {

    static final X509Certificate SIGNER = TestPki.shared().signer(KeyType.ECDSA_P256).certificate();

    static byte[] constraints(GeneralName permitted, GeneralName excluded) throws Exception {
        org.bouncycastle.asn1.ASN1EncodableVector v = new org.bouncycastle.asn1.ASN1EncodableVector();
        if (permitted != null) {
            v.add(new DERTaggedObject(true, 0, new DERSequence(new DERSequence(permitted))));
        }
        if (excluded != null) {
            // maximum [1] EXPLICIT, as the policy module tags it
            v.add(new DERTaggedObject(true, 1, new DERSequence(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    excluded, new DERTaggedObject(true, 1, new ASN1Integer(5))}))));
        }
        return new DERSequence(v).getEncoded("DER");
    }

    @Test
    void theSignersEmailIsCheckedAgainstRfc822Subtrees() throws Exception {
        PolicyNameConstraints permitted = PolicyNameConstraints.fromDer(
                constraints(new GeneralName(GeneralName.rfc822Name, "vellum.test"), null));
        PolicyNameConstraints excluded = PolicyNameConstraints.fromDer(
                constraints(null, new GeneralName(GeneralName.rfc822Name, "vellum.test")));

        assertThat(PolicyNameConstraints.namesOf(SIGNER)).anyMatch(n -> n.getTagNo() == GeneralName.rfc822Name);
        assertThat(permitted.violation(PolicyNameConstraints.namesOf(SIGNER))).isEmpty();
        assertThat(excluded.violation(PolicyNameConstraints.namesOf(SIGNER))).hasValueSatisfying(v ->
                assertThat(v).contains("rfc822Name").contains("@vellum.test"));
    }

    @Test
    void aDirectoryNameSubtreeCoversTheNamesBelowIt() throws Exception {
        PolicyNameConstraints testPki = PolicyNameConstraints.fromDer(
                constraints(new GeneralName(new X500Name("C=DE,O=Vellum Test PKI")), null));
        PolicyNameConstraints elsewhere = PolicyNameConstraints.fromDer(
                constraints(new GeneralName(new X500Name("C=DE,O=Elsewhere")), null));

        assertThat(testPki.violation(PolicyNameConstraints.namesOf(SIGNER))).isEmpty();
        assertThat(elsewhere.violation(PolicyNameConstraints.namesOf(SIGNER))).hasValueSatisfying(v ->
                assertThat(v).contains("directoryName").contains("Vellum Test PKI"));
    }

    @Test
    void unreadableConstraintsAreAPolicyError() {
        assertThatThrownBy(() -> PolicyNameConstraints.fromDer(new byte[] {0x30, 0x03, (byte) 0x82, 0x01, 0x00}))
                .isInstanceOf(PolicyException.class).hasMessageContaining("NameConstraints cannot be read");
    }
}
