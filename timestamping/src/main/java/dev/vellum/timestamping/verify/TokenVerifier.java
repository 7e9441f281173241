package dev.vellum.timestamping.verify;

import dev.vellum.timestamping.BouncyCastle;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Verifies RFC 3161 responses and tokens before anything trusts them. Each check that fails throws
 * a {@link TsaException} naming the TSA and the check ({@link TsaFailure}).
 *
 * <p>Response checks (RFC 3161 §2.4.2): status granted, token present, imprint algorithm and value
 * equal to the request's, nonce echoed, policy equal when one was asked, genTime within the allowed
 * skew of the local clock. Token checks: TSA certificate present and bound by ESSCertID or
 * ESSCertIDv2 (RFC 3161 §2.4.1, RFC 5816), extended key usage exactly id-kp-timeStamping and
 * critical (RFC 3161 §2.3), signature valid, certificate valid at genTime, and, when trust anchors
 * are configured, a certificate path to one of them at genTime (revocation is left to validation).
 */
public final class TokenVerifier {
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final Duration maxClockSkew;
    private final Set<TrustAnchor> trustAnchors;
    private final List<X509CertificateHolder> knownCertificates;

    private TokenVerifier(Builder b) {
        this.clock = b.clock;
        this.maxClockSkew = b.maxClockSkew;
        this.trustAnchors = Set.copyOf(b.trustAnchors);
        this.knownCertificates = List.copyOf(b.knownCertificates);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A verifier with the defaults: system clock, five minutes' skew, no trust anchors. */
    public static TokenVerifier defaults() {
        return builder().build();
    }

    /**
     * Verifies a TSA's encoded response to {@code request} and returns its token.
     *
     * @param tsa the TSA's name for messages
     * @throws TsaException naming the TSA and the failed check
     */
    public TimeStampToken verifyResponse(String tsa, TimeStampRequest request, byte[] response) {
        Objects.requireNonNull(request, "request");
        TimeStampResponse parsed = parseResponse(tsa, response);
        int status = parsed.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw new TsaException(tsa, TsaFailure.STATUS_NOT_GRANTED, describeStatus(parsed));
        }
        TimeStampToken token = parsed.getTimeStampToken();
        if (token == null) {
            throw new TsaException(tsa, TsaFailure.MALFORMED_RESPONSE,
                    "status is granted but the response carries no time-stamp token");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        checkImprint(tsa, request, info);
        checkNonce(tsa, request.getNonce(), info.getNonce());
        checkPolicy(tsa, request.getReqPolicy(), info.getPolicy());
        verifyToken(tsa, token);
        checkSkew(tsa, info.getGenTime().toInstant());
        return token;
    }

    /**
     * Verifies a token on its own, for tokens read from stored material where no request is known:
     * TSA certificate and ESSCertID binding, extended key usage, signature, certificate validity at
     * genTime and (when configured) trust. The genTime skew is not checked.
     *
     * @return the TSA certificate that signed the token
     */
    public X509CertificateHolder verifyToken(String tsa, TimeStampToken token) {
        Objects.requireNonNull(token, "token");
        X509CertificateHolder signer = findSignerCertificate(tsa, token);
        checkEssCertId(tsa, token, signer);
        checkExtendedKeyUsage(tsa, signer);
        Date genTime = token.getTimeStampInfo().getGenTime();
        if (!signer.isValidOn(genTime)) {
            throw new TsaException(tsa, TsaFailure.CERTIFICATE_NOT_VALID_AT_GEN_TIME,
                    "genTime " + genTime.toInstant() + " is outside the TSA certificate's validity "
                            + signer.getNotBefore().toInstant() + " .. " + signer.getNotAfter().toInstant()
                            + " (" + signer.getSubject() + ")");
        }
        // After the validity check: Bouncy Castle's signature check also rejects a certificate not
        // valid at genTime, which would otherwise be misreported as a bad signature.
        checkSignature(tsa, token, signer);
        if (!trustAnchors.isEmpty()) {
            checkTrust(tsa, token, signer, genTime);
        }
        return signer;
    }

    private static TimeStampResponse parseResponse(String tsa, byte[] response) {
        if (response == null || response.length == 0) {
            throw new TsaException(tsa, TsaFailure.MALFORMED_RESPONSE, "the response is empty");
        }
        try {
            return new TimeStampResponse(response);
        } catch (IOException | RuntimeException | org.bouncycastle.tsp.TSPException e) {
            throw new TsaException(tsa, TsaFailure.MALFORMED_RESPONSE,
                    "the " + response.length + "-byte response is not a DER TimeStampResp ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static String describeStatus(TimeStampResponse response) {
        String[] names = {"granted", "grantedWithMods", "rejection", "waiting", "revocationWarning",
                "revocationNotification"};
        int status = response.getStatus();
        StringBuilder s = new StringBuilder("the TSA answered with status ")
                .append(status >= 0 && status < names.length ? names[status] : String.valueOf(status));
        if (response.getStatusString() != null) {
            s.append(" \"").append(response.getStatusString()).append('"');
        }
        if (response.getFailInfo() != null) {
            s.append(" (failInfo ").append(response.getFailInfo()).append(')');
        }
        return s.toString();
    }

    private static void checkImprint(String tsa, TimeStampRequest request, TimeStampTokenInfo info) {
        ASN1ObjectIdentifier asked = request.getMessageImprintAlgOID();
        ASN1ObjectIdentifier got = info.getMessageImprintAlgOID();
        if (!asked.equals(got)) {
            throw new TsaException(tsa, TsaFailure.IMPRINT_ALGORITHM_MISMATCH,
                    "the token's imprint algorithm " + got + " is not the requested " + asked);
        }
        byte[] askedDigest = request.getMessageImprintDigest();
        byte[] gotDigest = info.getMessageImprintDigest();
        if (!MessageDigest.isEqual(askedDigest, gotDigest)) {
            throw new TsaException(tsa, TsaFailure.IMPRINT_MISMATCH,
                    "the token's imprint " + HEX.formatHex(gotDigest) + " is not the requested "
                            + HEX.formatHex(askedDigest));
        }
    }

    private static void checkNonce(String tsa, BigInteger asked, BigInteger got) {
        if (asked == null) {
            return;
        }
        if (got == null) {
            throw new TsaException(tsa, TsaFailure.NONCE_MISMATCH,
                    "the token carries no nonce although the request had nonce " + asked.toString(16));
        }
        if (!asked.equals(got)) {
            throw new TsaException(tsa, TsaFailure.NONCE_MISMATCH,
                    "the token's nonce " + got.toString(16) + " does not echo the request's nonce "
                            + asked.toString(16) + " (a replayed or foreign response)");
        }
    }

    private static void checkPolicy(String tsa, ASN1ObjectIdentifier asked, ASN1ObjectIdentifier got) {
        if (asked != null && !asked.equals(got)) {
            throw new TsaException(tsa, TsaFailure.POLICY_MISMATCH,
                    "the token's policy " + got + " is not the requested policy " + asked);
        }
    }

    private void checkSkew(String tsa, Instant genTime) {
        Instant now = clock.instant();
        Duration offset = Duration.between(now, genTime).abs();
        if (offset.compareTo(maxClockSkew) > 0) {
            throw new TsaException(tsa, TsaFailure.GEN_TIME_SKEW,
                    "genTime " + genTime + " is " + offset + " away from the local clock " + now
                            + " (allowed " + maxClockSkew + ")");
        }
    }

    private X509CertificateHolder findSignerCertificate(String tsa, TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (!matches.isEmpty()) {
            return matches.iterator().next();
        }
        for (X509CertificateHolder known : knownCertificates) {
            if (token.getSID().match(known)) {
                return known;
            }
        }
        throw new TsaException(tsa, TsaFailure.SIGNER_CERTIFICATE_MISSING,
                "the token does not contain the TSA certificate (issuer " + token.getSID().getIssuer()
                        + ", serial " + token.getSID().getSerialNumber() + ") and none is configured");
    }

    // RFC 3161 §2.4.1 signingCertificate (ESSCertID, SHA-1) or RFC 5816 signingCertificateV2.
    private static void checkEssCertId(String tsa, TimeStampToken token, X509CertificateHolder signer) {
        AttributeTable attributes = token.getSignedAttributes();
        Attribute v2 = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        Attribute v1 = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        byte[] encoded = encode(tsa, signer);
        try {
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                DigestAlgorithm algorithm = DigestAlgorithm.fromOid(id.getHashAlgorithm().getAlgorithm());
                compareCertHash(tsa, "ESSCertIDv2", algorithm, id.getCertHash(), encoded);
                compareIssuerSerial(tsa, "ESSCertIDv2", id.getIssuerSerial(), signer);
            } else if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                compareCertHash(tsa, "ESSCertID", DigestAlgorithm.SHA1, id.getCertHash(), encoded);
                compareIssuerSerial(tsa, "ESSCertID", id.getIssuerSerial(), signer);
            } else {
                throw new TsaException(tsa, TsaFailure.ESS_CERT_ID_MISMATCH,
                        "the token has neither a signing-certificate nor a signing-certificate-v2 attribute");
            }
        } catch (TsaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TsaException(tsa, TsaFailure.ESS_CERT_ID_MISMATCH,
                    "the signing-certificate attribute cannot be read: " + e.getMessage(), e);
        }
    }

    private static void compareCertHash(String tsa, String attribute, DigestAlgorithm algorithm,
                                        byte[] expected, byte[] certificate) {
        byte[] actual = algorithm.digest(certificate);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new TsaException(tsa, TsaFailure.ESS_CERT_ID_MISMATCH,
                    attribute + " " + algorithm.jcaName() + " hash " + HEX.formatHex(expected)
                            + " does not match the TSA certificate in the token (" + HEX.formatHex(actual) + ")");
        }
    }

