package dev.vellum.formats.cms;

import java.security.PublicKey;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Bouncy Castle SignerInfo verifiers (RFC 5652 §5.6) for a public key, built from parts made once:
 * {@code JcaSimpleSignerInfoVerifierBuilder} rebuilds its algorithm-name tables on every call, which
 * cost as much as an RSA verification. The parts hold no per-verification state. Thread-safe.
 */
public final class SignerInfoVerifiers {
    private static final CMSSignatureAlgorithmNameGenerator NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final SignatureAlgorithmIdentifierFinder ALGORITHMS = new DefaultSignatureAlgorithmIdentifierFinder();
    private static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SignerInfoVerifiers() {
    }

    /** A verifier for {@code key} that checks each signature value once (see {@link ContentVerifiers}). */
    public static SignerInformationVerifier of(PublicKey key) throws OperatorCreationException {
        return new SignerInformationVerifier(NAMES, ALGORITHMS, ContentVerifiers.of(key), DIGESTS);
    }
}
