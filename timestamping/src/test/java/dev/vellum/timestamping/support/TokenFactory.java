package dev.vellum.timestamping.support;

import dev.vellum.timestamping.BouncyCastle;
import dev.vellum.timestamping.DigestAlgorithm;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.Accuracy;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Builds TSA certificates and tokens with deliberate faults, so that every verification check can
 * be provoked deterministically. Keys are made once per JVM.
 */
public final class TokenFactory {
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    public static final String POLICY = "1.2.3.4.1";
    private static final KeyPair ROOT_KEY = ecKeyPair();
    private static final KeyPair TSA_KEY = ecKeyPair();
    private static final X509Certificate ROOT = certificate(new X500Name("CN=Token Factory Root"), ROOT_KEY,
            new X500Name("CN=Token Factory Root"), ROOT_KEY, BigInteger.ONE, Eku.NONE, NOW.minus(Duration.ofDays(400)),
            NOW.plus(Duration.ofDays(4000)), true);

    /** How the TSA certificate's extended key usage is made. */
    public enum Eku { CRITICAL_TIMESTAMPING, NON_CRITICAL_TIMESTAMPING, TIMESTAMPING_AND_CODE_SIGNING, NONE }

    private TokenFactory() {
    }

    public static X509Certificate root() {
        return ROOT;
    }

    public static X509Certificate tsaCertificate(Eku eku) {
        return tsaCertificate(eku, BigInteger.TEN, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365)));
    }

    public static X509Certificate tsaCertificate(Eku eku, BigInteger serial, Instant notBefore, Instant notAfter) {
        return certificate(new X500Name("CN=Token Factory TSA"), TSA_KEY, new X500Name("CN=Token Factory Root"),
                ROOT_KEY, serial, eku, notBefore, notAfter, false);
    }

    /** A request as our client would make it. */
    public static TimeStampRequest request(DigestAlgorithm algorithm, byte[] digest, BigInteger nonce, String policy) {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        if (policy != null) {
            g.setReqPolicy(policy);
        }
        return g.generate(algorithm.asn1Oid(), digest, nonce);
    }

    /** What to put in the token, independent of the request. */
    public static final class Spec {
        public X509Certificate signerCertificate = tsaCertificate(Eku.CRITICAL_TIMESTAMPING);
        public X509Certificate includedCertificate; // null: the signer certificate
        public boolean essV1;
        public boolean includeCertificates = true;
        public String policy = POLICY;
        public Instant genTime = NOW;
        public BigInteger nonceOverride;
        public byte[] imprintOverride;
        public ASN1ObjectIdentifier imprintAlgorithmOverride;
        public boolean corruptSignature;
    }

    /**
     * A granted response to {@code request} built as {@code spec} says. The token is assembled by
     * hand (TSTInfo, signing-certificate attribute, CMS) because Bouncy Castle's token generator
     * refuses the faulty certificates these tests need.
     */
    public static byte[] response(TimeStampRequest request, Spec spec) {
        try {
            ASN1ObjectIdentifier alg = spec.imprintAlgorithmOverride != null
                    ? spec.imprintAlgorithmOverride : request.getMessageImprintAlgOID();
            byte[] imprint = spec.imprintOverride != null ? spec.imprintOverride : request.getMessageImprintDigest();
            if (spec.imprintAlgorithmOverride != null && spec.imprintOverride == null) {
                imprint = DigestAlgorithm.fromOid(alg).digest(imprint);
            }
            BigInteger nonce = spec.nonceOverride != null ? spec.nonceOverride : request.getNonce();
            TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier(spec.policy),
                    new MessageImprint(new AlgorithmIdentifier(alg), imprint), new ASN1Integer(77),
                    new ASN1GeneralizedTime(Date.from(spec.genTime)), new Accuracy(new ASN1Integer(1), null, null),
                    ASN1Boolean.FALSE, nonce == null ? null : new ASN1Integer(nonce), null, null);
            byte[] certDer = spec.signerCertificate.getEncoded();
            Attribute ess = spec.essV1
                    ? new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificate, new DERSet(new SigningCertificate(
                            new ESSCertID(DigestAlgorithm.SHA1.digest(certDer)))))
                    : new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(
                            new ESSCertIDv2(DigestAlgorithm.SHA256.digest(certDer)))));
            var signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.provider())
                    .setSignedAttributeGenerator(params -> new DefaultSignedAttributeTableGenerator(new AttributeTable(ess))
                            .getAttributes(params).remove(org.bouncycastle.asn1.cms.CMSAttributes.signingTime))
                    .build("SHA256withECDSA", TSA_KEY.getPrivate(), spec.signerCertificate);
            CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
            cms.addSignerInfoGenerator(signer);
            if (spec.includeCertificates) {
                cms.addCertificates(new JcaCertStore(List.of(
                        spec.includedCertificate != null ? spec.includedCertificate : spec.signerCertificate)));
            }
            CMSSignedData signed = cms.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                    info.getEncoded(ASN1Encoding.DER)), true);
            TimeStampResp resp = new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), signed.toASN1Structure());
            TimeStampResponse response = new TimeStampResponse(resp);
            if (!spec.corruptSignature) {
                return response.getEncoded();
            }
            return withCorruptSignature(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] withCorruptSignature(TimeStampResponse response) throws Exception {
        TimeStampToken token = response.getTimeStampToken();
        SignedData sd = SignedData.getInstance(token.toCMSSignedData().toASN1Structure().getContent());
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        byte[] sig = si.getEncryptedDigest().getOctets().clone();
        sig[sig.length - 5] ^= 0x01;
        SignerInfo bad = new SignerInfo(si.getSID(), si.getDigestAlgorithm(), si.getAuthenticatedAttributes(),
                si.getDigestEncryptionAlgorithm(), new DEROctetString(sig), si.getUnauthenticatedAttributes());
        SignedData badSd = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(),
                sd.getCRLs(), new DERSet(bad));
        ContentInfo ci = new ContentInfo(org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData, badSd);
        TimeStampResp resp = TimeStampResp.getInstance(
                ASN1Sequence.getInstance(response.getEncoded()));
        return new TimeStampResp(resp.getStatus(), ci).getEncoded();
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey,
                                               BigInteger serial, Eku eku, Instant notBefore, Instant notAfter, boolean ca) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, subjectKey.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            switch (eku) {
                case CRITICAL_TIMESTAMPING -> b.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                case NON_CRITICAL_TIMESTAMPING -> b.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                case TIMESTAMPING_AND_CODE_SIGNING -> b.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_timeStamping, KeyPurposeId.id_kp_codeSigning}));
                case NONE -> { }
            }
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.provider()).getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.provider())
                            .build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
