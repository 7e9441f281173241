package dev.vellum.validation.process;

import dev.vellum.validation.report.SignerIdentity;
import java.security.cert.X509Certificate;

/** Who a certificate names, for reports. */
public final class Identities {

    private Identities() {
    }

    public static SignerIdentity of(X509Certificate certificate) {
        return BasicSignatureValidation.identity(certificate);
    }
}
