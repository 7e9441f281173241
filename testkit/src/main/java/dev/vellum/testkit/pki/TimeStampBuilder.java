package dev.vellum.testkit.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.Accuracy;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.CollectionStore;

/**
 * Makes an RFC 3161 time-stamp token offline, at any time, by any TSA credential, in shapes a real TSA
 * would refuse to make: {@code pki.timeStamp().data(bytes).at(t).build()}. Defaults: the PKI's TSA, genTime
 * = the PKI clock's now, policy {@link TestPki#TSA_POLICY}, accuracy one second, ESSCertIDv2 (RFC 5816),
 * certificates included (the TSA's chain without the root).
 *
 * <p>The CMS is assembled here rather than by Bouncy Castle's {@code TimeStampTokenGenerator} because that
 * generator refuses TSA certificates without a critical timeStamping EKU, which failure tests need.
 */
public final class TimeStampBuilder {
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final TestPki pki;
    private AlgorithmIdentifier digestAlgorithm;
    private byte[] digest;
    private Instant genTime;
    private ASN1ObjectIdentifier policy;
    private BigInteger nonce;
    private boolean includeCertificates = true;
    private Credential tsa;
    private boolean essCertIdV1;
    private X509Certificate referencedCertificate;
    private Duration accuracy = Duration.ofSeconds(1);
    private BigInteger serialNumber;
    private boolean badSignature;
    private boolean unsigned;

    TimeStampBuilder(TestPki pki) {
        this.pki = pki;
    }

    /** Time-stamp the SHA-256 digest of these bytes. */
    public TimeStampBuilder data(byte[] data) {
        return imprint(NISTObjectIdentifiers.id_sha256, Crypto.digest("SHA-256", data));
    }

    /** The message imprint: a digest algorithm OID and the digest. */
    public TimeStampBuilder imprint(ASN1ObjectIdentifier algorithm, byte[] digest) {
        this.digestAlgorithm = new AlgorithmIdentifier(Objects.requireNonNull(algorithm, "algorithm"));
        this.digest = digest.clone();
        return this;
    }

    /** Take imprint, nonce, policy and certReq from a request. */
    public TimeStampBuilder request(TimeStampRequest request) {
        this.digestAlgorithm = request.getMessageImprintAlgID();
        this.digest = request.getMessageImprintDigest();
        this.nonce = request.getNonce();
        if (request.getReqPolicy() != null) {
            this.policy = request.getReqPolicy();
        }
        this.includeCertificates = request.getCertReq();
        return this;
    }

    /** genTime (default: the PKI clock's now), to the second. */
    public TimeStampBuilder at(Instant genTime) {
        this.genTime = Objects.requireNonNull(genTime, "genTime");
        return this;
    }

