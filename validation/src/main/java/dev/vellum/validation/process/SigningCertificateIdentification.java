package dev.vellum.validation.process;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.attribute.CertificateRef;
import dev.vellum.validation.SubIndication;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public static Result identifySigningCertificate(CadesSignature signature, List<X509Certificate> candidates) {
        List<X509Certificate> matching = new ArrayList<>();
        dev.vellum.formats.SignerIdentifier sid = null; // es-formats decodes it on every call: once per signature
        for (X509Certificate c : candidates) {
            if (sid == null) {
                sid = signature.signerIdentifier();
            }
            if (sid.matches(c) && !matching.contains(c)) {
                matching.add(c);
            }
        }
        if (matching.isEmpty()) {
            return new Result(Optional.empty(), Conclusion.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "no certificate at hand matches the signer identifier " + signature.signerIdentifier()));
        }
        Optional<CertificateRef> ref;
        try {
            ref = signature.signedAttributes().signerCertificateRef();
        } catch (RuntimeException malformed) {
            return new Result(Optional.empty(), Conclusion.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the ESS signing-certificate attribute cannot be decoded: " + malformed.getMessage()));
        }
        if (ref.isEmpty()) {
            return new Result(Optional.of(preferVerifying(signature, matching)), Conclusion.PASSED);
        }
        for (X509Certificate c : matching) {
            if (ref.get().matches(c)) {
                return new Result(Optional.of(c), Conclusion.PASSED);
            }
        }
        return new Result(Optional.empty(), Conclusion.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                "the certificate named by the signer identifier does not match the " + ref.get().source()
                        + " digest of the signing-certificate attribute"));
    }

    private static X509Certificate preferVerifying(CadesSignature signature, List<X509Certificate> matching) {
        return signature.signingCertificate().filter(matching::contains).orElse(matching.get(0));
    }
}
