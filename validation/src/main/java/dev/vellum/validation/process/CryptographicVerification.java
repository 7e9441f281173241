package dev.vellum.validation.process;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.Check;
import dev.vellum.validation.SubIndication;
import java.security.cert.X509Certificate;

/**
 * EN 319 102-1 §5.2.7 cryptographic verification, from the checks es-formats computes: the
 * message-digest attribute against the signed content (HASH_FAILURE) and the signature value against
 * the signer's key (SIG_CRYPTO_FAILURE).
 */
public final class CryptographicVerification {

    private CryptographicVerification() {
    }

    public static Conclusion cryptographicVerification(CadesSignature signature, X509Certificate signer) {
        if (signature.signedContent().isEmpty()) {
            return Conclusion.indeterminate(SubIndication.SIGNED_DATA_NOT_FOUND,
                    "the signature is detached and its content was not supplied");
        }
        Check digest = signature.messageDigestCheck();
        if (digest.failed()) {
            return Conclusion.failed(SubIndication.HASH_FAILURE, "message digest: " + digest.detail());
        }
        Check value = signature.signatureValueCheck();
        if (value.failed()) {
            return Conclusion.failed(SubIndication.SIG_CRYPTO_FAILURE, "signature value: " + value.detail());
        }
        if (!value.passed()) {
            return Conclusion.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "signature value: " + value.detail());
        }
        if (signature.signingCertificate().filter(signer::equals).isEmpty()) {
            return Conclusion.failed(SubIndication.SIG_CRYPTO_FAILURE,
                    "the signature value does not verify with the identified signing certificate's key");
        }
        return Conclusion.PASSED;
    }
}
