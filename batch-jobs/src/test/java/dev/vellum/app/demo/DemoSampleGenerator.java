package dev.vellum.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the demo's sample mailbox and PKI into {@code samples/} (run once, output committed):
 * a demo root CA (the trust anchor) and issuing CA, three signers and one whose certificate is
 * revoked, their CRL, and S/MIME messages as .eml files, an mbox and a Maildir — plus a tampered
 * message, an unsigned one and a garbage file.
 *
 * <p>Run: {@code ./mvnw -q -pl batch-jobs -am test-compile} then
 * {@code java -cp "batch-jobs/target/test-classes:batch-jobs/target/classes:$(cat cp.txt)" dev.vellum.app.demo.DemoSampleGenerator samples}
 * (see docs/operations.md).
 */
public final class DemoSampleGenerator {
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final Instant NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2026-03-01T00:00:00Z");
    /** The CRL is issued after every sample's signature time-stamp, so it is fresh for all of them. */
    private static final Instant CRL_ISSUED = Instant.parse("2026-06-01T00:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Party(String name, String email, KeyPair keys, X509Certificate certificate) {
    }

    private dev.vellum.testkit.time.MutableClock tsaClock;
    private dev.vellum.timestamping.embedded.EmbeddedTsa tsa;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "samples").toAbsolutePath();
        if (Files.exists(out)) {
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        new DemoSampleGenerator().generate(out);
        System.out.println("samples written to " + out);
    }

    void generate(Path out) throws Exception {
        KeyPair rootKeys = ecKeys();
        X509Certificate root = certificate(new X500Name("CN=Vellum Demo Root CA (TEST ONLY),O=Vellum Demo"), rootKeys,
                new X500Name("CN=Vellum Demo Root CA (TEST ONLY),O=Vellum Demo"), rootKeys.getPrivate(), null, true);
        KeyPair caKeys = ecKeys();
        X500Name caName = new X500Name("CN=Vellum Demo Issuing CA (TEST ONLY),O=Vellum Demo");
        X509Certificate ca = certificate(caName, caKeys, X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                rootKeys.getPrivate(), root, true);

        List<Party> signers = new ArrayList<>();
        for (String[] who : new String[][] {{"Alice Archer", "alice@records.example"},
                {"Bogdan Čermák", "bogdan@records.example"}, {"Carol Ng", "carol@finance.example"},
                {"Mallory Revoked", "mallory@finance.example"}}) {
            KeyPair keys = ecKeys();
            X509Certificate cert = certificate(new X500Name("CN=" + who[0] + ",E=" + who[1] + ",O=Vellum Demo"), keys, caName,
                    caKeys.getPrivate(), ca, false);
            signers.add(new Party(who[0], who[1], keys, cert));
        }
        Party revoked = signers.get(3);

        Path pki = out.resolve("pki");
        Files.createDirectories(pki);
        writePem(pki.resolve("demo-trust-anchor.pem"), List.of(root));
        writePem(pki.resolve("demo-issuing-ca.pem"), List.of(ca));
        for (Party p : signers) {
            writePem(pki.resolve(p.email().split("@")[0] + ".pem"), List.of(p.certificate(), ca, root));
        }
        Files.write(pki.resolve("demo-issuing-ca.crl"), crl(caName, caKeys.getPrivate(), revoked.certificate()).getEncoded());
        // The root's CRL (nothing revoked) gives the issuing CA's own revocation status.
        Files.write(pki.resolve("demo-root-ca.crl"), crl(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                rootKeys.getPrivate(), null).getEncoded());

        // A demo TSA (the embedded one, its clock set to each message's time): every sample is CAdES B-T.
        tsaClock = dev.vellum.testkit.time.MutableClock.at(START.minusDays(2).toInstant());
        Path tsaDir = Files.createTempDirectory("demo-tsa");
        tsa = dev.vellum.timestamping.embedded.EmbeddedTsa.open(dev.vellum.timestamping.embedded.EmbeddedTsaConfig
                .builder(tsaDir).clock(tsaClock).build());
        writePem(pki.resolve("demo-tsa-chain.pem"), tsa.certificateChain());

        Path mailbox = out.resolve("mailbox");
        Path eml = mailbox.resolve("eml");
        Path maildir = mailbox.resolve("Maildir");
        Files.createDirectories(eml);
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        ByteArrayOutputStream mbox = new ByteArrayOutputStream();
        String[] subjects = {"Invoice %d for March deliveries", "Contract amendment no. %d", "Minutes of board meeting %d",
                "Purchase order %d approved", "Records transfer receipt %d", "Audit request %d"};
        int n = 0;
        for (int i = 0; i < 30; i++) {
            Party signer = signers.get(i % 3);
            ZonedDateTime sent = START.plusDays(3L * i).plusHours(i % 7);
            byte[] message = signedMessage(++n, signer, ca, root, sent, String.format(subjects[i % subjects.length], 1000 + i),
                    "Dear colleague,\n\nplease find the details of item " + (1000 + i) + " below.\nAmount: " + (100 + 7 * i)
                            + " EUR\n\nKind regards,\n" + signer.name() + "\n");
            if (i < 20) {
                Files.write(eml.resolve(String.format("%02d-%s.eml", n, signer.email().split("@")[0])), message);
            } else if (i < 26) {
                appendMbox(mbox, signer.email(), sent, message);
            } else {
                Files.write(maildir.resolve(i % 2 == 0 ? "cur" : "new").resolve(sent.toEpochSecond() + ".M" + n
                        + "P1.demo" + (i % 2 == 0 ? ":2,S" : "")), message);
            }
        }
        Files.write(mailbox.resolve("finance.mbox"), mbox.toByteArray());

        // Two messages from the signer whose certificate was revoked on 2026-03-01 (both signed after it).
        for (int i = 0; i < 2; i++) {
            ZonedDateTime sent = ZonedDateTime.ofInstant(REVOKED_AT, ZoneOffset.UTC).plusDays(10 + i);
            Files.write(eml.resolve(String.format("%02d-revoked-signer.eml", ++n)), signedMessage(n, revoked, ca, root, sent,
                    "Payment instruction " + (2000 + i), "Please pay 9,999 EUR to account 42.\n\nMallory\n"));
        }
        // A message changed after signing: one byte of the signed body.
        byte[] tampered = signedMessage(++n, signers.get(0), ca, root, START.plusDays(100), "Payment of 100 EUR confirmed",
                "The payment of 100 EUR was confirmed.\n\nAlice\n");
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        Files.write(eml.resolve(String.format("%02d-tampered.eml", n)),
                text.replaceFirst("payment of 100 EUR", "payment of 900 EUR").getBytes(StandardCharsets.ISO_8859_1));
        tsa.close();
        // An unsigned message.
        Files.write(eml.resolve(String.format("%02d-unsigned.eml", ++n)), unsignedMessage(n, START.plusDays(101)));
        // Not a message at all.
        byte[] junk = new byte[4096];
        new java.util.Random(42).nextBytes(junk);
        junk[0] = 0;
        Files.write(mailbox.resolve("garbage.eml"), junk);

        writeIndex(out);
        Files.writeString(out.resolve("README.md"), """
                # Vellum demo samples

                Generated once by `DemoSampleGenerator` (batch-jobs test sources) and committed; `./vellum demo`
                ingests `mailbox/`. Everything here is TEST ONLY: the keys were thrown away after signing.

                - `pki/demo-trust-anchor.pem` — the demo root CA, the trust anchor for validation
                - `pki/demo-issuing-ca.pem`, `pki/demo-issuing-ca.crl` — the issuing CA and its CRL of 2026-06-01
                  (revokes Mallory's certificate as of 2026-03-01, reason keyCompromise)
                - `pki/demo-root-ca.crl` — the root's CRL of 2026-06-01 (the issuing CA is not revoked)
                - `pki/demo-tsa-chain.pem` — the demo TSA that time-stamped every signature (CAdES B-T), a trust
                  anchor for time-stamps
                - `pki/<signer>.pem` — each signer's certificate chain
                - `mailbox/eml/` — 20 S/MIME messages (CAdES B-T, made with es-formats) from three signers (one
                  with a non-ASCII name), two from
                  the revoked signer (signed after the revocation), one tampered after signing, one unsigned
                - `mailbox/finance.mbox` — 6 signed messages in an mbox
                - `mailbox/Maildir/` — 4 signed messages in a Maildir
                - `mailbox/garbage.eml` — random bytes, to be quarantined
                """);
    }

    private static void writeIndex(Path out) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("INDEX.txt")).sorted().toList();
        }
        Files.writeString(out.resolve("INDEX.txt"), "# files bundled for `vellum demo`\n" + String.join("\n", files) + "\n");
    }

    /** A CAdES B-B S/MIME message made by es-formats, extended to B-T with the demo TSA five minutes later. */
    private byte[] signedMessage(int n, Party signer, X509Certificate ca, X509Certificate root, ZonedDateTime sent,
                                 String subject, String body) throws Exception {
        java.time.Clock at = java.time.Clock.fixed(sent.toInstant(), ZoneOffset.UTC);
        byte[] entity = ("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("From", new InternetAddress(signer.email(), signer.name(), "UTF-8").toString());
        headers.put("To", "records@vellum.example");
        headers.put("Subject", jakarta.mail.internet.MimeUtility.encodeText(subject, "UTF-8", "Q"));
        headers.put("Message-ID", "<demo-" + n + "@vellum.example>");
        byte[] message = dev.vellum.formats.create.CadesSigner
                .builder(dev.vellum.formats.create.SigningKey.of(signer.keys().getPrivate(),
                        List.of(signer.certificate(), ca, root)))
                .clock(at)
                .build()
                .signSmime(entity, new dev.vellum.formats.create.SmimeMessageWriter.Headers(headers));
        tsaClock.set(sent.toInstant().plusSeconds(300));
        return dev.vellum.formats.extend.CadesExtender.builder().timestampSource(tsa).clock(tsaClock).build()
                .extend(new dev.vellum.formats.SignedDocumentReader().read(message),
                        dev.vellum.formats.extend.ExtensionTarget.T)
                .output();
    }

    private static byte[] unsignedMessage(int n, ZonedDateTime sent) throws Exception {
        MimeMessage message = message(n, "Dave Plain", "dave@records.example", sent, "Lunch on Friday?");
        message.setText("No signature on this one.\n", "UTF-8");
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    private static MimeMessage message(int n, String name, String email, ZonedDateTime sent, String subject)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<demo-" + n + "@vellum.example>");
            }
        };
        message.setFrom(new InternetAddress(email, name, "UTF-8"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("records@vellum.example"));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(sent.toInstant()));
        return message;
    }

    private static void appendMbox(ByteArrayOutputStream mbox, String sender, ZonedDateTime sent, byte[] message)
            throws IOException {
        String envelope = "From " + sender + " " + java.time.format.DateTimeFormatter
                .ofPattern("EEE MMM d HH:mm:ss yyyy", java.util.Locale.ROOT).format(sent) + "\n";
        mbox.write(envelope.getBytes(StandardCharsets.US_ASCII));
        // mboxrd quoting; stored with the message's own line endings (the reader gives the bytes back).
        String text = new String(message, StandardCharsets.ISO_8859_1).replaceAll("(?m)^(>*From )", ">$1");
        mbox.write(text.getBytes(StandardCharsets.ISO_8859_1));
        if (message.length > 0 && message[message.length - 1] != '\n') {
            mbox.write('\n');
        }
        mbox.write('\n');
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey,
                                               X509Certificate issuerCert, boolean ca) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs(),
                Date.from(START.minusDays(5).toInstant()), Date.from(NOT_AFTER), subject, keys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        if (issuerCert != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
        }
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static X509CRLHolder crl(X500Name issuer, PrivateKey key, X509Certificate revoked) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(CRL_ISSUED));
        builder.setNextUpdate(Date.from(NOT_AFTER));
        if (revoked != null) {
            builder.addCRLEntry(revoked.getSerialNumber(), Date.from(REVOKED_AT), CRLReason.keyCompromise);
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key));
    }

    private static void writePem(Path file, List<X509Certificate> certificates) throws IOException {
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        }
    }
}
