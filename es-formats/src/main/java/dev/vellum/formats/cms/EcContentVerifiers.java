package dev.vellum.formats.cms;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RawContentVerifier;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;

/**
 * ECDSA verifiers on one shared {@link ECPublicKeyParameters} (see {@link ContentVerifiers} for why).
 * Bouncy Castle's lightweight verifiers have no raw form, which a SignerInfo without signed
 * attributes needs (RFC 5652 §5.6: the signature is then over the content digest itself); this adds
 * it with the same key object.
 */
final class EcContentVerifiers {
    private static final BcECContentVerifierProviderBuilder BUILDER =
            new BcECContentVerifierProviderBuilder(new DefaultDigestAlgorithmIdentifierFinder());

    private EcContentVerifiers() {
    }

    static ContentVerifierProvider of(ECPublicKeyParameters key) throws OperatorCreationException {
        ContentVerifierProvider lightweight = BUILDER.build(key);
        return (KeyVerifierProvider) algorithm -> new RawCapable(lightweight.get(algorithm), key);
    }

    /** The lightweight verifier, plus a verification over a digest the caller computed. */
    private record RawCapable(ContentVerifier verifier, ECPublicKeyParameters key) implements ContentVerifier, RawContentVerifier {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return verifier.getAlgorithmIdentifier();
        }

        @Override
        public OutputStream getOutputStream() {
            return verifier.getOutputStream();
        }

        @Override
        public boolean verify(byte[] expected) {
            return verifier.verify(expected);
        }

        @Override
        public boolean verify(byte[] digest, byte[] expected) {
            BigInteger[] rs;
            try {
                rs = StandardDSAEncoding.INSTANCE.decode(key.getParameters().getN(), expected);
            } catch (IOException | IllegalArgumentException e) {
                return false; // not a DER Ecdsa-Sig-Value: it cannot verify
            }
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, key);
            return signer.verifySignature(digest, rs[0], rs[1]);
        }
    }
}
