package dev.vellum.formats.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.cms.Material;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.extend.StaticValidationDataSource;
import dev.vellum.formats.level.BaselineLevel;
import dev.vellum.formats.support.Dss;
import dev.vellum.formats.support.Pki;
import dev.vellum.formats.timestamp.TimestampKind;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.corpus.OpenSslCase;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenSSL-made signatures extended to LTA by us still pass `openssl cms -verify`, and DSS calls them B-LTA. */
class OpenSslCorpusExtensionTest {
    private static final List<String> CASES = List.of("01", "04", "07", "08", "10", "11", "12", "13", "26");

    static Stream<OpenSslCase> cases() {
        return Corpus.openSslCases().stream()
                .filter(c -> CASES.contains(c.fileName().substring(0, 2)) && !c.kind().equals("rfc3161-tsr"));
    }

    private static final StaticValidationDataSource CORPUS_PKI = corpusPki();

    private static StaticValidationDataSource corpusPki() {
        List<X509Certificate> certs = new ArrayList<>();
        for (String f : List.of("root-ca.crt", "intermediate-ca.crt", "ocsp-responder.crt", "signer-rsa2048.crt",
                "signer-ecp256.crt")) {
            certs.add(Material.certificate(Corpus.bytes("openssl/pki/" + f)));
        }
        return new StaticValidationDataSource(new ValidationData(certs,
                List.of(Material.crl(Corpus.bytes("openssl/pki/root-ca.crl")),
                        Material.crl(Corpus.bytes("openssl/pki/intermediate-ca.crl"))),
                List.of(dev.vellum.formats.OcspResponseData.fromOcspResponse(
                        Corpus.bytes("openssl/pki/ocsp-signer-rsa2048.resp")))));
    }

    /** Corpus material for the corpus signers; live testkit CRLs for our TSA's chain. */
    private static final ValidationDataSource SOURCE = request -> {
        X509Certificate tsa = Pki.pki().tsa().certificate();
        List<X509Certificate> corpusTargets = request.targets().stream().filter(c -> !c.equals(tsa)).toList();
        ValidationData data = CORPUS_PKI.validationData(new ValidationDataSource.Request(corpusTargets, request.available(), request.at()));
        if (request.targets().contains(tsa)) {
            data = data.plus(Pki.validationData().validationData(new ValidationDataSource.Request(List.of(tsa), List.of(), request.at())));
        }
        return data;
    };

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extendedToLtaStillVerifiesWithOpenSslAndIsLtaForDss(OpenSslCase c, @TempDir Path dir) throws Exception {
        byte[] input = Corpus.bytes(c.corpusPath());
        Optional<byte[]> content = c.contentCorpusPath().map(Corpus::bytes);
        SignedDocumentReader reader = new SignedDocumentReader();
        SignedDocument doc = content.isPresent() ? reader.readDetached(input, SignedContent.of(content.get())) : reader.read(input);

        ExtendedDocument lta = CadesExtender.builder().timestampSource(Pki.tsa()).validationDataSource(SOURCE).build()
                .extend(doc, ExtensionTarget.LTA);
        byte[] out = lta.output();
        SignedDocument after = content.isPresent() ? reader.readDetached(out, SignedContent.of(content.get())) : reader.read(out);
        assertThat(after.signatures().get(0).cryptographicallyIntact()).isTrue();
        assertThat(after.signatures().get(0).level().baseline()).isIn(BaselineLevel.B_LTA, BaselineLevel.NONE);
        assertThat(after.signatures().get(0).timestamps(TimestampKind.ARCHIVE_V3)).hasSize(1);
        if (doc.smime().isPresent()) {
            assertSignedPartUnchanged(input, out, doc);
        }

        Path file = dir.resolve("extended-" + c.fileName());
        Files.write(file, out);
        openSslVerify(c, file, content.map(b -> write(dir.resolve("content.bin"), b)));

        List<Dss.Verdict> dss = Dss.validate(doc.smime().isPresent() ? lta.cms() : out,
                doc.containerType() == dev.vellum.formats.ContainerType.SMIME_MULTIPART_SIGNED
                        ? Optional.of(doc.content().orElseThrow().readAllBytes()) : content,
                List.of(Material.certificate(Corpus.bytes("openssl/pki/root-ca.crt")), Pki.root()), ValidationData.EMPTY);
        Dss.Verdict v = dss.get(0);
        assertThat(v.indication()).as(v.toString()).isEqualTo(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        assertThat(v.validArchiveTimestamps()).as("DSS checks our archive-time-stamp-v3: " + v).isEqualTo(1);
        if (doc.signatures().get(0).signedAttributes().signerCertificateRef().isPresent()) {
            assertThat(v.format()).as(v.toString()).isEqualTo(SignatureLevel.CAdES_BASELINE_LTA);
        } else {
            // without a signed signing-certificate attribute (plain `openssl cms -sign`) no unsigned addition can make
            // a baseline signature: DSS names the format CMS-NOT-ETSI, we name it CMS, and both accept the ATSv3
            assertThat(v.format()).as(v.toString()).isEqualTo(SignatureLevel.CMS_NOT_ETSI);
            assertThat(after.signatures().get(0).level().legacyForm()).isEmpty();
        }
    }

    /** Every byte outside the CMS part is the original's: the signed part above all. */
    private static void assertSignedPartUnchanged(byte[] before, byte[] after, SignedDocument doc) {
        var env = doc.smime().orElseThrow();
        assertThat(java.util.Arrays.copyOfRange(after, 0, env.bodyStart()))
                .isEqualTo(java.util.Arrays.copyOfRange(before, 0, env.bodyStart()));
        int keep = env.bodyEnd();
        while (before[keep - 1] == '\n' || before[keep - 1] == '\r') {
            keep--;
        }
        byte[] tail = java.util.Arrays.copyOfRange(before, keep, before.length);
        assertThat(java.util.Arrays.copyOfRange(after, after.length - tail.length, after.length)).isEqualTo(tail);
        // and the signed content Jakarta gives us is the same
        SignedDocument again = new SignedDocumentReader().read(after);
        assertThat(again.content().orElseThrow().readAllBytes()).isEqualTo(doc.content().orElseThrow().readAllBytes());
    }

    private static void openSslVerify(OpenSslCase c, Path file, Optional<Path> content) throws IOException, InterruptedException {
        assumeTrue(openSslAvailable(), "openssl binary not found: skipping the OpenSSL half of this check");
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-verify",
                "-CAfile", Corpus.file("openssl/pki/openssl-cafile-with-crls.pem").toString(),
                "-certfile", Corpus.file("openssl/pki/intermediate-ca.pem").toString(),
                "-crl_check_all", "-out", "/dev/null", "-in", file.toString()));
        if (c.fileName().endsWith(".eml")) {
            cmd.addAll(List.of("-inform", "SMIME"));
        } else {
            cmd.addAll(List.of("-inform", "DER", "-binary"));
            content.ifPresent(p -> cmd.addAll(List.of("-content", p.toString())));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + output).isZero();
    }

    private static boolean openSslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Path write(Path p, byte[] b) {
        try {
            return Files.write(p, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
