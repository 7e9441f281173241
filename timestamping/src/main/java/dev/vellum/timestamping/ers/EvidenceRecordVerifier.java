package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.verify.TokenVerifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks an evidence record against its data at a validation time (RFC 4998 §5.3).
 *
 * <p>Only the archive time-stamps that existed at the validation time count (genTime ≤ that time),
 * so a record can be checked "as of" any date. For each hash-tree chain: the data's hashes (for
 * later chains, H(h(d) ‖ ha) with ha the hash of all earlier chains) must sit in the first archive
 * time-stamp's first hash list and lead to its imprint; each later archive time-stamp of a chain
 * must cover the previous one's token. Each token is checked on its own ({@link TokenVerifier}),
 * each renewal must come before the previous TSA certificate expired, and the newest TSA
 * certificate must still be valid at the validation time.
 */
public final class EvidenceRecordVerifier {
    private static final HexFormat HEX = HexFormat.of();
    private static final int CACHE_SIZE = 4096;
    private final TokenVerifier tokens;
    // Thousands of records of one batch share one token: its checks (signature, certificate path)
    // give the same answer each time, so the TSA certificate of a passed token is remembered by
    // the token's hash. Failures are not cached.
    private final Map<ByteBuffer, KnownToken> knownTokens =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, KnownToken> eldest) {
                    return size() > CACHE_SIZE;
                }
            };

    /** A parsed token and, once its checks passed, its TSA certificate. */
    private static final class KnownToken {
        final TimeStampToken token;
        volatile X509CertificateHolder certificate;

        KnownToken(TimeStampToken token) {
            this.token = token;
        }
    }

    public EvidenceRecordVerifier(TokenVerifier tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** A verifier whose token checks have no trust anchors (trust is left to validation). */
    public static EvidenceRecordVerifier defaults() {
        return new EvidenceRecordVerifier(TokenVerifier.defaults());
    }

    /**
     * Checks {@code record} against the item's data objects (one, or every member of a data group)
     * as of {@code validationTime}.
     */
    public EvidenceRecordVerification verify(EvidenceRecord record, List<DataObject> item, Instant validationTime) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(validationTime, "validationTime");
        if (item == null || item.isEmpty()) {
            throw new IllegalArgumentException("an item has at least one data object");
        }
        List<TimeStampToken> checked = new ArrayList<>();
        try {
            return check(record, item, validationTime, checked);
        } catch (Failure f) {
            return EvidenceRecordVerification.failed(f.failure, f.getMessage(), checked);
        } catch (DataUnavailable e) {
            throw (TimestampException) e.getCause();
        } catch (TimestampException e) {
            return EvidenceRecordVerification.failed(EvidenceRecordFailure.MALFORMED, e.getMessage(), checked);
        } catch (RuntimeException e) {
            // Bouncy Castle reports malformed ASN.1 deep inside the record this way.
            return EvidenceRecordVerification.failed(EvidenceRecordFailure.MALFORMED,
                    "the evidence record cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage(), checked);
        }
    }

    private EvidenceRecordVerification check(EvidenceRecord record, List<DataObject> item, Instant at,
                                             List<TimeStampToken> checked) {
        ArchiveTimeStampChain[] chains = record.chains();
        X509CertificateHolder previousCertificate = null;
        Instant previousGenTime = null;
        Instant first = null;
        for (int c = 0; c < chains.length; c++) {
            ArchiveTimeStamp[] stamps = chains[c].getArchiveTimestamps();
            DigestAlgorithm algorithm = EvidenceRecord.algorithmOf(stamps[0]);
            MessageDigest md = algorithm.newMessageDigest();
            byte[] previousDer = null;
            for (int i = 0; i < stamps.length; i++) {
                String label = "archive time-stamp " + (i + 1) + " of chain " + (c + 1);
                byte[] der = ArchiveTimeStamps.timeStampBytes(stamps[i]);
                KnownToken known = known(der, stamps[i]);
                TimeStampToken token = known.token;
                Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
                if (previousGenTime != null && genTime.isBefore(previousGenTime)) {
                    throw new Failure(EvidenceRecordFailure.MALFORMED, label + " (genTime " + genTime
                            + ") is older than the time-stamp it renews (" + previousGenTime + ")");
                }
                if (genTime.isAfter(at)) {
                    if (first == null) {
                        throw new Failure(EvidenceRecordFailure.NOT_YET_EXISTING, "the first archive time-stamp (genTime "
                                + genTime + ") is later than the validation time " + at);
                    }
                    return finish(previousCertificate, at, first, checked);
                }
                DigestAlgorithm stampAlgorithm = EvidenceRecord.algorithmOf(stamps[i]);
                if (stampAlgorithm != algorithm) {
                    throw new Failure(EvidenceRecordFailure.ALGORITHM_MISMATCH, label + " uses " + stampAlgorithm.jcaName()
                            + " in a chain of " + algorithm.jcaName() + " (RFC 4998 §5.2: one algorithm per chain)");
                }
                if (i == 0) {
                    List<byte[]> hashes = objectHashes(md, item, chains, c);
                    covers(md, algorithm, stamps[i], token, hashes, label, "the data object's");
                } else {
                    coversPrevious(md, algorithm, stamps[i], token, stamps[i - 1], previousDer, label);
                }
                X509CertificateHolder certificate = verifiedCertificate(label, known);
                if (previousCertificate != null && genTime.isAfter(previousCertificate.getNotAfter().toInstant())) {
                    throw new Failure(EvidenceRecordFailure.NOT_RENEWED_IN_TIME, label + " (genTime " + genTime
                            + ") came after the previous time-stamp's TSA certificate expired on "
                            + previousCertificate.getNotAfter().toInstant());
                }
                checked.add(token);
                previousCertificate = certificate;
                previousGenTime = genTime;
                previousDer = der;
                if (first == null) {
                    first = genTime;
                }
            }
        }
        return finish(previousCertificate, at, first, checked);
    }

    private KnownToken known(byte[] der, ArchiveTimeStamp stamp) {
        ByteBuffer key = ByteBuffer.wrap(DigestAlgorithm.SHA256.digest(der));
        synchronized (knownTokens) {
            KnownToken known = knownTokens.get(key);
            if (known != null) {
                return known;
            }
        }
        KnownToken parsed = new KnownToken(EvidenceRecord.token(stamp));
        synchronized (knownTokens) {
            knownTokens.put(key, parsed);
        }
        return parsed;
    }

    private X509CertificateHolder verifiedCertificate(String label, KnownToken known) {
        X509CertificateHolder certificate = known.certificate;
        if (certificate != null) {
            return certificate;
        }
        try {
            certificate = tokens.verifyToken(label, known.token);
        } catch (TsaException e) {
            throw new Failure(EvidenceRecordFailure.TIMESTAMP_INVALID, e.getMessage());
        }
        known.certificate = certificate;
        return certificate;
    }

    private static EvidenceRecordVerification finish(X509CertificateHolder newest, Instant at, Instant first,
                                                     List<TimeStampToken> checked) {
        Instant expiry = newest.getNotAfter().toInstant();
        if (at.isAfter(expiry)) {
            throw new Failure(EvidenceRecordFailure.EXPIRED, "the newest archive time-stamp's TSA certificate ("
                    + newest.getSubject() + ") expired on " + expiry + ", before the validation time " + at
                    + "; the record needed a time-stamp renewal before then");
        }
        return EvidenceRecordVerification.passed(first, checked);
    }

    /** Hashes of the item's objects as chain {@code c} covers them (RFC 4998 §5.3 step 2 / §5.2). */
    private static List<byte[]> objectHashes(MessageDigest md, List<DataObject> item, ArchiveTimeStampChain[] chains, int c) {
        DigestAlgorithm algorithm = EvidenceRecord.algorithmOf(chains[c].getArchiveTimestamps()[0]);
        byte[] ha = null;
        if (c > 0) {
            ha = md.digest(ArchiveTimeStamps.sequenceBytes(new ArchiveTimeStampSequence(Arrays.copyOf(chains, c))));
        }
        List<byte[]> hashes = new ArrayList<>(item.size());
        for (DataObject d : item) {
            byte[] h;
            try {
                h = d.digest(algorithm);
            } catch (TimestampException e) {
                throw new DataUnavailable(e);
            }
            hashes.add(ha == null ? h : ArchiveTimeStamps.renewedObjectHash(md, h, ha));
        }
        return hashes;
    }

    private static void coversPrevious(MessageDigest md, DigestAlgorithm algorithm, ArchiveTimeStamp stamp,
                                       TimeStampToken token, ArchiveTimeStamp previous, byte[] der, String label) {
        try {
            covers(md, algorithm, stamp, token, List.of(md.digest(der)), label, "the previous time-stamp's");
        } catch (Failure f) {
            // A record written by another tool may have hashed the token as it was encoded (BER).
            byte[] asIs;
            try {
                asIs = previous.getTimeStamp().getEncoded();
            } catch (IOException e) {
                throw f;
            }
            if (Arrays.equals(asIs, der)) {
                throw f;
            }
            covers(md, algorithm, stamp, token, List.of(md.digest(asIs)), label, "the previous time-stamp's");
        }
    }

    private static void covers(MessageDigest md, DigestAlgorithm algorithm, ArchiveTimeStamp stamp, TimeStampToken token,
                               List<byte[]> hashes, String label, String what) {
        if (!token.getTimeStampInfo().getMessageImprintAlgOID().equals(algorithm.asn1Oid())) {
            throw new Failure(EvidenceRecordFailure.ALGORITHM_MISMATCH, label + ": the token's imprint algorithm "
                    + token.getTimeStampInfo().getMessageImprintAlgOID() + " is not the hash tree's " + algorithm.jcaName());
        }
        PartialHashtree[] reduced = stamp.getReducedHashTree();
        byte[] root;
        if (reduced == null || reduced.length == 0) {
            if (hashes.size() != 1) {
                throw new Failure(EvidenceRecordFailure.HASH_MISMATCH, label + " has no hash tree, so it cannot cover a group of "
                        + hashes.size() + " data objects");
            }
            root = hashes.get(0);
        } else {
            byte[][] firstList = reduced[0].getValues();
            for (int j = 0; j < hashes.size(); j++) {
                if (!contains(firstList, hashes.get(j))) {
                    throw new Failure(EvidenceRecordFailure.HASH_MISMATCH, label + ": hash mismatch: " + what + " "
                            + algorithm.jcaName() + " hash " + HEX.formatHex(hashes.get(j))
                            + (hashes.size() > 1 ? " (data object " + (j + 1) + " of " + hashes.size() + ")" : "")
                            + " is not in the record's hash tree");
                }
            }
            root = ArchiveTimeStamps.recoverRoot(md, reduced);
        }
        byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
        if (!MessageDigest.isEqual(root, imprint)) {
            throw new Failure(EvidenceRecordFailure.HASH_TREE_MISMATCH, label + ": the reduced hash tree leads to "
                    + HEX.formatHex(root) + " but the time-stamp covers " + HEX.formatHex(imprint));
        }
    }

    private static boolean contains(byte[][] values, byte[] hash) {
        for (byte[] v : values) {
            if (MessageDigest.isEqual(v, hash)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's data cannot give a needed hash: the caller's problem, not the record's. */
    private static final class DataUnavailable extends RuntimeException {
        DataUnavailable(TimestampException cause) {
            super(cause);
        }
    }

    /** Internal control flow: a failed check with its reason. */
    private static final class Failure extends RuntimeException {
        final EvidenceRecordFailure failure;

        Failure(EvidenceRecordFailure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }
    }
}
