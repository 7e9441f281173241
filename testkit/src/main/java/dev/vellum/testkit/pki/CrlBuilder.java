package dev.vellum.testkit.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Builds a CRL of one CA from the PKI's revocation database: {@code pki.crl(pki.intermediate()).at(t).build()}.
 * It lists the revocations in effect at {@code thisUpdate}, with their reason codes (RFC 5280 §5.3.1).
 */
public final class CrlBuilder {
    private final TestPki pki;
    private final CertificateAuthority authority;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private X509CRL deltaBase;
    private Credential signer;
    private String signatureAlgorithm;
    private boolean badSignature;
    private BigInteger crlNumber;
    private URI freshestCrl;

    CrlBuilder(TestPki pki, CertificateAuthority authority) {
        this.pki = pki;
        this.authority = authority;
    }

    /** thisUpdate (default: the PKI clock's now). */
    public CrlBuilder at(Instant thisUpdate) {
        this.thisUpdate = Objects.requireNonNull(thisUpdate, "thisUpdate");
        return this;
    }

    /** nextUpdate (default: seven days after thisUpdate). */
    public CrlBuilder nextUpdate(Instant nextUpdate) {
        this.nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate");
        return this;
    }

    /**
     * Make a delta CRL (RFC 5280 §5.2.4) against this base: it lists the revocations in effect at thisUpdate
     * that the base does not list, and carries a critical deltaCRLIndicator with the base's CRL number.
     */
    public CrlBuilder deltaOf(X509CRL base) {
        this.deltaBase = Objects.requireNonNull(base, "base");
        return this;
    }

    /** Sign with another credential, whose subject becomes the CRL issuer (wrong-issuer scenarios). */
    public CrlBuilder signedBy(Credential signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
        return this;
    }

    /** The signature algorithm (default: the one matching the signer's key), e.g. {@code SHA1withECDSA}. */
    public CrlBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = Objects.requireNonNull(jcaName, "jcaName");
        return this;
    }

    /** Corrupt the signature so that the CRL does not verify. */
    public CrlBuilder badSignature() {
        this.badSignature = true;
        return this;
    }

    /** The cRLNumber (default: the CA's next number). */
    public CrlBuilder crlNumber(BigInteger number) {
        this.crlNumber = Objects.requireNonNull(number, "number");
        return this;
    }

    /** Add a freshestCRL extension pointing at the delta CRL's URL. */
    public CrlBuilder freshestCrl(URI deltaUrl) {
        this.freshestCrl = Objects.requireNonNull(deltaUrl, "deltaUrl");
        return this;
    }

    /** Sign the CRL. */
    public X509CRL build() {
        Instant issued = (thisUpdate != null ? thisUpdate : pki.clock().instant()).truncatedTo(ChronoUnit.SECONDS);
        Instant next = nextUpdate != null ? nextUpdate : issued.plus(Duration.ofDays(7));
        Credential signing = signer != null ? signer : authority.credential();
        X500Name issuerName = X500Name.getInstance(signing.certificate().getSubjectX500Principal().getEncoded());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuerName, Date.from(issued));
        builder.setNextUpdate(Date.from(next));
        for (Revocation revocation : authority.revocationsAt(issued)) {
            if (deltaBase != null && deltaBase.getRevokedCertificate(revocation.serialNumber()) != null) {
                continue;
            }
            builder.addCRLEntry(revocation.serialNumber(), Date.from(revocation.revocationTime()), entryExtensions(revocation));
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(signing.publicKey()));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(crlNumber != null ? crlNumber : authority.nextCrlNumber()));
            if (deltaBase != null) {
                builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(crlNumberOf(deltaBase)));
            }
            if (freshestCrl != null) {
                GeneralNames names = new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, freshestCrl.toString()));
                builder.addExtension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(names), null, null)}));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new TestPkiException("cannot add the CRL extensions of " + authority.name(), e);
        }
        String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                : Crypto.defaultSignatureAlgorithm(signing.privateKey());
        return Crypto.toJdk(builder.build(Crypto.signer(signing.privateKey(), algorithm, badSignature)));
    }

    /** The cRLNumber of a CRL, or 0 when it has none. */
    static BigInteger crlNumberOf(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return BigInteger.ZERO;
        }
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets()).getValue();
    }

    private static Extensions entryExtensions(Revocation revocation) {
        if (revocation.reason() == RevocationReason.UNSPECIFIED) {
            return null; // RFC 5280 §5.3.1: the reason code unspecified SHOULD be absent
        }
        try {
            ExtensionsGenerator generator = new ExtensionsGenerator();
            generator.addExtension(Extension.reasonCode, false, new ASN1Enumerated(revocation.reason().code()));
            return generator.generate();
        } catch (IOException e) {
            throw new TestPkiException("cannot encode the reason code of serial " + revocation.serialNumber(), e);
        }
    }
}
