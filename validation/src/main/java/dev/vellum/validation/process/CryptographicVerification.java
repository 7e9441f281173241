package dev.vellum.validation.process;

import dev.vellum.validation.SubIndication;
import dev.vellum.validation.cms.CmsSignature;
import java.security.cert.X509Certificate;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * EN 319 102-1 §5.2.7 cryptographic verification: the message-digest attribute against the signed
 * content (HASH_FAILURE) and the signature value against the signer's key (SIG_CRYPTO_FAILURE).
 */
public final class CryptographicVerification {

    private CryptographicVerification() {
    }

    public static Conclusion cryptographicVerification(CmsSignature signature, X509Certificate signer) {
        if (signature.signedContent().isEmpty()) {
            return Conclusion.indeterminate(SubIndication.SIGNED_DATA_NOT_FOUND,
                    "the signature is detached and its content was not supplied");
        }
        try {
            // Built from the key, not the certificate: validity at signing-time is judged by §5.2.6, not here.
            boolean ok = signature.signerInformation().verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build(signer.getPublicKey()));
            return ok ? Conclusion.PASSED : Conclusion.failed(SubIndication.SIG_CRYPTO_FAILURE,
                    "the signature value does not verify with the signer's public key");
        } catch (CMSSignerDigestMismatchException e) {
            return Conclusion.failed(SubIndication.HASH_FAILURE,
                    "the content does not match the signed message-digest attribute");
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.contains("content-type")) {
                return Conclusion.failed(SubIndication.FORMAT_FAILURE, "content-type attribute: " + reason);
            }
            return Conclusion.failed(SubIndication.SIG_CRYPTO_FAILURE, "the signature cannot be verified: " + reason);
        }
    }
}
