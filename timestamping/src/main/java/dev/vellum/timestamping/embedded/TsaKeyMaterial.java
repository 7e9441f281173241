package dev.vellum.timestamping.embedded;

import dev.vellum.timestamping.BouncyCastle;
import dev.vellum.timestamping.TimestampException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded TSA's signing key and certificate chain (TSA certificate first, root last).
 *
 * <p>Either loaded from a PKCS#12 file the operator provides, or generated on first start into the
 * data directory: an EC P-256 root and a TSA certificate under it, both clearly labelled as not for
 * production. A generated TSA certificate that is not valid at the clock's current time (expired,
 * or a clock set before it) is replaced by a fresh one under the same root while the root (three
 * TSA lifetimes long) is valid; the TSA certificate never outlives its root.
 */
public final class TsaKeyMaterial {
    /** Subject of a generated TSA certificate: says plainly what it is. */
    public static final String GENERATED_TSA_SUBJECT =
            "CN=Vellum Embedded Test TSA (NOT FOR PRODUCTION), OU=Test and air-gap use only, O=Vellum";
    /** Subject of a generated root. */
    public static final String GENERATED_ROOT_SUBJECT =
            "CN=Vellum Embedded Test TSA Root (NOT FOR PRODUCTION), OU=Test and air-gap use only, O=Vellum";

    static final String KEYSTORE_FILE = "tsa.p12";
    static final String PASSWORD_FILE = "tsa.p12.password";
    private static final String TSA_ALIAS = "tsa";
    private static final String ROOT_ALIAS = "root";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final boolean generated;

    private TsaKeyMaterial(PrivateKey privateKey, List<X509Certificate> chain, boolean generated) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.generated = generated;
    }

    /** The TSA's signing key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The TSA certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** TSA certificate first, then its issuers up to the root when known. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Whether Vellum generated this key (a test / air-gap TSA) rather than loading an operator's. */
    public boolean generated() {
        return generated;
    }

    /** The chain as PEM, TSA certificate first. */
    public String chainPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (X509Certificate c : chain) {
                pem.writeObject(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Loads an operator-provided key and chain from PKCS#12 (alias: the first key entry if null). */
    public static TsaKeyMaterial fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String chosen = alias;
            if (chosen == null) {
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        chosen = a;
                        break;
                    }
                }
            }
            if (chosen == null || !ks.isKeyEntry(chosen)) {
                throw new TimestampException("the PKCS#12 file " + file + " has no private key entry"
                        + (alias == null ? "" : " named " + alias));
            }
            PrivateKey key = (PrivateKey) ks.getKey(chosen, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(chosen)) {
                chain.add((X509Certificate) c);
            }
            requireTsaCertificate(file, chain.get(0));
            return new TsaKeyMaterial(key, chain, false);
        } catch (IOException | GeneralSecurityException e) {
            throw new TimestampException("cannot load the TSA key from PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    // RFC 3161 §2.3: a TSA certificate has exactly one extended key usage, id-kp-timeStamping, critical.
    // Refusing at start is kinder than every client refusing every token later.
    private static void requireTsaCertificate(Path file, X509Certificate certificate) throws GeneralSecurityException {
        boolean critical = certificate.getCriticalExtensionOIDs() != null
                && certificate.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId());
        List<String> usages = certificate.getExtendedKeyUsage();
        if (!critical || usages == null || !usages.equals(List.of(KeyPurposeId.id_kp_timeStamping.getId()))) {
            throw new TimestampException("the certificate in " + file + " (" + certificate.getSubjectX500Principal()
                    + ") cannot sign time-stamps: RFC 3161 requires a critical extended key usage of id-kp-timeStamping only, found "
                    + (usages == null ? "none" : usages + (critical ? " (critical)" : " (not critical)")));
        }
    }

    /**
     * Loads the generated key material from {@code dataDirectory}, generating it on first start and
     * replacing a TSA certificate that is not valid at {@code clock}'s current time.
     */
    public static TsaKeyMaterial loadOrGenerate(Path dataDirectory, Clock clock, Duration tsaValidity) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
            Path keystore = dataDirectory.resolve(KEYSTORE_FILE);
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            Instant now = clock.instant();
            if (Files.exists(keystore)) {
                char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(keystore))) {
                    ks.load(in, password);
                }
                X509Certificate root = (X509Certificate) ks.getCertificate(ROOT_ALIAS);
                X509Certificate tsa = (X509Certificate) ks.getCertificate(TSA_ALIAS);
                if (validAt(tsa, now)) {
                    PrivateKey key = (PrivateKey) ks.getKey(TSA_ALIAS, password);
                    return new TsaKeyMaterial(key, List.of(tsa, root), true);
                }
                if (validAt(root, now)) {
                    PrivateKey rootKey = (PrivateKey) ks.getKey(ROOT_ALIAS, password);
                    return issueAndStore(dataDirectory, root, rootKey, now, tsaValidity);
                }
            }
            KeyPair rootPair = ecKeyPair();
            X509Certificate root = rootCertificate(rootPair, now, tsaValidity.multipliedBy(3));
            return issueAndStore(dataDirectory, root, rootPair.getPrivate(), now, tsaValidity);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new TimestampException("cannot load or create the embedded TSA's key in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean validAt(X509Certificate c, Instant t) {
        return c != null && !t.isBefore(c.getNotBefore().toInstant()) && !t.isAfter(c.getNotAfter().toInstant());
    }

    private static TsaKeyMaterial issueAndStore(Path dir, X509Certificate root, PrivateKey rootKey, Instant now,
                                                Duration validity)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair tsaPair = ecKeyPair();
        X509Certificate tsa = tsaCertificate(tsaPair, root, rootKey, now, validity);
        char[] password = newPassword();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(TSA_ALIAS, tsaPair.getPrivate(), password, new Certificate[] {tsa, root});
        ks.setKeyEntry(ROOT_ALIAS, rootKey, password, new Certificate[] {root});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ks.store(bytes, password);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        DurableFiles.replace(passwordFile, (new String(password) + "\n").getBytes(StandardCharsets.US_ASCII));
        restrictToOwner(passwordFile);
        DurableFiles.replace(dir.resolve(KEYSTORE_FILE), bytes.toByteArray());
        restrictToOwner(dir.resolve(KEYSTORE_FILE));
        return new TsaKeyMaterial(tsaPair.getPrivate(), List.of(tsa, root), true);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Non-POSIX file system: the directory's own protection applies.
        }
    }

    private static char[] newPassword() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).toCharArray();
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    private static X509Certificate rootCertificate(KeyPair pair, Instant now, Duration validity)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        X500Name name = new X500Name(GENERATED_ROOT_SUBJECT);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), name, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        return sign(b, pair.getPrivate());
    }

    private static X509Certificate tsaCertificate(KeyPair pair, X509Certificate root, PrivateKey rootKey, Instant now,
                                                  Duration validity)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(root.getNotAfter().toInstant())) {
            notAfter = root.getNotAfter().toInstant();
        }
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(root, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(notAfter),
                new X500Name(GENERATED_TSA_SUBJECT), pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                // RFC 3161 §2.3: the only extended key usage, and critical.
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root));
        return sign(b, rootKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.provider())
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(BouncyCastle.provider()).build(key)));
    }
}
