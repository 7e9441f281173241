package dev.vellum.testkit.pki;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Crypto operators shared by the PKI's builders: signers, digests, JDK conversions. */
final class Crypto {
    /** A private Bouncy Castle instance: the tests of other modules must not depend on a registered provider. */
    static final Provider BC = new BouncyCastleProvider();

    private static final DigestCalculatorProvider DIGESTS = digestProvider();

    private Crypto() {
    }

    /** The signature algorithm an issuer with this key uses by default. */
    static String defaultSignatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "RSASSA-PSS" -> "SHA256withRSAandMGF1";
            case "EC", "ECDSA" -> {
                int bits = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
                yield bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
            }
            case "EdDSA", "Ed25519" -> "Ed25519";
            default -> throw new TestPkiException("no default signature algorithm for a " + key.getAlgorithm() + " key");
        };
    }

    /** A content signer; a tampered one flips a bit of every signature it makes, so the result fails verification. */
    static ContentSigner signer(PrivateKey key, String algorithm, boolean tampered) {
        ContentSigner signer;
        try {
            signer = new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key);
        } catch (OperatorCreationException e) {
            throw new TestPkiException("cannot sign with " + algorithm + " using a " + key.getAlgorithm() + " key", e);
        }
        return tampered ? new TamperingSigner(signer) : signer;
    }

    static DigestCalculatorProvider digests() {
        return DIGESTS;
    }

    static byte[] digest(String jcaAlgorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(jcaAlgorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new TestPkiException("no " + jcaAlgorithm + " digest", e);
        }
    }

    static X509Certificate toJdk(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (Exception e) {
            throw new TestPkiException("the JDK cannot read the certificate " + holder.getSubject(), e);
        }
    }

    static X509CRL toJdk(X509CRLHolder holder) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(holder.getEncoded()));
        } catch (Exception e) {
            throw new TestPkiException("the JDK cannot read the CRL of " + holder.getIssuer(), e);
        }
    }

    private static DigestCalculatorProvider digestProvider() {
        try {
            return new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private record TamperingSigner(ContentSigner delegate) implements ContentSigner {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return delegate.getAlgorithmIdentifier();
        }

        @Override
        public OutputStream getOutputStream() {
            return delegate.getOutputStream();
        }

        @Override
        public byte[] getSignature() {
            byte[] signature = delegate.getSignature();
            // The last byte keeps DER-encoded ECDSA signatures well-formed while making them wrong.
            signature[signature.length - 1] ^= 0x01;
            return signature;
        }
    }
}
