package dev.vellum.testkit.pki;

import dev.vellum.testkit.services.PkiServices;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A test PKI generated in code, with live TSA, CRL, OCSP and caIssuers services on 127.0.0.1 whose URLs
 * its certificates carry. All dates are relative to the moment it was built on its {@link Clock}.
 *
 * <pre>{@code
 * TestPki pki = TestPki.shared();                       // one per JVM, services running, clock = now
 * Credential signer = pki.signer(KeyType.RSA_2048);
 * try (TestPki past = TestPki.builder().clock(Clock.fixed(Instant.parse("2031-05-01T10:00:00Z"), UTC)).build()) {
 *     ...                                               // a PKI as it was in 2031
 * }
 * }</pre>
 *
 * <p>Layout (times relative to {@link #createdAt()}, y = 365 days): root CA (−10y … +20y) → intermediate CA
 * (−5y … +10y, pathLen 0) → signers (−1y … +2y), the revoked signer (revoked at −1 day, keyCompromise), the
 * expired signer (−2y … −30 days), the signer without a signing key usage, the TSA (−2y … +5y) and the delegated
 * OCSP responder (−1y … +1y). An untrusted root (−10y … +20y) issues the untrusted signer. CAs and the keys
 * whose type does not matter are ECDSA P-256; RSA keys are generated on first use (they are slow).
 */
public final class TestPki implements AutoCloseable {
    /** The policy OID the test TSA uses by default (under the 2.999 example arc of X.660). */
    public static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("2.999.3161.1");
    /** A second policy the test TSA accepts when asked for it. */
    public static final ASN1ObjectIdentifier TSA_ALTERNATE_POLICY = new ASN1ObjectIdentifier("2.999.3161.2");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Duration YEAR = Duration.ofDays(365);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static volatile TestPki shared;

    private final Clock clock;
    private final Instant createdAt;
    private final String label;
    private final KeyType caKeyType;
    private final KeyType tsaKeyType;
    private final boolean isShared;
    private final PkiServices services;
    private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
    private final Map<String, CertificateAuthority> authorities = new ConcurrentHashMap<>();
    private final Map<String, Credential> lazyCredentials = new HashMap<>();
    private final AtomicLong timeStampSerial = new AtomicLong();
    private final Credential root;
    private final Credential intermediate;
    private final Credential untrustedRoot;
    private final Credential ocspResponder;
    private final Credential revokedSigner;

    private TestPki(Builder builder, boolean isShared) {
        this.clock = builder.clock;
        this.createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.label = builder.label != null ? builder.label : "pki-" + INSTANCES.incrementAndGet();
        this.caKeyType = builder.caKeyType;
        this.tsaKeyType = builder.tsaKeyType;
        this.isShared = isShared;
        this.services = PkiServices.start(this);
        try {
            root = issue("root").selfSigned().profile(CertificateProfile.CA).keyType(caKeyType)
                    .subject(defaultSubject("Vellum Test Root CA"))
                    .validity(createdAt.minus(YEAR.multipliedBy(10)), createdAt.plus(YEAR.multipliedBy(20))).build();
            intermediate = issue("intermediate").issuer(root).profile(CertificateProfile.CA).keyType(caKeyType)
                    .pathLength(0).subject(defaultSubject("Vellum Test Issuing CA"))
                    .validity(createdAt.minus(YEAR.multipliedBy(5)), createdAt.plus(YEAR.multipliedBy(10))).build();
            ocspResponder = issue("ocsp-responder").issuer(intermediate).profile(CertificateProfile.OCSP_RESPONDER)
                    .subject(defaultSubject("Vellum Test OCSP Responder"))
                    .validity(createdAt.minus(YEAR), createdAt.plus(YEAR)).build();
            authority(intermediate).delegateOcsp(ocspResponder);
            untrustedRoot = issue("untrusted-root").selfSigned().profile(CertificateProfile.CA)
                    .subject("CN=Untrusted Test Root CA, OU=" + label + ", O=Untrusted Test PKI, C=DE")
                    .validity(createdAt.minus(YEAR.multipliedBy(10)), createdAt.plus(YEAR.multipliedBy(20))).build();
            revokedSigner = issue("signer-revoked").subject(defaultSubject("Revoked Signer"))
                    .validity(createdAt.minus(YEAR), createdAt.plus(YEAR.multipliedBy(2))).build();
            revoke(revokedSigner, revocationTime(), RevocationReason.KEY_COMPROMISE);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** The process-wide PKI: built on first use with the system clock, services running until the JVM exits. */
    public static TestPki shared() {
        TestPki pki = shared;
        if (pki == null) {
            synchronized (TestPki.class) {
                pki = shared;
                if (pki == null) {
                    pki = new TestPki(new Builder().label("shared"), true);
                    Runtime.getRuntime().addShutdownHook(new Thread(pki.services::close, "testkit-pki-shutdown"));
                    shared = pki;
                }
            }
        }
        return pki;
    }

    /** Start building a private PKI (own clock, own services). */
    public static Builder builder() {
        return new Builder();
    }

    /** The clock the PKI and its services read (genTime, thisUpdate, producedAt). */
    public Clock clock() {
        return clock;
    }

    /** The instant the PKI was built, to the second: every validity period is relative to it. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The label in every subject's OU, telling PKIs of one JVM apart. */
    public String label() {
        return label;
    }

    /** The trust anchor. */
    public Credential root() {
        return root;
    }

    /** The issuing CA of the signers, the TSA and the OCSP responder (pathLen 0). */
    public Credential intermediate() {
        return intermediate;
    }

    /** A signer of the given key type under the intermediate (emailProtection, rfc822Name, CRL and OCSP URLs). */
    public Credential signer(KeyType keyType) {
        String name = "signer-" + keyType.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return lazily(name, () -> issue(name).keyType(keyType)
                .subject(defaultSubject("Signer " + keyType.name().replace('_', ' ')))
                .validity(createdAt.minus(YEAR), createdAt.plus(YEAR.multipliedBy(2))).build());
    }

    /** A signer revoked at {@link #revocationTime()} with reason keyCompromise. */
    public Credential revokedSigner() {
        return revokedSigner;
    }

    /** When {@link #revokedSigner()} was revoked: one day before {@link #createdAt()}. */
    public Instant revocationTime() {
        return createdAt.minus(Duration.ofDays(1));
    }

    /** A signer whose certificate expired 30 days before {@link #createdAt()}. */
    public Credential expiredSigner() {
        return lazily("signer-expired", () -> issue("signer-expired").subject(defaultSubject("Expired Signer"))
                .validity(createdAt.minus(YEAR.multipliedBy(2)), createdAt.minus(Duration.ofDays(30))).build());
    }

    /** A certificate with neither digitalSignature nor nonRepudiation (keyAgreement only). */
    public Credential noSigningKeyUsageSigner() {
        return lazily("signer-no-signing-key-usage", () -> issue("signer-no-signing-key-usage")
                .subject(defaultSubject("Key Agreement Only")).keyUsage(KeyUsage.keyAgreement)
                .validity(createdAt.minus(YEAR), createdAt.plus(YEAR.multipliedBy(2))).build());
    }

    /** A root that is not among {@link #trustAnchors()}. */
    public Credential untrustedRoot() {
        return untrustedRoot;
    }

    /** A signer issued by {@link #untrustedRoot()}. */
    public Credential untrustedSigner() {
        return lazily("signer-untrusted", () -> issue("signer-untrusted").issuer(untrustedRoot)
                .subject("CN=Untrusted Signer, OU=" + label + ", O=Untrusted Test PKI, C=DE")
                .validity(createdAt.minus(YEAR), createdAt.plus(YEAR.multipliedBy(2))).build());
    }

    /** The TSA: RSA-2048 unless built otherwise, extendedKeyUsage timeStamping only and critical. */
    public Credential tsa() {
        return lazily("tsa", () -> issue("tsa").profile(CertificateProfile.TSA).keyType(tsaKeyType)
                .subject(defaultSubject("Vellum Test TSA"))
                .validity(createdAt.minus(YEAR.multipliedBy(2)), createdAt.plus(YEAR.multipliedBy(5))).build());
    }

    /** The intermediate's delegated OCSP responder (OCSPSigning, id-pkix-ocsp-nocheck). */
    public Credential ocspResponder() {
        return ocspResponder;
    }

    /** The certificates a relying party trusts: the root only. */
    public List<X509Certificate> trustAnchors() {
        return List.of(root.certificate());
    }

    /** A credential by the name it was issued under. */
    public Credential credential(String name) {
        Credential credential = credentials.get(name);
        if (credential == null) {
            throw new IllegalArgumentException("no credential named " + name + " in test PKI " + label);
        }
        return credential;
    }

    /** The CA credential with this name, if there is one (roots, intermediates, CAs issued later). */
    public Optional<Credential> certificateAuthority(String name) {
        return Optional.ofNullable(authorities.get(name)).map(CertificateAuthority::credential);
    }

    /** Start issuing an extra certificate; the name must be unique in this PKI and is used in URLs. */
    public CertificateBuilder issue(String name) {
        return new CertificateBuilder(this, name);
    }

    /** Revoke a certificate this PKI issued, effective at {@code time}; CRLs and OCSP answers after it show it. */
    public Revocation revoke(Credential credential, Instant time, RevocationReason reason) {
        return revoke(credential.certificate(), time, reason);
    }

    /** Revoke any certificate this PKI issued (found by issuer name and key identifier or signature). */
    public Revocation revoke(X509Certificate certificate, Instant time, RevocationReason reason) {
        return authorityOf(certificate)
                .orElseThrow(() -> new IllegalArgumentException("test PKI " + label + " did not issue "
                        + certificate.getSubjectX500Principal()))
                .revoke(certificate.getSerialNumber(), time, reason);
    }

    /** The revocation recorded for a certificate, whether or not it is in effect yet. */
    public Optional<Revocation> revocation(X509Certificate certificate) {
        return authorityOf(certificate).flatMap(a -> a.revocation(certificate.getSerialNumber()));
    }

    /** Let {@code responder} sign the OCSP answers about certificates {@code issuer} issued (default: the CA). */
    public void delegateOcsp(Credential issuer, Credential responder) {
        authority(issuer).delegateOcsp(responder);
    }

    /** A fresh CRL of the issuer at the clock's now, valid seven days. */
    public X509CRL currentCrl(Credential issuer) {
        return crl(issuer).build();
    }

    /** A CRL of the issuer with chosen times, delta base, signer or corruption. */
    public CrlBuilder crl(Credential issuer) {
        return new CrlBuilder(this, authority(issuer));
    }

    /** An OCSP response about a certificate this PKI issued (CertID with SHA-1, as most clients send). */
    public OcspResponseBuilder ocspResponse(X509Certificate certificate) {
        CertificateAuthority authority = authorityOf(certificate).orElseThrow(() -> new IllegalArgumentException(
                "test PKI " + label + " did not issue " + certificate.getSubjectX500Principal()));
        try {
            CertificateID id = new CertificateID(Crypto.digests().get(CertificateID.HASH_SHA1),
                    authority.credential().certificateHolder(), certificate.getSerialNumber());
            return new OcspResponseBuilder(this, List.of(id), null);
        } catch (OCSPException | OperatorCreationException e) {
            throw new TestPkiException("cannot make a CertID for " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** An OCSP response about a credential's certificate. */
    public OcspResponseBuilder ocspResponse(Credential credential) {
        return ocspResponse(credential.certificate());
    }

    /** An OCSP response answering every CertID of the request and echoing its nonce. */
    public OcspResponseBuilder ocspResponse(OCSPReq request) {
        List<CertificateID> ids = Arrays.stream(request.getRequestList()).map(Req::getCertID).toList();
        return new OcspResponseBuilder(this, ids, request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce));
    }

    /** Whether some CA of this PKI is the issuer a CertID names. */
    public boolean knowsIssuerOf(CertificateID id) {
        return authorityFor(id).isPresent();
    }

    /** A time-stamp token made offline, at any time. */
    public TimeStampBuilder timeStamp() {
        return new TimeStampBuilder(this);
    }

    /** The next time-stamp serial number; unique across this PKI's tokens, online and offline. */
    public BigInteger nextTimeStampSerial() {
        return BigInteger.valueOf(timeStampSerial.incrementAndGet());
    }

    /** The live services; their URLs are in the certificates. */
    public PkiServices services() {
        return services;
    }

    /** Stop the services. Does nothing on {@link #shared()}, whose services stop when the JVM exits. */
    @Override
    public void close() {
        if (!isShared) {
            services.close();
        }
    }

    @Override
    public String toString() {
        return "TestPki[" + label + ", created " + createdAt + "]";
    }

    String defaultSubject(String commonName) {
        return "CN=" + commonName + ", OU=" + label + ", O=Vellum Test PKI, C=DE";
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a credential name must be letters, digits, '.', '_' or '-': " + name);
        }
        return name;
    }

    CertificateAuthority authority(Credential issuer) {
        CertificateAuthority authority = authorities.get(issuer.name());
        if (authority == null || !authority.credential().certificate().equals(issuer.certificate())) {
            throw new IllegalArgumentException(issuer.name() + " is not a CA of test PKI " + label);
        }
        return authority;
    }

    Optional<CertificateAuthority> authorityOf(X509Certificate certificate) {
        return authorities.values().stream().filter(a -> a.issuedBy(certificate)).findFirst();
    }

    Optional<CertificateAuthority> authorityFor(CertificateID id) {
        return authorities.values().stream().filter(a -> {
            try {
                return id.matchesIssuer(a.credential().certificateHolder(), Crypto.digests());
            } catch (OCSPException e) {
                return false;
            }
        }).findFirst();
    }

    void register(Credential credential, CertificateAuthority issuer, boolean isCertificateAuthority) {
        if (credentials.putIfAbsent(credential.name(), credential) != null) {
            throw new IllegalArgumentException("test PKI " + label + " already has a credential named " + credential.name());
        }
        if (issuer != null) {
            issuer.recordIssued(credential.certificate());
        }
        if (isCertificateAuthority) {
            authorities.put(credential.name(), new CertificateAuthority(credential));
        }
    }

    private synchronized Credential lazily(String name, Supplier<Credential> issuer) {
        Credential credential = lazyCredentials.get(name);
        if (credential == null) {
            credential = issuer.get();
            lazyCredentials.put(name, credential);
        }
        return credential;
    }

    /** Builds a private PKI; close it to stop its services. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String label;
        private KeyType caKeyType = KeyType.ECDSA_P256;
        private KeyType tsaKeyType = KeyType.RSA_2048;

        private Builder() {
        }

        /** The clock for certificate dates and the services' times (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The OU of every subject (default {@code pki-<n>}). */
        public Builder label(String label) {
            this.label = checkName(label);
            return this;
        }

        /** The key type of the root and the intermediate (default ECDSA P-256; the untrusted root stays EC). */
        public Builder caKeyType(KeyType keyType) {
            this.caKeyType = Objects.requireNonNull(keyType, "keyType");
            return this;
        }

        /** The key type of the TSA (default RSA 2048). */
        public Builder tsaKeyType(KeyType keyType) {
            this.tsaKeyType = Objects.requireNonNull(keyType, "keyType");
            return this;
        }

        /** Generate the PKI and start its services. */
        public TestPki build() {
            return new TestPki(this, false);
        }
    }
}
