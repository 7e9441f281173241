package dev.vellum.validation.process;

import dev.vellum.validation.SubIndication;
import dev.vellum.validation.cms.CmsSignature;
import dev.vellum.validation.crypto.AlgorithmNames;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * EN 319 102-1 §5.2.3 identification of the signing certificate: the certificate the SignerInfo's
 * sid names, among those at hand, confirmed by the ESS signing-certificate(-v2) digest when the
 * signature has one (EN 319 122-1 §5.2.2: the digest binds, issuerSerial is only a hint).
 */
public final class SigningCertificateIdentification {

    /** The identified certificate, or the reason none was. */
    public record Result(Optional<X509Certificate> certificate, Conclusion conclusion) {
    }

    private SigningCertificateIdentification() {
    }

    public static Result identifySigningCertificate(CmsSignature signature, List<X509Certificate> candidates) {
        List<X509Certificate> matching = new ArrayList<>();
        for (X509Certificate c : candidates) {
            try {
                if (signature.signerInformation().getSID().match(new JcaX509CertificateHolder(c)) && !matching.contains(c)) {
                    matching.add(c);
                }
            } catch (Exception e) {
                // an unreadable candidate is skipped
            }
        }
        if (matching.isEmpty()) {
            return new Result(Optional.empty(), Conclusion.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "no certificate at hand matches the SignerInfo's signer identifier"));
        }
        List<CmsSignature.SigningCertificateRef> refs = signature.signingCertificateRefs();
        if (refs.isEmpty()) {
            return new Result(Optional.of(matching.get(0)), Conclusion.PASSED);
        }
        CmsSignature.SigningCertificateRef first = refs.get(0);
        if (first.malformed()) {
            return new Result(Optional.empty(), Conclusion.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the ESS signing-certificate attribute cannot be decoded"));
        }
        for (X509Certificate c : matching) {
            if (digestMatches(first, c)) {
                return new Result(Optional.of(c), Conclusion.PASSED);
            }
        }
        return new Result(Optional.empty(), Conclusion.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                "the certificate named by the signer identifier does not match the ESS signing-certificate digest ("
                        + AlgorithmNames.digestName(first.hashAlgorithmOid()) + ")"));
    }

    private static boolean digestMatches(CmsSignature.SigningCertificateRef ref, X509Certificate c) {
        try {
            String alg = AlgorithmNames.digestName(ref.hashAlgorithmOid());
            MessageDigest md = MessageDigest.getInstance(alg, BouncyCastle.PROVIDER);
            return MessageDigest.isEqual(md.digest(c.getEncoded()), ref.hash());
        } catch (Exception e) {
            return false;
        }
    }
}
