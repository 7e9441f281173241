package dev.vellum.formats.create.attributes;

import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import dev.vellum.timestamping.DigestAlgorithm;
import java.security.cert.CertificateEncodingException;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;

/**
 * ESS signing-certificate-v2 over the whole DER certificate with the signature's digest algorithm;
 * signing-certificate (v1) only when that is SHA-1 (EN 319 122-1 §5.2.2, reqs g–j). No issuerSerial
 * (req g: should not be included).
 */
public final class SigningCertificateAttribute implements SignedAttributeBuilder {
    @Override
    public Optional<Attribute> build(SigningContext context) {
        DigestAlgorithm alg = context.digestAlgorithm();
        byte[] der;
        try {
            der = context.key().certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new SignatureFormatException("cannot encode the signer certificate", e);
        }
        byte[] hash = alg.digest(der);
        if (alg == DigestAlgorithm.SHA1) {
            return Optional.of(new Attribute(CadesOids.SIGNING_CERTIFICATE,
                    new DERSet(new SigningCertificate(new ESSCertID(hash)))));
        }
        // BC omits hashAlgorithm when it is SHA-256 without parameters (the ASN.1 DEFAULT)
        return Optional.of(new Attribute(CadesOids.SIGNING_CERTIFICATE_V2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(alg.algorithmIdentifier(), hash)))));
    }
}
