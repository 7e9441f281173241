package dev.vellum.testkit.services;

import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.pki.TimeStampBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority: {@code POST /tsa} with {@code application/timestamp-query}, answered with
 * {@code application/timestamp-reply}. Granted answers come from Bouncy Castle's
 * {@link TimeStampResponseGenerator}: genTime from the PKI clock (to the second, accuracy one second), the
 * requested or default policy, the nonce echoed, the TSA chain (without the root) included when certReq is set,
 * ESSCertIDv2, monotonically increasing serial numbers. Requests with an unaccepted digest algorithm (MD5, ...)
 * or policy are rejected as the generator decides.
 */
public final class TsaService extends HttpService {
    /** The policy a {@link FailureMode#WRONG_POLICY} token carries. */
    public static final ASN1ObjectIdentifier WRONG_POLICY = new ASN1ObjectIdentifier("2.999.3161.99");

    private static final Provider BC = new BouncyCastleProvider();
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_ALGORITHMS = Set.of(TSPAlgorithms.SHA1,
            TSPAlgorithms.SHA224, TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512,
            TSPAlgorithms.SHA3_224, TSPAlgorithms.SHA3_256, TSPAlgorithms.SHA3_384, TSPAlgorithms.SHA3_512);

    private final TestPki pki;
    private final String path;
    private final Map<FailureMode, Credential> variantCertificates = new ConcurrentHashMap<>();
    private volatile Credential credential;
    private volatile ASN1ObjectIdentifier defaultPolicy = TestPki.TSA_POLICY;
    private volatile boolean essCertIdV1;
    private volatile Duration genTimeSkew = Duration.ofHours(1);
    private volatile String basicAuthorization;

    TsaService(TestPki pki, String name, Credential credential) {
        super(name, pki.clock(), EnumSet.of(FailureMode.BAD_SIGNATURE, FailureMode.WRONG_NONCE,
                FailureMode.MISSING_NONCE, FailureMode.WRONG_IMPRINT, FailureMode.WRONG_DIGEST_ALGORITHM,
                FailureMode.WRONG_POLICY, FailureMode.REJECTION, FailureMode.WAITING, FailureMode.GRANTED_WITHOUT_TOKEN,
                FailureMode.UNSIGNED_TOKEN, FailureMode.CERT_NOT_INCLUDED, FailureMode.WRONG_SIGNING_CERTIFICATE,
                FailureMode.TSA_CERT_EKU_NOT_CRITICAL, FailureMode.TSA_CERT_EXTRA_EKU, FailureMode.TSA_CERT_WITHOUT_EKU,
                FailureMode.TSA_CERT_EXPIRED, FailureMode.TSA_CERT_UNTRUSTED, FailureMode.GEN_TIME_SKEWED));
        this.pki = pki;
        this.path = "/tsa";
        this.credential = credential;
    }

    /** The URL to POST time-stamp requests to. */
    public URI url() {
        return baseUrl().resolve(path);
    }

    /** The TSA credential that signs normal answers (default {@link TestPki#tsa()}). */
    public Credential credential() {
        Credential current = credential;
        return current != null ? current : pki.tsa();
    }

    /** Sign with another TSA credential from now on (e.g. one that expired, or a renewed one). */
    public TsaService signWith(Credential tsa) {
        this.credential = Objects.requireNonNull(tsa, "tsa");
        variantCertificates.clear();
        return this;
    }