    /** The TSA policy (default {@link TestPki#TSA_POLICY}). */
    public TimeStampBuilder policy(ASN1ObjectIdentifier policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** The nonce to put in the TSTInfo ({@code null}: none). */
    public TimeStampBuilder nonce(BigInteger nonce) {
        this.nonce = nonce;
        return this;
    }

    /** Whether the token carries the TSA's certificates (RFC 3161 certReq). */
    public TimeStampBuilder includeCertificates(boolean include) {
        this.includeCertificates = include;
        return this;
    }

    /** Sign as this TSA credential (default {@link TestPki#tsa()}); its certificate need not be fit for a TSA. */
    public TimeStampBuilder tsa(Credential tsa) {
        this.tsa = Objects.requireNonNull(tsa, "tsa");
        return this;
    }

    /** Identify the TSA certificate with the SHA-1 ESSCertID of RFC 3161 instead of ESSCertIDv2. */
    public TimeStampBuilder essCertIdV1() {
        this.essCertIdV1 = true;
        return this;
    }

    /** Let the signing-certificate attribute name another certificate than the one that signs. */
    public TimeStampBuilder signingCertificateAttributeFor(X509Certificate certificate) {
        this.referencedCertificate = Objects.requireNonNull(certificate, "certificate");
        return this;
    }

    /** The accuracy (default one second); {@link Duration#ZERO} omits it. */
    public TimeStampBuilder accuracy(Duration accuracy) {
        this.accuracy = Objects.requireNonNull(accuracy, "accuracy");
        return this;
    }

    /** The token serial number (default {@link TestPki#nextTimeStampSerial()}). */
    public TimeStampBuilder serialNumber(BigInteger serialNumber) {
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
        return this;
    }

    /** Corrupt the token's signature. */
    public TimeStampBuilder badSignature() {
        this.badSignature = true;
        return this;
    }

    /** Leave the SignedData without any SignerInfo; only {@link #encoded()} can return such a token. */
    public TimeStampBuilder unsigned() {
        this.unsigned = true;
        return this;
    }

    /** The token as Bouncy Castle parses it. */
    public TimeStampToken build() {
        if (unsigned) {
            throw new IllegalStateException("an unsigned token is not a TimeStampToken: use encoded()");
        }
        try {
            return new TimeStampToken(signedData());
        } catch (TSPException | IOException e) {
            throw new TestPkiException("Bouncy Castle rejects the time-stamp token it was given", e);
        }
    }

    /** The DER-encoded token (a CMS ContentInfo), as embedded in signatures or time-stamp responses. */
    public byte[] encoded() {
        try {
            return signedData().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new TestPkiException("cannot encode a time-stamp token", e);
        }
    }

    private CMSSignedData signedData() {
        if (digest == null) {
            throw new IllegalStateException("no message imprint: call data(...), imprint(...) or request(...)");
        }
        Credential signing = tsa != null ? tsa : pki.tsa();
        Instant time = (genTime != null ? genTime : pki.clock().instant()).truncatedTo(ChronoUnit.SECONDS);
        TSTInfo info = new TSTInfo(policy != null ? policy : TestPki.TSA_POLICY,
                new MessageImprint(digestAlgorithm, digest),
                new ASN1Integer(serialNumber != null ? serialNumber : pki.nextTimeStampSerial()),
                new ASN1GeneralizedTime(GENERALIZED_TIME.format(time)),
                accuracy(), null, nonce == null ? null : new ASN1Integer(nonce),
                new GeneralName(X500Name.getInstance(signing.certificate().getSubjectX500Principal().getEncoded())),
                null);
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            if (!unsigned) {
                String algorithm = Crypto.defaultSignatureAlgorithm(signing.privateKey());
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(Crypto.digests())
                        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes(signing, time)))
                        .build(Crypto.signer(signing.privateKey(), algorithm, badSignature), signing.certificateHolder()));
            }
            if (includeCertificates) {
                List<X509CertificateHolder> chain = signing.chainHolders();
                generator.addCertificates(new CollectionStore<>(
                        chain.size() > 1 ? chain.subList(0, chain.size() - 1) : chain));
            }
            return generator.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                    info.getEncoded(ASN1Encoding.DER)), true);
        } catch (CMSException | OperatorCreationException | IOException e) {
            throw new TestPkiException("cannot sign a time-stamp token as " + signing.name(), e);
        }
    }

    private AttributeTable signedAttributes(Credential signing, Instant time) {
        byte[] certificate = Credential.encoded(referencedCertificate != null ? referencedCertificate : signing.certificate());
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(time)))));
        if (essCertIdV1) {
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificate, new DERSet(
                    new SigningCertificate(new ESSCertID(Crypto.digest("SHA-1", certificate))))));
        } else {
            // RFC 5816: ESSCertIDv2 with the default hash algorithm SHA-256
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                    new SigningCertificateV2(new ESSCertIDv2(Crypto.digest("SHA-256", certificate))))));
        }
        return new AttributeTable(attributes);
    }

    private Accuracy accuracy() {
        if (accuracy.isZero()) {
            return null;
        }
        long seconds = accuracy.getSeconds();
        int millis = accuracy.getNano() / 1_000_000;
        return new Accuracy(seconds > 0 ? new ASN1Integer(seconds) : null,
                millis > 0 ? new ASN1Integer(millis) : null, null);
    }
}
