package dev.vellum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.ContentHash;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.policy.SignaturePolicyProvider;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive seal: with {@code vellum.upgrade.seal=true} the LTA upgrade countersigns every signature
 * with the archive's key under the configured policy (EPES) before the archive time-stamp, which then
 * covers the seal; external TSAs make the time-stamps. Vellum and DSS both accept the result.
 */
class ArchiveSealTest {
    private static final String POLICY_OID = "2.999.3125.99.7";
    private static final String PROOF_OF_RECEIPT = "1.2.840.113549.1.9.16.6.2";
    private static TestPki pki;

    @TempDir
    Path temp;

    @BeforeAll
    static void pki() {
        pki = TestPki.builder().tsaKeyType(KeyType.ECDSA_P256).build();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @Test
    void everySignatureIsSealedUnderThePolicyBeforeItsArchiveTimestamp() throws Exception {
        Credential signer = pki.signer(KeyType.ECDSA_P256);
        Credential seal = pki.issue("archive-seal").subject("CN=Records Archive Seal, O=Vellum Test PKI, C=DE").build();
        Path in = Files.createDirectories(temp.resolve("in"));
        byte[] message = smime(signer);
        Files.write(in.resolve("message.eml"), message);
        byte[] contract = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build()
                .signEnveloping(SignedContent.of("contract".getBytes(StandardCharsets.UTF_8)));
        Files.write(in.resolve("contract.p7m"), contract);

        Path policies = Files.createDirectories(temp.resolve("policies"));
        byte[] policyText = "Archive seal policy (test): the archive received the item intact.\n".getBytes(StandardCharsets.UTF_8);
        Files.write(policies.resolve("seal-policy.txt"), policyText);
        Files.writeString(policies.resolve("registry.json"), "{\"policies\": [{\"file\": \"seal-policy.txt\", \"oid\": \""
                + POLICY_OID + "\", \"hashAlgorithm\": \"SHA-256\", \"hash\": \""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(policyText)) + "\"}]}");
        Path key = temp.resolve("seal.p12");
        Files.write(key, seal.toPkcs12("seal-pw".toCharArray()));
        Path password = Files.writeString(temp.resolve("seal.pw"), "seal-pw\n");
        Path root = Files.writeString(temp.resolve("root.pem"), Pem.encode("CERTIFICATE", pki.root().certificate().getEncoded()));

        ArchiveSettings settings = ArchiveSettings.of(temp.resolve("data"))
                .with("vellum.validation.trust[0]", root.toString())
                .with("vellum.validation.online", "true")
                .with("vellum.validation.allowed-hosts[0]", "127.0.0.1")
                .with("vellum.upgrade.tsa", "external")
                .with("vellum.tsa.trust[0]", root.toString())
                .with("vellum.tsa.sources[0].url", pki.services().tsaUrl().toString())
                .with("vellum.upgrade.seal", "true")
                .with("vellum.seal.key", key.toString())
                .with("vellum.seal.password-file", password.toString())
                .with("vellum.seal.policy", POLICY_OID)
                .with("vellum.seal.policy-dir", policies.toString())
                .with("vellum.seal.commitment-type", PROOF_OF_RECEIPT);
        try (ArchiveContext archive = ArchiveContext.open(settings)) {
            assertThat(archive.run(IngestJobConfiguration.JOB, Map.of(IngestJobConfiguration.SOURCES,
                    IngestJobConfiguration.sourcesParameter(List.of(in)))).count("TOTAL_PASSED")).isEqualTo(2);
            JobRun upgrade = archive.run(UpgradeJobConfiguration.JOB, Map.of(UpgradeJobConfiguration.TARGET, "LTA"));
            assertThat(upgrade.count("upgraded")).as(upgrade.toString()).isEqualTo(2);

            ArchiveIndex index = archive.bean(ArchiveIndex.class);
            BlobStore blobs = archive.bean(BlobStore.class);
            Item mail = index.findByOriginal(ContentHash.of(message)).orElseThrow();
            byte[] sealedMail = blobs.read(index.latestVersion(mail.id(), ItemVersion.CADES).orElseThrow().blob());
            assertThat(new String(sealedMail, StandardCharsets.ISO_8859_1))
                    .as("still an S/MIME message with its signed part untouched")
                    .contains(signedPart(message));
            for (byte[] sealed : List.of(sealedMail, latest(index, blobs, contract))) {
                SignedDocument document = new SignedDocumentReader().read(sealed);
                CadesSignature signature = document.signatures().get(0);
                assertThat(signature.level().baseline().label()).isEqualTo("CAdES-BASELINE-LTA");
                CadesSignature countersignature = signature.counterSignatures().get(0);
                assertThat(countersignature.signingCertificate()).contains(seal.certificate());
                assertThat(countersignature.signedAttributes().signaturePolicy().orElseThrow().policyOid()).contains(POLICY_OID);
                assertThat(countersignature.signedAttributes().commitmentTypes().get(0).commitmentTypeOid())
                        .isEqualTo(PROOF_OF_RECEIPT);
                EmbeddedTimestamp archiveTimestamp = signature.timestamps(TimestampKind.ARCHIVE_V3).get(0);
                assertThat(archiveTimestamp.hashIndexCheck().passed()).as("the archive time-stamp covers the seal").isTrue();
                assertThat(archiveTimestamp.token().getSID().getIssuer().toString()).contains("Vellum Test Issuing CA");
            }

            JobRun revalidate = archive.run(RevalidateJobConfiguration.JOB, Map.of(RevalidateJobConfiguration.AT, "now"));
            assertThat(revalidate.count("TOTAL_PASSED")).as(revalidate.toString()).isEqualTo(2);
            JsonNode report = JsonMapper.builder().build().readTree(blobs.read(index.latestValidation(mail.id())
                    .orElseThrow().report())).path("report");
            assertThat(report.path("signatures")).hasSize(2).allSatisfy(s ->
                    assertThat(s.path("indication").asString()).isEqualTo("TOTAL_PASSED"));
            assertThat(report.path("signatures").get(1).path("signer").path("name").asString()).isEqualTo("Records Archive Seal");

            SimpleReport dss = dss(latest(index, blobs, contract), Map.of(POLICY_OID, policyText));
            assertThat(dss.getSignatureIdList()).hasSize(2);
            for (String id : dss.getSignatureIdList()) {
                assertThat(dss.getIndication(id)).as("DSS on %s: %s", id, dss.getSubIndication(id))
                        .isEqualTo(Indication.TOTAL_PASSED);
            }
        }
    }

