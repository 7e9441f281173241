package dev.vellum.formats;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x509.Extension;

/** A SignerInfo's sid: issuer and serial number, or subject key identifier (RFC 5652 §5.3). */
public record SignerIdentifier(Optional<X500Principal> issuer, Optional<BigInteger> serialNumber,
                               Optional<byte[]> subjectKeyIdentifier) {

    static SignerIdentifier of(dev.vellum.formats.cms.RawSignerInfo raw) {
        org.bouncycastle.asn1.cms.SignerIdentifier sid = raw.parsed().getSID();
        if (sid.isTagged()) {
            return new SignerIdentifier(Optional.empty(), Optional.empty(),
                    Optional.of(ASN1OctetString.getInstance(sid.getId()).getOctets()));
        }
        IssuerAndSerialNumber ias = IssuerAndSerialNumber.getInstance(sid.getId());
        return new SignerIdentifier(Optional.of(raw.sidIssuer()), Optional.of(ias.getSerialNumber().getValue()), Optional.empty());
    }

    /** Whether the certificate is the one this sid names; a certificate with a malformed SKI extension is not. */
    public boolean matches(X509Certificate certificate) {
        try {
            return matchesOrThrow(certificate);
        } catch (RuntimeException malformedExtension) {
            return false;
        }
    }

    private boolean matchesOrThrow(X509Certificate certificate) {
        if (subjectKeyIdentifier.isPresent()) {
            byte[] ext = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            if (ext == null) {
                return false;
            }
            byte[] ski = ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getOctets();
            return Arrays.equals(ski, subjectKeyIdentifier.get());
        }
        if (!serialNumber.get().equals(certificate.getSerialNumber())) {
            return false;
        }
        X500Principal certificateIssuer = certificate.getIssuerX500Principal();
        // equal encodings are equal names; otherwise compare by X500Principal's canonical form
        return Arrays.equals(issuer.get().getEncoded(), certificateIssuer.getEncoded()) || issuer.get().equals(certificateIssuer);
    }

    @Override
    public String toString() {
        return subjectKeyIdentifier.map(s -> "SKI " + org.bouncycastle.util.encoders.Hex.toHexString(s))
                .orElseGet(() -> issuer.get().getName() + " #" + serialNumber.get().toString(16));
    }

}
