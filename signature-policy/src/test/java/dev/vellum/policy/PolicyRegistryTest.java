package dev.vellum.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.policy.RegisteredPolicy.Format;
import dev.vellum.policy.RegisteredPolicy.HashCheck;
import dev.vellum.policy.identifier.SigPolicyQualifier;
import dev.vellum.policy.identifier.SignaturePolicyId;
import dev.vellum.policy.identifier.SignaturePolicyStore;
import dev.vellum.policy.identifier.SpDocSpecification;
import dev.vellum.policy.model.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of policies: DER, JSON and other documents, with qualifiers and embedding forms. */
class PolicyRegistryTest {
    private static final String TEXT_POLICY = "Records department signature policy, human-readable edition.\n";
    private static final String TEXT_POLICY_SHA256 = Bytes.of(HashAlgorithm.SHA256.digest(
            TEXT_POLICY.getBytes(StandardCharsets.UTF_8))).hex();

    @TempDir
    Path dir;

    @BeforeEach
    void fillDirectory() throws IOException {
        Files.write(dir.resolve("PA_AD_RB_v2_1.der"), Fixtures.icpBrasilAdRb21());
        Files.writeString(dir.resolve("seal.json"), Fixtures.exampleJson(Fixtures.SEAL_POLICY));
        Files.write(dir.resolve("inbound.der"), Fixtures.exampleDer(Fixtures.INBOUND_POLICY));
        Files.writeString(dir.resolve("policy.txt"), TEXT_POLICY);
        Files.writeString(dir.resolve("notes.md"), "not a policy, not listed: ignored");
        Files.writeString(dir.resolve(".hidden.der"), "ignored");
        writeIndex("");
    }

    private void writeIndex(String extra) throws IOException {
        Files.writeString(dir.resolve("registry.json"), """
                {"policies": [
                  {"file": "PA_AD_RB_v2_1.der", "spuri": "http://politicas.icpbrasil.gov.br/PA_AD_RB_v2_1.der",
                   "userNotice": {"organization": "ITI", "noticeNumbers": [1, 2], "explicitText": "AD-RB v2.1"}},
                  {"file": "policy.txt", "oid": "2.999.3125.3", "hashAlgorithm": "SHA-256", "hash": "%s",
                   "spDocSpec": {"uri": "urn:example:text-policy"}, "spDocSpecQualifier": true},
                  {"oid": "2.999.3125.4", "hashAlgorithm": "SHA-256", "hash": "%s"}%s
                ]}
                """.formatted(TEXT_POLICY_SHA256, "ab".repeat(32), extra));
    }

