package dev.vellum.testkit.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A certificate with its private key and chain.
 *
 * @param name the name it was issued under in its {@link TestPki} (also its URL path segment)
 * @param certificate the certificate
 * @param privateKey the matching private key
 * @param chain the certificate first, then its issuers up to and including the root
 */
public record Credential(String name, X509Certificate certificate, PrivateKey privateKey,
                         List<X509Certificate> chain) {

    public Credential {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain of " + name + " must start with its certificate");
        }
    }

    /** The certificate's public key. */
    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    /** Public and private key together (to certify the same key again). */
    public KeyPair keyPair() {
        return new KeyPair(publicKey(), privateKey);
    }

    /** The certificate's serial number. */
    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /**
     * The signature algorithm this key signs with by default (Bouncy Castle JCA name): PKCS#1 v1.5 for an
     * rsaEncryption key (use {@link KeyType#RSA_PSS}{@code .signatureAlgorithm()} for PSS), PSS for an
     * id-RSASSA-PSS key, ECDSA with the hash matching the curve, Ed25519.
     */
    public String signatureAlgorithm() {
        return Crypto.defaultSignatureAlgorithm(privateKey);
    }

    /** The issuer's certificate; empty for a self-signed certificate. */
    public Optional<X509Certificate> issuerCertificate() {
        return chain.size() > 1 ? Optional.of(chain.get(1)) : Optional.empty();
    }

    /** The certificate as a Bouncy Castle holder (for CMS and TSP builders). */
    public X509CertificateHolder certificateHolder() {
        return holder(certificate);
    }

    /** The whole chain as Bouncy Castle holders, certificate first. */
    public List<X509CertificateHolder> chainHolders() {
        return chain.stream().map(Credential::holder).toList();
    }

    /** A PKCS#12 file holding the key and chain under the alias {@link #name()}. */
    public byte[] toPkcs12(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(name, privateKey, password, chain.toArray(X509Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new TestPkiException("cannot write a PKCS#12 file for " + name, e);
        }
    }

    /** The certificate as PEM. */
    public String certificatePem() {
        return Pem.encode("CERTIFICATE", encoded(certificate));
    }

    /** The chain as concatenated PEM certificates, certificate first. */
    public String chainPem() {
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(Pem.encode("CERTIFICATE", encoded(c))));
        return pem.toString();
    }

    /** The private key as unencrypted PKCS#8 PEM. */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    @Override
    public String toString() {
        return "Credential[" + name + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new TestPkiException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | CertificateEncodingException e) {
            throw new TestPkiException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }
}