    /** The policy used when a request names none (default {@link TestPki#TSA_POLICY}). */
    public TsaService defaultPolicy(ASN1ObjectIdentifier policy) {
        this.defaultPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Identify the TSA certificate with the SHA-1 ESSCertID of RFC 3161 instead of ESSCertIDv2 (RFC 5816). */
    public TsaService essCertIdV1(boolean useV1) {
        this.essCertIdV1 = useV1;
        return this;
    }

    /** The genTime shift of {@link FailureMode#GEN_TIME_SKEWED} (default one hour ahead). */
    public TsaService genTimeSkew(Duration skew) {
        this.genTimeSkew = Objects.requireNonNull(skew, "skew");
        return this;
    }

    /** Require HTTP basic authentication (RFC 7617); answers 401 without it. {@code null} turns it off. */
    public TsaService requireBasicAuth(String user, String password) {
        this.basicAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    String contentType() {
        return "application/timestamp-reply";
    }

    @Override
    Reply serve(RecordedRequest request, FailureMode failure) throws Exception {
        if (!request.path().equals(path)) {
            return Reply.text(404, "no TSA at " + request.path());
        }
        if (!request.method().equals("POST")) {
            return new Reply(405, "text/plain", "POST a time-stamp query".getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", "POST"));
        }
        String expectedAuthorization = basicAuthorization;
        if (expectedAuthorization != null
                && !expectedAuthorization.equals(request.header("Authorization").orElse(null))) {
            return new Reply(401, "text/plain", "authentication required".getBytes(StandardCharsets.UTF_8),
                    Map.of("WWW-Authenticate", "Basic realm=\"vellum-test-tsa\""));
        }
        TimeStampRequest query;
        try {
            query = new TimeStampRequest(request.body());
        } catch (IOException | IllegalArgumentException e) {
            return reply(new TimeStampResp(new PKIStatusInfo(PKIStatus.rejection, null,
                    new PKIFailureInfo(PKIFailureInfo.badDataFormat)), null).getEncoded(ASN1Encoding.DER));
        }
        Instant now = pki.clock().instant();
        if (failure == null) {
            return reply(grant(query, now));
        }
        return switch (failure) {
            case WRONG_NONCE -> reply(grant(rebuild(query, query.getMessageImprintAlgOID(),
                    query.getMessageImprintDigest(), query.getNonce() == null ? BigInteger.ONE
                            : query.getNonce().add(BigInteger.ONE), query.getCertReq(), query.getReqPolicy()), now));
            case MISSING_NONCE -> reply(grant(rebuild(query, query.getMessageImprintAlgOID(),
                    query.getMessageImprintDigest(), null, query.getCertReq(), query.getReqPolicy()), now));
            case WRONG_IMPRINT -> {
                byte[] digest = query.getMessageImprintDigest();
                digest[0] ^= (byte) 0xFF;
                yield reply(grant(rebuild(query, query.getMessageImprintAlgOID(), digest, query.getNonce(),
                        query.getCertReq(), query.getReqPolicy()), now));
            }
            case WRONG_DIGEST_ALGORITHM -> {
                boolean wasSha512 = query.getMessageImprintAlgOID().equals(TSPAlgorithms.SHA512);
                ASN1ObjectIdentifier other = wasSha512 ? NISTObjectIdentifiers.id_sha256 : NISTObjectIdentifiers.id_sha512;
                byte[] digest = MessageDigest.getInstance(wasSha512 ? "SHA-256" : "SHA-512")
                        .digest(query.getMessageImprintDigest());
                yield reply(grant(rebuild(query, other, digest, query.getNonce(), query.getCertReq(),
                        query.getReqPolicy()), now));
            }
            case WRONG_POLICY -> reply(grant(rebuild(query, query.getMessageImprintAlgOID(),
                    query.getMessageImprintDigest(), query.getNonce(), query.getCertReq(), WRONG_POLICY), now));
            case CERT_NOT_INCLUDED -> reply(grant(rebuild(query, query.getMessageImprintAlgOID(),
                    query.getMessageImprintDigest(), query.getNonce(), false, query.getReqPolicy()), now));
            case GEN_TIME_SKEWED -> reply(grant(query, now.plus(genTimeSkew)));
            case REJECTION -> reply(generator(now).generateFailResponse(PKIStatus.REJECTION,
                    PKIFailureInfo.badRequest, "rejected by the test TSA's failure switch").getEncoded());
            case WAITING -> reply(new TimeStampResp(new PKIStatusInfo(PKIStatus.waiting), null)
                    .getEncoded(ASN1Encoding.DER));
            case GRANTED_WITHOUT_TOKEN -> reply(new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), null)
                    .getEncoded(ASN1Encoding.DER));
            case UNSIGNED_TOKEN -> granted(token(query, now).unsigned().encoded());
            case BAD_SIGNATURE -> granted(token(query, now).badSignature().encoded());
            case WRONG_SIGNING_CERTIFICATE -> granted(token(query, now)
                    .signingCertificateAttributeFor(pki.ocspResponder().certificate()).encoded());
            case TSA_CERT_EKU_NOT_CRITICAL, TSA_CERT_EXTRA_EKU, TSA_CERT_WITHOUT_EKU, TSA_CERT_EXPIRED,
                    TSA_CERT_UNTRUSTED -> granted(token(query, now).tsa(variant(failure)).encoded());
            default -> throw new IllegalStateException("the TSA service does not shape answers for " + failure);
        };
    }

    /** The answer of Bouncy Castle's response generator: granted, or rejected with its reason (RFC 3161 §2.4.2). */
    private byte[] grant(TimeStampRequest query, Instant genTime) throws Exception {
        return generator(genTime).generate(query, pki.nextTimeStampSerial(), Date.from(genTime)).getEncoded();
    }

    private TimeStampResponseGenerator generator(Instant genTime) throws Exception {
        Credential tsa = credential();
        // signingTime = genTime, so that a PKI on a past clock makes consistent tokens
        AttributeTable signingTime = new AttributeTable(
                new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(genTime)))));
        SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BC)
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
                .build(tsa.signatureAlgorithm(), tsa.privateKey(), tsa.certificate());
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, digests.get(
                new AlgorithmIdentifier(essCertIdV1 ? OIWObjectIdentifiers.idSHA1
                        : NISTObjectIdentifiers.id_sha256)), defaultPolicy);
        tokens.setAccuracySeconds(1);
        tokens.setTSA(new GeneralName(X500Name.getInstance(tsa.certificate().getSubjectX500Principal().getEncoded())));
        List<X509Certificate> chain = tsa.chain();
        tokens.addCertificates(new JcaCertStore(chain.size() > 1 ? chain.subList(0, chain.size() - 1) : chain));
        Set<ASN1ObjectIdentifier> policies = new HashSet<>(
                List.of(TestPki.TSA_POLICY, TestPki.TSA_ALTERNATE_POLICY, WRONG_POLICY));
        policies.add(defaultPolicy);
        return new TimeStampResponseGenerator(tokens, ACCEPTED_ALGORITHMS, policies);
    }

    private TimeStampBuilder token(TimeStampRequest query, Instant genTime) {
        return pki.timeStamp().request(query).at(genTime).tsa(credential())
                .policy(query.getReqPolicy() != null ? query.getReqPolicy() : defaultPolicy);
    }

    /** A TSA certificate for the same key, unfit in the way the failure names. */
    private Credential variant(FailureMode failure) {
        return variantCertificates.computeIfAbsent(failure, mode -> {
            Credential tsa = credential();
            String suffix = mode.name().toLowerCase(Locale.ROOT).replace("tsa_cert_", "").replace('_', '-');
            var builder = pki.issue(name() + "-" + suffix + "-" + tsa.serialNumber().toString(16))
                    .profile(CertificateProfile.TSA).keyPair(tsa.keyPair())
                    .subject("CN=Vellum Test TSA (" + suffix + "), OU=" + pki.label() + ", O=Vellum Test PKI, C=DE");
            switch (mode) {
                case TSA_CERT_EKU_NOT_CRITICAL -> builder.extendedKeyUsage(false, KeyPurposeId.id_kp_timeStamping);
                case TSA_CERT_EXTRA_EKU -> builder.extendedKeyUsage(true, KeyPurposeId.id_kp_timeStamping,
                        KeyPurposeId.id_kp_emailProtection);
                case TSA_CERT_WITHOUT_EKU -> builder.withoutExtendedKeyUsage();
                case TSA_CERT_EXPIRED -> builder.validity(pki.createdAt().minus(Duration.ofDays(3 * 365)),
                        pki.createdAt().minus(Duration.ofDays(1)));
                case TSA_CERT_UNTRUSTED -> builder.issuer(pki.untrustedRoot());
                default -> throw new IllegalArgumentException(mode + " is not a TSA certificate variant");
            }
            return builder.build();
        });
    }

    private static TimeStampRequest rebuild(TimeStampRequest query, ASN1ObjectIdentifier algorithm, byte[] digest,
                                            BigInteger nonce, boolean certReq, ASN1ObjectIdentifier policy) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(certReq);
        if (policy != null) {
            generator.setReqPolicy(policy);
        }
        return nonce == null ? generator.generate(algorithm, digest) : generator.generate(algorithm, digest, nonce);
    }

    private Reply granted(byte[] token) throws IOException {
        return reply(new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), ContentInfo.getInstance(token))
                .getEncoded(ASN1Encoding.DER));
    }

    private Reply reply(byte[] body) {
        return Reply.ok(contentType(), body);
    }
}
