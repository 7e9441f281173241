package dev.vellum.testkit.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Issues one extra certificate from a {@link TestPki}: {@code pki.issue("tsa-expired").profile(TSA)
 * .validity(from, to).build()}. Defaults: issued by the intermediate CA, an ECDSA P-256 key, the
 * {@link CertificateProfile#SIGNER} profile, valid from 30 days before the PKI's creation for two years,
 * CRL and OCSP URLs of the live services. A CA certificate becomes an issuer with its own CRL, OCSP
 * answers and caIssuers URL.
 */
public final class CertificateBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestPki pki;
    private final String name;
    private Credential issuer;
    private boolean selfSigned;
    private CertificateProfile profile = CertificateProfile.SIGNER;
    private KeyType keyType = KeyType.ECDSA_P256;
    private KeyPair keyPair;
    private String subject;
    private Instant notBefore;
    private Instant notAfter;
    private BigInteger serialNumber;
    private String signatureAlgorithm;
    private boolean badSignature;
    private Integer keyUsage;
    private boolean noKeyUsage;
    private List<KeyPurposeId> extendedKeyUsage;
    private boolean extendedKeyUsageCritical;
    private boolean noExtendedKeyUsage;
    private String email;
    private boolean noEmail;
    private Integer pathLength;
    private RevocationSource revocationSource = RevocationSource.CRL_AND_OCSP;
    private boolean noCrlDistributionPoint;
    private boolean noAuthorityInformationAccess;
    private boolean noCaIssuers;
    private URI crlUrl;
    private URI ocspUrl;
    private URI caIssuersUrl;
    private final Map<ASN1ObjectIdentifier, Extension> extraExtensions = new LinkedHashMap<>();
    private final Set<ASN1ObjectIdentifier> removedExtensions = new HashSet<>();

    CertificateBuilder(TestPki pki, String name) {
        this.pki = pki;
        this.name = TestPki.checkName(name);
    }

    /** The issuing CA (default: the intermediate). */
    public CertificateBuilder issuer(Credential issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.selfSigned = false;
        return this;
    }

    /** Make a self-signed certificate (a new root when the profile is {@link CertificateProfile#CA}). */
    public CertificateBuilder selfSigned() {
        this.selfSigned = true;
        this.issuer = null;
        return this;
    }

    /** The default extensions (default {@link CertificateProfile#SIGNER}). */
    public CertificateBuilder profile(CertificateProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        return this;
    }

    /** The type of the fresh key pair (default ECDSA P-256). */
    public CertificateBuilder keyType(KeyType keyType) {
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        return this;
    }

    /** Certify an existing key pair (re-keying scenarios, a second certificate for the same key). */
    public CertificateBuilder keyPair(KeyPair keyPair) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        return this;
    }

    /** The subject DN in RFC 4514 form (default {@code CN=<name>, OU=<pki label>, O=Vellum Test PKI, C=DE}). */
    public CertificateBuilder subject(String distinguishedName) {
        this.subject = Objects.requireNonNull(distinguishedName, "distinguishedName");
        return this;
    }

    /** notBefore and notAfter (default: 30 days before the PKI's creation, for two years). */
    public CertificateBuilder validity(Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    /** Valid from {@code notBefore} for {@code duration}. */
    public CertificateBuilder validity(Instant notBefore, Duration duration) {
        return validity(notBefore, notBefore.plus(duration));
    }

    /** The serial number (default: 71 random bits). */
    public CertificateBuilder serialNumber(BigInteger serialNumber) {
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
        return this;
    }

    /** The issuer's signature algorithm, e.g. {@code SHA1withECDSA} or {@code SHA1withRSA} for weak-algorithm cases. */
    public CertificateBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = Objects.requireNonNull(jcaName, "jcaName");
        return this;
    }

    /** Corrupt the certificate's signature so that it does not verify with the issuer's key. */
    public CertificateBuilder badSignature() {
        this.badSignature = true;
        return this;
    }

    /** Key usage bits, e.g. {@code KeyUsage.keyEncipherment} (Bouncy Castle constants), always critical. */
    public CertificateBuilder keyUsage(int bits) {
        this.keyUsage = bits;
        this.noKeyUsage = false;
        return this;
    }

    /** No keyUsage extension at all. */
    public CertificateBuilder withoutKeyUsage() {
        this.noKeyUsage = true;
        return this;
    }

    /** Replace the profile's extendedKeyUsage, e.g. a non-critical timeStamping EKU for a TSA. */
    public CertificateBuilder extendedKeyUsage(boolean critical, KeyPurposeId... purposes) {
        this.extendedKeyUsage = List.of(purposes);
        this.extendedKeyUsageCritical = critical;
        this.noExtendedKeyUsage = false;
        return this;
    }

    /** No extendedKeyUsage extension at all. */
    public CertificateBuilder withoutExtendedKeyUsage() {
        this.noExtendedKeyUsage = true;
        return this;
    }

    /** The rfc822Name of the subjectAltName (default for signers: {@code <name>@vellum.test}). */
    public CertificateBuilder email(String address) {
        this.email = Objects.requireNonNull(address, "address");
        this.noEmail = false;
        return this;
    }

    /** No subjectAltName rfc822Name. */
    public CertificateBuilder withoutEmail() {
        this.noEmail = true;
        return this;
    }

    /** pathLenConstraint of a CA certificate. */
    public CertificateBuilder pathLength(int pathLength) {
        this.pathLength = pathLength;
        return this;
    }

    /** Which revocation pointers the certificate carries (default both CRL and OCSP). */
    public CertificateBuilder revocationSource(RevocationSource source) {
        this.revocationSource = Objects.requireNonNull(source, "source");
        return this;
    }

    /** No CRL distribution points, whatever the revocation source says. */
    public CertificateBuilder withoutCrlDistributionPoint() {
        this.noCrlDistributionPoint = true;
        return this;
    }

    /** No authorityInfoAccess at all (neither OCSP nor caIssuers). */
    public CertificateBuilder withoutAuthorityInformationAccess() {
        this.noAuthorityInformationAccess = true;
        return this;
    }

    /** An AIA without the caIssuers URL (OCSP only, if any). */
    public CertificateBuilder withoutCaIssuers() {
        this.noCaIssuers = true;
        return this;
    }

    /** Point the CRL distribution point somewhere else (e.g. an unreachable or foreign URL). */
    public CertificateBuilder crlUrl(URI url) {
        this.crlUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /** Point the AIA OCSP URL somewhere else. */
    public CertificateBuilder ocspUrl(URI url) {
        this.ocspUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /** Point the AIA caIssuers URL somewhere else. */
    public CertificateBuilder caIssuersUrl(URI url) {
        this.caIssuersUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /** Add an extension, replacing any default one with the same OID. */
    public CertificateBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        put(extraExtensions, oid, critical, value);
        removedExtensions.remove(oid);
        return this;
    }

    /** Drop an extension the profile would add (e.g. {@code Extension.authorityKeyIdentifier}). */
    public CertificateBuilder withoutExtension(ASN1ObjectIdentifier oid) {
        removedExtensions.add(oid);
        extraExtensions.remove(oid);
        return this;
    }

    /** Issue the certificate and register it in the PKI (its CA answers OCSP for it, can revoke it). */
    public Credential build() {
        Instant created = pki.createdAt();
        Instant from = notBefore != null ? notBefore : created.minus(Duration.ofDays(30));
        Instant to = notAfter != null ? notAfter : from.plus(Duration.ofDays(730));
        KeyPair keys = keyPair != null ? keyPair : keyType.generateKeyPair();
        // RFC 4514 strings list the most specific RDN first; the JDK reverses them into DER order, BC would not
        X500Name subjectName = X500Name.getInstance(
                new X500Principal(subject != null ? subject : pki.defaultSubject(name)).getEncoded());
        Credential issuerCredential = selfSigned ? null : issuer != null ? issuer : pki.intermediate();
        CertificateAuthority authority = issuerCredential == null ? null : pki.authority(issuerCredential);
        X500Name issuerName = authority == null ? subjectName
                : X500Name.getInstance(authority.credential().certificate().getSubjectX500Principal().getEncoded());
        BigInteger serial = serialNumber != null ? serialNumber : new BigInteger(71, RANDOM).setBit(70);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial,
                Date.from(from), Date.from(to), subjectName, keys.getPublic());
        try {
            for (Extension extension : extensions(keys.getPublic(), authority).values()) {
                builder.addExtension(extension);
            }
        } catch (CertIOException e) {
            throw new TestPkiException("cannot add the extensions of " + name, e);
        }
        var signingKey = authority == null ? keys.getPrivate() : authority.credential().privateKey();
        String algorithm = signatureAlgorithm != null ? signatureAlgorithm : Crypto.defaultSignatureAlgorithm(signingKey);
        X509CertificateHolder holder = builder.build(Crypto.signer(signingKey, algorithm, badSignature));
        X509Certificate certificate = Crypto.toJdk(holder);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        if (authority != null) {
            chain.addAll(authority.credential().chain());
        }
        Credential credential = new Credential(name, certificate, keys.getPrivate(), chain);
        pki.register(credential, authority, profile == CertificateProfile.CA);
        return credential;
    }

    private Map<ASN1ObjectIdentifier, Extension> extensions(PublicKey subjectKey, CertificateAuthority authority) {
        JcaX509ExtensionUtils utils;
        try {
            utils = new JcaX509ExtensionUtils();
        } catch (NoSuchAlgorithmException e) {
            throw new TestPkiException("no SHA-1 for key identifiers", e);
        }
        PublicKey authorityKey = authority == null ? subjectKey : authority.credential().publicKey();
        Map<ASN1ObjectIdentifier, Extension> extensions = new LinkedHashMap<>();
        put(extensions, Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        put(extensions, Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(authorityKey));
        if (profile == CertificateProfile.CA) {
            put(extensions, Extension.basicConstraints, true,
                    pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        } else {
            put(extensions, Extension.basicConstraints, true, new BasicConstraints(false));
        }
        if (!noKeyUsage) {
            put(extensions, Extension.keyUsage, true, new KeyUsage(keyUsage != null ? keyUsage : defaultKeyUsage()));
        }
        List<KeyPurposeId> purposes = extendedKeyUsage != null ? extendedKeyUsage : defaultExtendedKeyUsage();
        if (!noExtendedKeyUsage && !purposes.isEmpty()) {
            boolean critical = extendedKeyUsage != null ? extendedKeyUsageCritical : profile == CertificateProfile.TSA;
            put(extensions, Extension.extendedKeyUsage, critical,
                    new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
        }
        String address = email != null ? email : profile == CertificateProfile.SIGNER ? name + "@vellum.test" : null;
        if (!noEmail && address != null) {
            put(extensions, Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, address)));
        }
        if (profile == CertificateProfile.OCSP_RESPONDER) {
            put(extensions, OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        }
        if (authority != null) {
            addRevocationPointers(extensions, authority.credential());
        }
        extensions.putAll(extraExtensions);
        removedExtensions.forEach(extensions::remove);
        return extensions;
    }

    // RFC 5280 §4.2.1.13 (CRL distribution points) and §4.2.2.1 (authority information access)
    private void addRevocationPointers(Map<ASN1ObjectIdentifier, Extension> extensions, Credential issuerCredential) {
        if (revocationSource.hasCrl() && !noCrlDistributionPoint) {
            URI url = crlUrl != null ? crlUrl : pki.services().crlUrl(issuerCredential);
            DistributionPoint point = new DistributionPoint(
                    new DistributionPointName(new GeneralNames(uri(url))), null, null);
            put(extensions, Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
        }
        if (!noAuthorityInformationAccess) {
            List<AccessDescription> access = new ArrayList<>();
            if (revocationSource.hasOcsp()) {
                URI url = ocspUrl != null ? ocspUrl : pki.services().ocspUrl();
                access.add(new AccessDescription(X509ObjectIdentifiers.id_ad_ocsp, uri(url)));
            }
            if (!noCaIssuers) {
                URI url = caIssuersUrl != null ? caIssuersUrl : pki.services().caIssuersUrl(issuerCredential);
                access.add(new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers, uri(url)));
            }
            if (!access.isEmpty()) {
                put(extensions, Extension.authorityInfoAccess, false,
                        new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
            }
        }
    }

    private int defaultKeyUsage() {
        return switch (profile) {
            case CA -> KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign;
            case SIGNER, TSA -> KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            case OCSP_RESPONDER -> KeyUsage.digitalSignature;
        };
    }

    private List<KeyPurposeId> defaultExtendedKeyUsage() {
        return switch (profile) {
            case CA -> List.of();
            case SIGNER -> List.of(KeyPurposeId.id_kp_emailProtection);
            case TSA -> List.of(KeyPurposeId.id_kp_timeStamping);
            case OCSP_RESPONDER -> List.of(KeyPurposeId.id_kp_OCSPSigning);
        };
    }

    private static GeneralName uri(URI url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url.toString());
    }

    private static void put(Map<ASN1ObjectIdentifier, Extension> extensions, ASN1ObjectIdentifier oid,
                            boolean critical, ASN1Encodable value) {
        try {
            extensions.put(oid, new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw new TestPkiException("cannot encode extension " + oid, e);
        }
    }
}
