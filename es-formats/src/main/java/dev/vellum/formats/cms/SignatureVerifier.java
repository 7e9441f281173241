package dev.vellum.formats.cms;

import dev.vellum.formats.Check;
import dev.vellum.formats.SignedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentVerifier;

/** Verifies a SignerInfo's signature value with one candidate certificate's public key (RFC 5652 §5.6). */
public final class SignatureVerifier {
    private SignatureVerifier() {
    }

    /**
     * @param content the signed content, needed only when there are no signed attributes
     */
    public static Check verify(RawSignerInfo signer, X509Certificate certificate, SignedContent content,
                               java.util.List<X509Certificate> pool) {
        try {
            SignerInformationVerifier verifier = SignerInfoVerifiers.of(publicKey(certificate, pool));
            ASN1Set signedAttrs = signer.signedAttributeSet();
            if (signedAttrs != null) {
                if (verifyOver(verifier, signer, signer.signedAttributesForVerification())) {
                    return Check.passed("signature over the DER signed attributes verifies with "
                            + certificate.getSubjectX500Principal().getName());
                }
                byte[] stored = Encodings.asStored(signedAttrs);
                stored[0] = 0x31;
                if (verifyOver(verifier, signer, stored)) {
                    return Check.passed("signature verifies over the signed attributes as stored (not DER-sorted)");
                }
                return Check.failed("signature value does not verify over the signed attributes with the key of "
                        + certificate.getSubjectX500Principal().getName());
            }
            if (content == null) {
                return Check.notChecked("no signed attributes and no content to verify the signature over");
            }
            ContentVerifier cv = verifier.getContentVerifier(signer.parsed().getDigestEncryptionAlgorithm(),
                    signer.parsed().getDigestAlgorithm());
            try (OutputStream out = cv.getOutputStream(); InputStream in = content.open()) {
                in.transferTo(out);
            }
            return cv.verify(signer.signatureOctets())
                    ? Check.passed("signature over the content verifies with " + certificate.getSubjectX500Principal().getName())
                    : Check.failed("signature value does not verify over the content (no signed attributes)");
        } catch (Exception e) {
            return Check.failed("signature cannot be verified: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A DSA key may inherit its parameters from the issuer's key (RFC 3279 §2.3.2; RFC 4134 Diane). */
    private static java.security.PublicKey publicKey(X509Certificate certificate, java.util.List<X509Certificate> pool)
            throws java.security.GeneralSecurityException {
        java.security.PublicKey key = certificate.getPublicKey();
        if (key instanceof java.security.interfaces.DSAPublicKey dsa && dsa.getParams() == null) {
            for (X509Certificate issuer : pool) {
                if (issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                        && issuer.getPublicKey() instanceof java.security.interfaces.DSAPublicKey parent
                        && parent.getParams() != null) {
                    var p = parent.getParams();
                    return java.security.KeyFactory.getInstance("DSA", Bc.PROVIDER).generatePublic(
                            new java.security.spec.DSAPublicKeySpec(dsa.getY(), p.getP(), p.getQ(), p.getG()));
                }
            }
        }
        return key;
    }

    private static boolean verifyOver(SignerInformationVerifier verifier, RawSignerInfo signer, byte[] data)
            throws Exception {
        ContentVerifier cv = verifier.getContentVerifier(signer.parsed().getDigestEncryptionAlgorithm(),
                signer.parsed().getDigestAlgorithm());
        try (OutputStream out = cv.getOutputStream()) {
            out.write(data);
        } catch (IOException e) {
            return false;
        }
        return cv.verify(signer.signatureOctets());
    }
}