    private static byte[] latest(ArchiveIndex index, BlobStore blobs, byte[] original) {
        Item item = index.findByOriginal(ContentHash.of(original)).orElseThrow();
        return blobs.read(index.latestVersion(item.id(), ItemVersion.CADES).orElseThrow().blob());
    }

    private static byte[] smime(Credential signer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", "signer@vellum.test");
        headers.put("Subject", "sealed by the archive");
        return CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).build()
                .signSmime("Content-Type: text/plain\r\n\r\nplease archive\r\n".getBytes(StandardCharsets.US_ASCII),
                        new SmimeMessageWriter.Headers(headers));
    }

    /** The message up to its signature part: headers, the signed MIME part and its boundary. */
    private static String signedPart(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("application/pkcs7-signature"));
    }

    private static SimpleReport dss(byte[] signature, Map<String, byte[]> policies) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        pki.trustAnchors().forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signature));
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(new Date());
        SignaturePolicyProvider provider = new SignaturePolicyProvider();
        Map<String, DSSDocument> byId = new java.util.HashMap<>();
        policies.forEach((oid, bytes) -> byId.put(oid, new InMemoryDocument(bytes)));
        provider.setSignaturePoliciesById(byId);
        validator.setSignaturePolicyProvider(provider);
        return validator.validateDocument().getSimpleReport();
    }
}