    private static void compareIssuerSerial(String tsa, String attribute, IssuerSerial issuerSerial,
                                            X509CertificateHolder signer) {
        if (issuerSerial == null) {
            return;
        }
        boolean issuerMatches = false;
        for (GeneralName name : issuerSerial.getIssuer().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName
                    && signer.getIssuer().equals(org.bouncycastle.asn1.x500.X500Name.getInstance(name.getName()))) {
                issuerMatches = true;
            }
        }
        if (!issuerMatches || !issuerSerial.getSerial().getValue().equals(signer.getSerialNumber())) {
            throw new TsaException(tsa, TsaFailure.ESS_CERT_ID_MISMATCH,
                    attribute + " issuerSerial does not name the TSA certificate " + signer.getIssuer()
                            + " / " + signer.getSerialNumber());
        }
    }

    // RFC 3161 §2.3: exactly one KeyPurposeId, id-kp-timeStamping, in a critical extension.
    private static void checkExtendedKeyUsage(String tsa, X509CertificateHolder signer) {
        Extension extension = signer.getExtension(Extension.extendedKeyUsage);
        if (extension == null) {
            throw new TsaException(tsa, TsaFailure.EXTENDED_KEY_USAGE,
                    "the TSA certificate " + signer.getSubject() + " has no extended key usage extension");
        }
        if (!extension.isCritical()) {
            throw new TsaException(tsa, TsaFailure.EXTENDED_KEY_USAGE,
                    "the TSA certificate's extended key usage is not marked critical (" + signer.getSubject() + ")");
        }
        KeyPurposeId[] usages = ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages();
        if (usages.length != 1 || !usages[0].equals(KeyPurposeId.id_kp_timeStamping)) {
            throw new TsaException(tsa, TsaFailure.EXTENDED_KEY_USAGE,
                    "the TSA certificate's extended key usage must be id-kp-timeStamping only, found "
                            + java.util.Arrays.toString(usages) + " (" + signer.getSubject() + ")");
        }
    }

    private static void checkSignature(String tsa, TimeStampToken token, X509CertificateHolder signer) {
        boolean valid;
        try {
            valid = token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BouncyCastle.provider()).build(signer));
        } catch (Exception e) {
            throw new TsaException(tsa, TsaFailure.SIGNATURE_INVALID,
                    "the token signature cannot be verified: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new TsaException(tsa, TsaFailure.SIGNATURE_INVALID,
                    "the token signature does not verify with the key of " + signer.getSubject());
        }
    }

    private void checkTrust(String tsa, TimeStampToken token, X509CertificateHolder signer, Date genTime) {
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter()
                    .setProvider(BouncyCastle.provider());
            List<X509Certificate> pool = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
            for (X509CertificateHolder h : all) {
                pool.add(converter.getCertificate(h));
            }
            for (X509CertificateHolder h : knownCertificates) {
                pool.add(converter.getCertificate(h));
            }
            X509Certificate target = converter.getCertificate(signer);
            pool.add(target);
            X509CertSelector selector = new X509CertSelector();
            selector.setCertificate(target);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trustAnchors, selector);
            params.setRevocationEnabled(false);
            params.setDate(genTime);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(params);
        } catch (GeneralSecurityException e) {
            throw new TsaException(tsa, TsaFailure.UNTRUSTED_TSA,
                    "no certificate path from " + signer.getSubject() + " to a configured trust anchor at "
                            + genTime.toInstant() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] encode(String tsa, X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new TsaException(tsa, TsaFailure.MALFORMED_RESPONSE, "the TSA certificate cannot be encoded", e);
        }
    }

    /** Options; every one has a safe default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration maxClockSkew = Duration.ofMinutes(5);
        private final List<TrustAnchor> trustAnchors = new ArrayList<>();
        private final List<X509CertificateHolder> knownCertificates = new ArrayList<>();

        private Builder() {
        }

        /** The local clock genTime is compared with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far genTime may be from the local clock (default five minutes). */
        public Builder maxClockSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("clock skew must not be negative: " + skew);
            }
            this.maxClockSkew = skew;
            return this;
        }

        /** Require a path from the TSA certificate to one of these roots (none: no path check). */
        public Builder trustAnchor(X509Certificate root) {
            trustAnchors.add(new TrustAnchor(root, null));
            return this;
        }

        /** A TSA or intermediate certificate for TSAs that do not put theirs in the token. */
        public Builder knownCertificate(X509Certificate certificate) {
            try {
                knownCertificates.add(new X509CertificateHolder(certificate.getEncoded()));
            } catch (IOException | java.security.cert.CertificateEncodingException e) {
                throw new TimestampException("cannot use certificate " + certificate.getSubjectX500Principal(), e);
            }
            return this;
        }

        public TokenVerifier build() {
            return new TokenVerifier(this);
        }
    }
}
