package dev.vellum.formats.cms;

import java.io.OutputStream;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jcajce.CompositePublicKey;
import org.bouncycastle.jcajce.io.OutputStreamFactory;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RawContentVerifier;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * JCA content verifiers (keys other than elliptic-curve ones, see {@link ContentVerifiers}) that verify
 * a signature value once. Bouncy Castle's
 * {@code JcaContentVerifierProviderBuilder} pairs each verifier with a "raw" signature (for
 * SignerInfos without signed attributes) and, after every verification, verifies the signature
 * value a second time with that raw signature only to reset it — a full ECDSA or RSA verification
 * thrown away. Here the raw signature is made only when a caller asks for a raw verification.
 * Algorithms with parameters to interpret (RSASSA-PSS), composite keys and anything this class
 * cannot set up go to Bouncy Castle's own provider, so errors read exactly as before.
 */
final class JcaSingleVerifiers {
    private static final DefaultSignatureNameFinder NAMES = new DefaultSignatureNameFinder();
    private static final JcaContentVerifierProviderBuilder BC_VERIFIERS =
            new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER);
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> RAW_AVAILABLE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private JcaSingleVerifiers() {
    }

    /** A provider of verifiers for {@code key} (its shared Bouncy Castle form, see {@link VerificationKeys}). */
    static ContentVerifierProvider of(PublicKey key) throws OperatorCreationException {
        PublicKey shared = VerificationKeys.of(key);
        ContentVerifierProvider bc = BC_VERIFIERS.build(shared);
        return (KeyVerifierProvider) algorithm -> {
            if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSASSA_PSS)
                    || algorithm.getAlgorithm().equals(MiscObjectIdentifiers.id_alg_composite)
                    || shared instanceof CompositePublicKey) {
                return bc.get(algorithm);
            }
            String name;
            Signature signature;
            try {
                name = NAMES.getAlgorithmName(algorithm);
                signature = Signature.getInstance(name, Bc.PROVIDER);
                signature.initVerify(shared);
            } catch (Exception e) {
                return bc.get(algorithm); // Bouncy Castle reports the problem in its own words
            }
            return rawAvailable(name) ? new RawCapableVerifier(algorithm, signature, name, shared)
                    : new SingleVerifier(algorithm, signature);
        };
    }

    /** Whether Bouncy Castle has a raw ("NONEwith...") form of {@code name} (it then gives a RawSigVerifier). */
    private static boolean rawAvailable(String name) {
        return RAW_AVAILABLE.computeIfAbsent(name, n -> {
            try {
                Signature.getInstance(rawName(n), Bc.PROVIDER);
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static String rawName(String name) {
        return "NONE" + name.substring(name.indexOf("WITH"));
    }

    /** Bouncy Castle's SigVerifier. */
    private static class SingleVerifier implements ContentVerifier {
        private final AlgorithmIdentifier algorithm;
        private final Signature signature;
        private final OutputStream stream;

        SingleVerifier(AlgorithmIdentifier algorithm, Signature signature) {
            this.algorithm = algorithm;
            this.signature = signature;
            this.stream = OutputStreamFactory.createStream(signature);
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return stream;
        }

        @Override
        public boolean verify(byte[] expected) {
            try {
                return signature.verify(expected);
            } catch (SignatureException e) {
                throw new RuntimeOperatorException("exception obtaining signature: " + e.getMessage(), e);
            }
        }
    }

    /** Bouncy Castle's RawSigVerifier without the second verification: the raw signature made when needed. */
    private static final class RawCapableVerifier extends SingleVerifier implements RawContentVerifier {
        private final String name;
        private final PublicKey key;

        RawCapableVerifier(AlgorithmIdentifier algorithm, Signature signature, String name, PublicKey key) {
            super(algorithm, signature);
            this.name = name;
            this.key = key;
        }

        /** RFC 5652 §5.6 without signed attributes: the signature over the content digest (DigestInfo for RSA). */
        @Override
        public boolean verify(byte[] digest, byte[] expected) {
            Signature raw;
            try {
                raw = Signature.getInstance(rawName(name), Bc.PROVIDER);
                raw.initVerify(key);
            } catch (Exception e) {
                throw new RuntimeOperatorException("verifier unable to process raw signature: " + e.getMessage(), e);
            }
            try {
                raw.update(digest);
                return raw.verify(expected);
            } catch (SignatureException e) {
                throw new RuntimeOperatorException("exception obtaining raw signature: " + e.getMessage(), e);
            }
        }
    }
}
