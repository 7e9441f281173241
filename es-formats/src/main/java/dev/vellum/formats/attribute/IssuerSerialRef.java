package dev.vellum.formats.attribute;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * The issuer and serial number hint of a certificate reference (ESS IssuerSerial). Only a hint:
 * the binding is the certificate hash (EN 319 122-1 §5.2.2.3).
 *
 * @param issuer the first directoryName of the GeneralNames, if any
 */
public record IssuerSerialRef(Optional<X500Principal> issuer, BigInteger serialNumber) {

    public boolean matches(X509Certificate certificate) {
        return certificate.getSerialNumber().equals(serialNumber)
                && issuer.map(i -> i.equals(certificate.getIssuerX500Principal())).orElse(true);
    }
}