    @Test
    void loadsEveryKindOfPolicyByOid() {
        PolicyRegistry registry = PolicyRegistry.load(dir);

        assertThat(registry.policies()).extracting(RegisteredPolicy::oid).containsExactly(
                "2.16.76.1.7.1.1.2.1", "2.999.3125.1", "2.999.3125.2", "2.999.3125.3", "2.999.3125.4");
        assertThat(registry.require("2.16.76.1.7.1.1.2.1").hash().value().hex())
                .isEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_HASH);
        RegisteredPolicy seal = registry.require("2.999.3125.1");
        assertThat(seal.format()).isEqualTo(Format.RFC3125_DER);
        assertThat(seal.document().toByteArray()).isEqualTo(Fixtures.exampleDer(Fixtures.SEAL_POLICY));
        RegisteredPolicy text = registry.require("2.999.3125.3");
        assertThat(text.format()).isEqualTo(Format.OTHER_DOCUMENT);
        assertThat(text.hash().value().hex()).isEqualTo(TEXT_POLICY_SHA256);
        assertThat(registry.require("2.999.3125.4").format()).isEqualTo(Format.DECLARED_HASH_ONLY);
    }

    @Test
    void theSignaturePolicyIdentifierCarriesOidHashAndQualifiersAndParsesWithBouncyCastle() {
        RegisteredPolicy icp = PolicyRegistry.load(dir).require("2.16.76.1.7.1.1.2.1");

        byte[] der = icp.signaturePolicyId().toDer();

        var bc = org.bouncycastle.asn1.esf.SignaturePolicyIdentifier.getInstance(der).getSignaturePolicyId();
        assertThat(bc.getSigPolicyId().getId()).isEqualTo("2.16.76.1.7.1.1.2.1");
        assertThat(Bytes.of(bc.getSigPolicyHash().getHashValue().getOctets()).hex())
                .isEqualTo(Fixtures.ICP_BRASIL_AD_RB_21_HASH);
        assertThat(bc.getSigPolicyQualifiers().size()).isEqualTo(2);
        SignaturePolicyId parsed = SignaturePolicyId.fromDer(der);
        assertThat(parsed).isEqualTo(icp.signaturePolicyId());
        assertThat(parsed.qualifiers()).containsExactly(
                new SigPolicyQualifier.SpUri("http://politicas.icpbrasil.gov.br/PA_AD_RB_v2_1.der"),
                new SigPolicyQualifier.SpUserNotice("ITI", java.util.List.of(1, 2), "AD-RB v2.1"));
    }

    @Test
    void thePolicyStoreEmbedsTheDocumentWithItsSyntax() {
        PolicyRegistry registry = PolicyRegistry.load(dir);

        SignaturePolicyStore store = registry.require("2.16.76.1.7.1.1.2.1").signaturePolicyStore().orElseThrow();
        assertThat(store.spDocSpec()).isEqualTo(SpDocSpecification.RFC3125_ASN1);
        SignaturePolicyStore parsed = SignaturePolicyStore.fromDer(store.toDer());
        assertThat(parsed).isEqualTo(store);
        assertThat(parsed.document().toByteArray()).isEqualTo(Fixtures.icpBrasilAdRb21());

        RegisteredPolicy text = registry.require("2.999.3125.3");
        assertThat(text.signaturePolicyStore().orElseThrow().spDocSpec().uri()).isEqualTo("urn:example:text-policy");
        assertThat(text.qualifiers()).contains(new SigPolicyQualifier.SpDocSpec(SpDocSpecification.ofUri("urn:example:text-policy")));
        assertThat(registry.require("2.999.3125.4").signaturePolicyStore()).as("no document").isEmpty();
    }

    @Test
    void claimedHashesAreCheckedTheWayEachDocumentKindIsHashed() {
        PolicyRegistry registry = PolicyRegistry.load(dir);
        RegisteredPolicy icp = registry.require("2.16.76.1.7.1.1.2.1");
        RegisteredPolicy text = registry.require("2.999.3125.3");
        RegisteredPolicy declared = registry.require("2.999.3125.4");

        assertThat(icp.checkHash(icp.hash())).isEqualTo(HashCheck.MATCH);
        assertThat(icp.checkHash(PolicyHash.of(HashAlgorithm.SHA512,
                PolicyHasher.asn1PolicyHash(Fixtures.icpBrasilAdRb21(), HashAlgorithm.SHA512)))).isEqualTo(HashCheck.MATCH);
        assertThat(icp.checkHash(PolicyHash.of(HashAlgorithm.SHA256,
                Bytes.fromHex(Fixtures.ICP_BRASIL_AD_RB_21_FILE_HASH)))).as("whole-file hash is not the policy hash")
                .isEqualTo(HashCheck.MISMATCH);
        assertThat(text.checkHash(PolicyHash.of(HashAlgorithm.SHA384, Bytes.of(HashAlgorithm.SHA384.digest(
                TEXT_POLICY.getBytes(StandardCharsets.UTF_8)))))).isEqualTo(HashCheck.MATCH);
        assertThat(declared.checkHash(PolicyHash.of(HashAlgorithm.SHA256, Bytes.fromHex("ab".repeat(32)))))
                .isEqualTo(HashCheck.MATCH);
        assertThat(declared.checkHash(PolicyHash.of(HashAlgorithm.SHA512, Bytes.fromHex("ab".repeat(64)))))
                .isEqualTo(HashCheck.NOT_VERIFIABLE);
        for (int length : new int[] {0, 20, 32}) {
            assertThat(icp.checkHash(PolicyHash.of(HashAlgorithm.SHA256, Bytes.of(new byte[length]))))
                    .isEqualTo(HashCheck.ZERO_HASH_ACCEPTED);
        }
        assertThat(icp.checkHash(new PolicyHash("1.2.840.113549.2.5", Bytes.fromHex("01")))).isEqualTo(HashCheck.NOT_VERIFIABLE);
    }

    @Test
    void onlyRfc3125PoliciesHaveRules() {
        PolicyRegistry registry = PolicyRegistry.load(dir);

        assertThat(registry.require("2.999.3125.2").rules().forCommitmentType(null)).isPresent();
        assertThatThrownBy(() -> registry.require("2.999.3125.3").rules()).isInstanceOf(PolicyException.class)
                .hasMessageContaining("no machine-processable rules");
    }

    @Test
    void aDeclaredHashThatDoesNotMatchTheFileIsRefused() throws IOException {
        Files.writeString(dir.resolve("policy.txt"), TEXT_POLICY + "tampered");

        assertThatThrownBy(() -> PolicyRegistry.load(dir)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("policy.txt: declared SHA-256 hash " + TEXT_POLICY_SHA256)
                .hasMessageContaining("does not match the file");
    }

    @Test
    void mistakesInTheDirectoryAreNamed() throws IOException {
        Files.write(dir.resolve("copy.der"), Fixtures.icpBrasilAdRb21());
        assertThatThrownBy(() -> PolicyRegistry.load(dir)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("policy 2.16.76.1.7.1.1.2.1 is registered twice");
        Files.delete(dir.resolve("copy.der"));

        writeIndex(", {\"file\": \"missing.pdf\", \"oid\": \"2.999.3125.5\", \"hashAlgorithm\": \"SHA-256\"}");
        assertThatThrownBy(() -> PolicyRegistry.load(dir)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("lists missing.pdf, which is not a file");
        writeIndex("");

        Files.writeString(dir.resolve("broken.json"), "{\"signPolicyHashAlg\": \"SHA-256\"}");
        assertThatThrownBy(() -> PolicyRegistry.load(dir)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("$.signPolicyInfo: mandatory field missing");
        Files.delete(dir.resolve("broken.json"));

        assertThatThrownBy(() -> PolicyRegistry.load(dir).require("1.2.3")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("signature policy 1.2.3 is not in the registry");
    }
}
