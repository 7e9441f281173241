package dev.vellum.bench.corpus;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.testkit.corpus.Corpus;
import dev.vellum.testkit.corpus.OpenSslCase;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.Pem;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.trust.TrustAnchors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the benchmark corpus: {@code N} mail-like S/MIME messages signed by four signers of the test
 * PKI's intermediate CA, a quarter each at B, T, LT and LTA (made with es-formats against the testkit's
 * live TSA, OCSP and CRL services), plus the shared OpenSSL corpus (its RFC 3161 response excepted:
 * DSS validates time-stamp tokens, not responses). Each set gets its trust anchors and supplied
 * material in {@code <set>/pki/}; validation is offline.
 */
public final class CorpusBuilder {
    static final String[] LEVELS = {"B", "T", "LT", "LTA"};

    private final TestPki pki;
    private final PrintStream log;

    public CorpusBuilder(TestPki pki, PrintStream log) {
        this.pki = pki;
        this.log = log;
    }

    /** Generates the corpus into {@code dir} (emptied first) and writes its manifest. */
    public List<CorpusEntry> build(Path dir, int messages) {
        try {
            List<CorpusEntry> entries = new ArrayList<>(generated(dir, messages));
            entries.addAll(openSsl(dir));
            Manifest.write(dir, entries);
            return entries;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the corpus in " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<CorpusEntry> generated(Path dir, int messages) throws IOException, GeneralSecurityException {
        Path gen = Files.createDirectories(dir.resolve("gen"));
        List<Credential> signers = List.of(pki.signer(KeyType.ECDSA_P256), pki.signer(KeyType.RSA_2048),
                pki.issue("bench-clerk-a").subject("CN=Clerk A, O=Records Department, C=DE").email("clerk-a@vellum.test").build(),
                pki.issue("bench-clerk-b").subject("CN=Clerk B, O=Records Department, C=DE").email("clerk-b@vellum.test").build());
        List<CadesSigner> cades = signers.stream()
                .map(s -> CadesSigner.builder(SigningKey.of(s.privateKey(), s.chain())).build()).toList();
        SignatureValidator online = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                .cryptoPolicy(CryptoSuitabilityPolicy.dssShipped())
                .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
        CadesExtender extender = CadesExtender.builder()
                .timestampSource(HttpTimestampClient.builder(pki.services().tsaUrl()).build())
                .validationDataSource(new ValidationDataCollector(online.services(), ValidationMaterial.empty()))
                .build();
        SignedDocumentReader reader = new SignedDocumentReader();
        List<String[]> files = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            String level = LEVELS[i % LEVELS.length];
            Credential signer = signers.get((i / LEVELS.length) % signers.size());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("From", signer.certificate().getSubjectX500Principal().getName().replaceAll(",.*", "")
                    .replace("CN=", "") + " <records@vellum.test>");
            headers.put("To", "archive@vellum.test");
            headers.put("Subject", "Record " + i);
            headers.put("Message-ID", "<bench-" + i + "@vellum.test>");
            byte[] eml = cades.get((i / LEVELS.length) % signers.size())
                    .signSmime(MailLikeMessages.entity(i), new SmimeMessageWriter.Headers(headers));
            if (!level.equals("B")) {
                eml = extender.extend(reader.read(eml), ExtensionTarget.valueOf(level)).output();
            }
            String name = String.format("%05d-%s", i, level);
            Files.write(gen.resolve(name + ".eml"), eml);
            SignedDocument doc = reader.read(eml);
            Files.write(gen.resolve(name + ".p7s"), doc.cmsEncoded());
            Files.write(gen.resolve(name + ".bin"), doc.content().orElseThrow().readAllBytes());
            files.add(new String[] {name, level});
            if ((i + 1) % 250 == 0) {
                log.printf("  corpus: %d/%d messages signed and extended (%.0f s)%n", i + 1, messages,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        Path material = Files.createDirectories(gen.resolve("pki"));
        pem(material.resolve("anchors.pem"), pki.trustAnchors());
        pem(material.resolve("certs.pem"), List.of(pki.intermediate().certificate()));
        Files.write(material.resolve("intermediate.crl"), pki.currentCrl(pki.intermediate()).getEncoded());
        Files.write(material.resolve("root.crl"), pki.currentCrl(pki.root()).getEncoded());
        Instant at = pki.clock().instant().plusSeconds(5);
        List<CorpusEntry> entries = new ArrayList<>();
        for (String[] f : files) {
            entries.add(new CorpusEntry("gen/" + f[0] + ".eml", "gen", "gen-" + f[1], "gen/" + f[0] + ".eml",
                    Optional.empty(), "gen/" + f[0] + ".p7s", Optional.of("gen/" + f[0] + ".bin"), at, List.of()));
        }
        return entries;
    }

    private List<CorpusEntry> openSsl(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("openssl"));
        Instant at = generationTime();
        SignedDocumentReader reader = new SignedDocumentReader();
        List<CorpusEntry> entries = new ArrayList<>();
        for (OpenSslCase c : Corpus.openSslCases()) {
            if (c.kind().equals("rfc3161-tsr")) {
                continue;
            }
            String name = c.fileName();
            byte[] bytes = Corpus.bytes(c.corpusPath());
            Files.write(root.resolve(name), bytes);
            Optional<String> content = Optional.empty();
            if (c.contentCorpusPath().isPresent()) {
                String contentName = c.content().orElseThrow().substring(c.content().orElseThrow().lastIndexOf('/') + 1);
                Files.write(root.resolve(contentName), Corpus.bytes(c.contentCorpusPath().get()));
                content = Optional.of("openssl/" + contentName);
            }
            String dssFile = "openssl/" + name;
            Optional<String> dssContent = content;
            if (name.endsWith(".eml")) {
                // DSS reads no MIME: the CMS and, for multipart/signed, the signed entity as detached content
                try {
                    SignedDocument doc = reader.read(bytes);
                    Files.write(root.resolve(name + ".dss.p7s"), doc.cmsEncoded());
                    dssFile = "openssl/" + name + ".dss.p7s";
                    if (doc.detached()) {
                        Files.write(root.resolve(name + ".dss.bin"), doc.content().orElseThrow().readAllBytes());
                        dssContent = Optional.of("openssl/" + name + ".dss.bin");
                    }
                } catch (RuntimeException unreadable) {
                    // a malformed message: DSS gets the raw file, as Vellum does
                }
            }
            List<String> tags = new ArrayList<>();
            tags.add("file=" + name);
            tags.add("expected=" + c.expected());
            c.signers().forEach(s -> tags.add("signer=" + s));
            entries.add(new CorpusEntry("openssl/" + name, "openssl", "openssl", "openssl/" + name, content, dssFile,
                    dssContent, at, tags));
        }
        Path material = Files.createDirectories(root.resolve("pki"));
        Files.write(material.resolve("anchors.pem"), Corpus.bytes("openssl/pki/trust-anchors.pem"));
        StringBuilder pool = new StringBuilder();
        for (String cert : List.of("intermediate-ca", "signer-rsa2048", "signer-rsapss", "signer-rsapss-spki",
                "signer-ecp256", "signer-ed25519", "signer-rsa1024", "signer-revoked", "signer-expired", "signer-badku",
                "untrusted-root-ca", "signer-untrusted", "tsa", "ocsp-responder")) {
            for (X509Certificate x : TrustAnchors.parseCertificates(Corpus.bytes("openssl/pki/" + cert + ".crt"), cert)) {
                pool.append(encode(x));
            }
        }
        Files.writeString(material.resolve("certs.pem"), pool);
        for (String crl : List.of("root-ca.crl", "intermediate-ca.crl")) {
            Files.write(material.resolve(crl), Corpus.bytes("openssl/pki/" + crl));
        }
        for (String ocsp : List.of("ocsp-signer-rsa2048.resp", "ocsp-signer-revoked.resp")) {
            Files.write(material.resolve(ocsp), Corpus.bytes("openssl/pki/" + ocsp));
        }
        return entries;
    }

    private static Instant generationTime() {
        String info = new String(Corpus.bytes("openssl/INFO.txt"), StandardCharsets.UTF_8);
        return info.lines().filter(l -> l.startsWith("generated:")).map(l -> Instant.parse(l.substring(10).trim()))
                .findFirst().orElseThrow(() -> new IllegalStateException("openssl/INFO.txt names no generation time"));
    }

    private static void pem(Path file, List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        certificates.forEach(c -> text.append(encode(c)));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(X509Certificate certificate) {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
