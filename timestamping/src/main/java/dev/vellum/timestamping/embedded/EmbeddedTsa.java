package dev.vellum.timestamping.embedded;

import dev.vellum.timestamping.BouncyCastle;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A small RFC 3161 TSA for tests and air-gapped installations: usable in-process as a
 * {@link TimestampSource}, or over HTTP at {@code /tsa} via {@link #serve(InetSocketAddress)}.
 *
 * <p>Tokens carry the configured policy, accuracy, ESSCertIDv2 (RFC 5816) and a serial number that
 * was durably reserved before the token was made ({@link SerialNumberStore}). genTime comes from the
 * configured clock. One data directory serves one TSA at a time (a file lock enforces it).
 *
 * <p>Limits: no HSM, no revocation service for its own certificate, no clock synchronisation other
 * than the host's; a generated key is labelled "NOT FOR PRODUCTION" in its certificate subject.
 */
public final class EmbeddedTsa implements TimestampSource, AutoCloseable {
    static final String SERIAL_FILE = "serial";
    static final String LOCK_FILE = "tsa.lock";
    static final String CHAIN_FILE = "chain.pem";
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final EmbeddedTsaConfig config;
    private final TsaKeyMaterial keys;
    private final SerialNumberStore serials;
    private final TimeStampResponseGenerator responseGenerator;
    private final Set<ASN1ObjectIdentifier> acceptedAlgorithms;
    private final Set<ASN1ObjectIdentifier> acceptedPolicies;
    private final TokenVerifier verifier;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SecureRandom random = new SecureRandom();
    private final String name;

    private EmbeddedTsa(EmbeddedTsaConfig config, TsaKeyMaterial keys, SerialNumberStore serials,
                        FileChannel lockChannel, FileLock lock) throws Exception {
        this.config = config;
        this.keys = keys;
        this.serials = serials;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.name = "embedded TSA (" + config.dataDirectory() + ")";
        this.acceptedAlgorithms = new HashSet<>();
        for (DigestAlgorithm a : config.acceptedAlgorithms()) {
            acceptedAlgorithms.add(a.asn1Oid());
        }
        ASN1ObjectIdentifier policy = new ASN1ObjectIdentifier(config.policyOid());
        this.acceptedPolicies = Set.of(policy);

        X509Certificate cert = keys.certificate();
        String signatureAlgorithm = signatureAlgorithm(keys.privateKey().getAlgorithm());
        // Bouncy Castle's default signed attributes include signing-time from the wall clock; a
        // token's time is its genTime (from our clock), so that attribute is left out.
        SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder()
                .setProvider(BouncyCastle.provider())
                .setSignedAttributeGenerator(params -> new DefaultSignedAttributeTableGenerator()
                        .getAttributes(params).remove(CMSAttributes.signingTime))
                .build(signatureAlgorithm, keys.privateKey(), cert);
        DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider())
                .build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        // A SHA-256 certificate digest makes Bouncy Castle write ESSCertIDv2 (RFC 5816).
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, policy, false);
        tokens.addCertificates(new JcaCertStore(List.of(cert)));
        Duration accuracy = config.accuracy();
        if (accuracy.getSeconds() > 0) {
            tokens.setAccuracySeconds((int) Math.min(Integer.MAX_VALUE, accuracy.getSeconds()));
        }
        int millis = accuracy.toMillisPart();
        if (millis > 0) {
            tokens.setAccuracyMillis(millis);
        }
        if (accuracy.compareTo(Duration.ofSeconds(1)) < 0) {
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
        }
        this.responseGenerator = new TimeStampResponseGenerator(tokens, acceptedAlgorithms, acceptedPolicies);
        this.verifier = TokenVerifier.builder().clock(config.clock()).build();
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "RSASSA-PSS" -> "SHA256withRSAandMGF1";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TimestampException("the embedded TSA cannot sign with a " + keyAlgorithm + " key");
        };
    }

    /**
     * Opens the TSA on its data directory: takes the directory lock, loads or generates the key,
     * writes {@code chain.pem}, and opens the serial counter.
     */
    public static EmbeddedTsa open(EmbeddedTsaConfig config) {
        Path dir = config.dataDirectory();
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new TimestampException("another embedded TSA is already running on " + dir
                        + "; two would hand out the same serial numbers");
            }
            TsaKeyMaterial keys = config.pkcs12() != null
                    ? TsaKeyMaterial.fromPkcs12(config.pkcs12(), config.pkcs12Password(), config.pkcs12Alias())
                    : TsaKeyMaterial.loadOrGenerate(dir, config.clock(), config.tsaCertificateValidity());
            DurableFiles.replace(dir.resolve(CHAIN_FILE), keys.chainPem().getBytes(StandardCharsets.US_ASCII));
            SerialNumberStore serials = SerialNumberStore.open(dir.resolve(SERIAL_FILE), config.serialBlockSize());
            return new EmbeddedTsa(config, keys, serials, channel, lock);
        } catch (TimestampException e) {
            closeQuietly(channel);
            throw e;
        } catch (Exception e) {
            closeQuietly(channel);
            throw new TimestampException("cannot start the embedded TSA on " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The TSA's certificate chain, TSA certificate first. */
    public List<X509Certificate> certificateChain() {
        return keys.chain();
    }

    /** The chain as PEM (also written to {@code <data>/chain.pem}). */
    public String chainPem() {
        return keys.chainPem();
    }

    /** The policy OID in every token. */
    public String policyOid() {
        return config.policyOid();
    }

    /**
     * Answers one DER TimeStampReq with a DER TimeStampResp (the RFC 3161 protocol core). Bad
     * requests get a rejection response, never an exception; a serial number is reserved durably
     * before a token is made.
     */
    public byte[] respond(byte[] requestBytes) {
        try {
            return answer(requestBytes).getEncoded();
        } catch (IOException e) {
            throw new TimestampException(name + " cannot encode its response", e);
        }
    }

    private TimeStampResponse answer(byte[] requestBytes) {
        TimeStampRequest request;
        try {
            if (requestBytes == null || requestBytes.length == 0 || requestBytes.length > MAX_REQUEST_BYTES) {
                return fail(PKIFailureInfo.badDataFormat, "the request is empty or larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            request = new TimeStampRequest(requestBytes);
        } catch (IOException | RuntimeException e) {
            return fail(PKIFailureInfo.badDataFormat, "the request is not a DER TimeStampReq");
        }
        try {
            request.validate(acceptedAlgorithms, acceptedPolicies, null);
        } catch (TSPValidationException e) {
            return fail(e.getFailureCode(), e.getMessage());
        } catch (TSPException e) {
            return fail(PKIFailureInfo.badRequest, e.getMessage());
        }
        BigInteger serial = serials.next();
        Date genTime = Date.from(config.clock().instant());
        synchronized (responseGenerator) {
            try {
                return responseGenerator.generateGrantedResponse(request, serial, genTime);
            } catch (TSPException e) {
                return fail(PKIFailureInfo.systemFailure, "token generation failed: " + e.getMessage());
            }
        }
    }

    private TimeStampResponse fail(int failInfo, String text) {
        try {
            return responseGenerator.generateFailResponse(PKIStatus.REJECTION, failInfo, text);
        } catch (TSPException e) {
            throw new TimestampException(name + " cannot build a rejection response", e);
        }
    }

    /** A verified token over {@code digest}, made in-process. */
    @Override
    public TimeStampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        if (digest == null || digest.length != algorithm.digestLength()) {
            throw new TimestampException(name + ": a " + algorithm.jcaName() + " digest must be "
                    + algorithm.digestLength() + " bytes, got " + (digest == null ? "none" : digest.length));
        }
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        TimeStampRequest request = g.generate(algorithm.asn1Oid(), digest, new BigInteger(64, random));
        try {
            return verifier.verifyResponse(name, request, respond(request.getEncoded()));
        } catch (IOException e) {
            throw new TimestampException(name + " cannot encode a request", e);
        }
    }

    /** Serves this TSA over HTTP at {@code http://<address>/tsa} until the returned server is closed. */
    public TsaHttpServer serve(InetSocketAddress address) {
        return TsaHttpServer.start(this, address);
    }

    String name() {
        return name;
    }

    /** Releases the data directory lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel close below releases it as well.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to recover: the lock dies with the channel or the process.
            }
        }
    }
}
