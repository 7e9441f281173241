package dev.vellum.validation.process;

import dev.vellum.validation.SubIndication;
import dev.vellum.formats.CadesSignature;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.crypto.AlgorithmUse;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.crypto.Suitability;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * EN 319 102-1 §5.2.8 signature acceptance validation: the signature's algorithms against the
 * crypto-suitability policy at a given time (the validation time in §5.3, best-signature-time in
 * §5.5).
 */
public final class SignatureAcceptanceValidation {

    private SignatureAcceptanceValidation() {
    }

    /** What the signature's digest and signature algorithm amount to, and the policy's word on them. */
    public static Suitability signatureSuitability(CadesSignature signature, X509Certificate signer,
                                                   CryptoSuitabilityPolicy policy) {
        AlgorithmIdentifier sigAlg = signature.rawSignerInfo().parsed().getDigestEncryptionAlgorithm();
        return suitability(sigAlg, signature.digestAlgorithmOid(), signer, policy);
    }

    /** The same for any SignerInfo (e.g. a time-stamp token's), from its algorithms. */
    static Suitability suitability(AlgorithmIdentifier sigAlg, String digestOid, X509Certificate signer,
                                   CryptoSuitabilityPolicy policy) {
        AlgorithmUse use = AlgorithmNames.signatureUse(sigAlg, signer.getPublicKey(), digestOid);
        Suitability s = policy.evaluate(use);
        // The message-digest algorithm (SignerInfo.digestAlgorithm) counts too, even when the
        // signature scheme names another one (EdDSA).
        Suitability digest = policy.evaluateDigest(AlgorithmNames.digestName(digestOid));
        if (!digest.known() || (digest.suitableBefore().isPresent()
                && (s.suitableBefore().isEmpty() || digest.suitableBefore().get().isBefore(s.suitableBefore().get())))) {
            return new Suitability(use, s.known() && digest.known(), digest.suitableBefore(), digest.reason());
        }
        return s;
    }

    public static Conclusion signatureAcceptanceValidation(Suitability suitability, Instant time) {
        if (suitability.isSuitableAt(time)) {
            return Conclusion.PASSED;
        }
        // §5.2.8 reports every crypto constraint failure as ..._NO_POE: only a proof of existence
        // after the sunset (§5.3 content time-stamp, §5.6 past validation) makes it CRYPTO_CONSTRAINTS_FAILURE.
        if (!suitability.known()) {
            return Conclusion.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
                    "signature algorithm " + suitability.use() + ": " + suitability.reason());
        }
        return Conclusion.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
                "signature algorithm " + suitability.use() + " at " + time + ": " + suitability.reason());
    }
}
