package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 4998 evidence record for one archived item (a data object or a data group): immutable,
 * DER-encodable, with the facts a renewal schedule needs (algorithms, time-stamps in order).
 * Create them with {@link EvidenceBatch}; check them with {@link EvidenceRecordVerifier}; renew
 * them with {@link EvidenceRecords}.
 */
public final class EvidenceRecord {
    // A record fresh from a batch is kept as its leaf of the shared tree (a few dozen bytes) and
    // encoded straight from it; the Bouncy Castle structure is built only when asked for, so that
    // sealing 100,000 items does not hold 100,000 object graphs.
    private final BatchLeaf leaf;
    private volatile org.bouncycastle.asn1.tsp.EvidenceRecord asn1;

    EvidenceRecord(org.bouncycastle.asn1.tsp.EvidenceRecord asn1) {
        this.asn1 = Objects.requireNonNull(asn1, "asn1");
        this.leaf = null;
        checkShape(asn1);
    }

    EvidenceRecord(BatchLeaf leaf) {
        this.leaf = Objects.requireNonNull(leaf, "leaf");
    }

    private org.bouncycastle.asn1.tsp.EvidenceRecord asn1() {
        org.bouncycastle.asn1.tsp.EvidenceRecord a = asn1;
        if (a == null) {
            a = leaf.toAsn1();
            asn1 = a;
        }
        return a;
    }

    /** Reads a DER (or BER) EvidenceRecord; bad input is a {@link TimestampException}, never an NPE. */
    public static EvidenceRecord parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw new TimestampException("not an evidence record: no bytes");
        }
        try {
            return new EvidenceRecord(org.bouncycastle.asn1.tsp.EvidenceRecord.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (TimestampException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TimestampException("not an RFC 4998 evidence record (" + der.length + " bytes): "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void checkShape(org.bouncycastle.asn1.tsp.EvidenceRecord er) {
        ArchiveTimeStampChain[] chains = er.getArchiveTimeStampSequence().getArchiveTimeStampChains();
        if (chains.length == 0) {
            throw new TimestampException("the evidence record has no archive time-stamp chain");
        }
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].getArchiveTimestamps().length == 0) {
                throw new TimestampException("archive time-stamp chain " + (c + 1) + " of the evidence record is empty");
            }
        }
    }

    /** The DER encoding (a new array each time). */
    public byte[] encoded() {
        if (leaf != null && asn1 == null) {
            return leaf.encode();
        }
        try {
            return DerSplice.encode(asn1());
        } catch (IOException ex) {
            throw new TimestampException("cannot encode the evidence record", ex);
        }
    }

    /** The Bouncy Castle structure, for code that embeds the record elsewhere (e.g. CAdES). */
    public org.bouncycastle.asn1.tsp.EvidenceRecord toAsn1() {
        return asn1();
    }

    /** The digestAlgorithms field: every hash algorithm the record uses. */
    public List<DigestAlgorithm> digestAlgorithms() {
        List<DigestAlgorithm> list = new ArrayList<>();
        for (AlgorithmIdentifier id : asn1().getDigestAlgorithms()) {
            list.add(DigestAlgorithm.fromOid(id.getAlgorithm()));
        }
        return Collections.unmodifiableList(list);
    }

    /** The hash algorithm of the newest chain: what a time-stamp renewal keeps using. */
    public DigestAlgorithm currentAlgorithm() {
        ArchiveTimeStampChain[] chains = chains();
        return algorithmOf(chains[chains.length - 1].getArchiveTimestamps()[0]);
    }

    /** Number of hash-tree renewals plus one. */
    public int chainCount() {
        return chains().length;
    }

    /** All archive time-stamp tokens, oldest first. */
    public List<TimeStampToken> timeStamps() {
        List<TimeStampToken> tokens = new ArrayList<>();
        for (ArchiveTimeStampChain chain : chains()) {
            for (ArchiveTimeStamp ats : chain.getArchiveTimestamps()) {
                tokens.add(token(ats));
            }
        }
        return Collections.unmodifiableList(tokens);
    }

    /** genTime of the first archive time-stamp: when the data is proven to have existed. */
    public Instant firstTimeStampTime() {
        return token(chains()[0].getArchiveTimestamps()[0]).getTimeStampInfo().getGenTime().toInstant();
    }

    /** The newest archive time-stamp: its TSA certificate's expiry is when the record next needs renewal. */
    public TimeStampToken latestTimeStamp() {
        ArchiveTimeStampChain[] chains = chains();
        ArchiveTimeStamp[] last = chains[chains.length - 1].getArchiveTimestamps();
        return token(last[last.length - 1]);
    }

    ArchiveTimeStampChain[] chains() {
        return asn1().getArchiveTimeStampSequence().getArchiveTimeStampChains();
    }

    ArchiveTimeStampSequence sequence() {
        return asn1().getArchiveTimeStampSequence();
    }

    static DigestAlgorithm algorithmOf(ArchiveTimeStamp ats) {
        // RFC 4998 §4.2: without digestAlgorithm, the time-stamp's imprint algorithm applies;
        // Bouncy Castle's accessor already falls back that way.
        try {
            return DigestAlgorithm.fromOid(ats.getDigestAlgorithmIdentifier().getAlgorithm());
        } catch (RuntimeException e) {
            if (e instanceof TimestampException te) {
                throw te;
            }
            throw new TimestampException("the archive time-stamp's digest algorithm cannot be read: " + e.getMessage(), e);
        }
    }

    static TimeStampToken token(ArchiveTimeStamp ats) {
        try {
            return new TimeStampToken(ats.getTimeStamp());
        } catch (Exception e) {
            throw new TimestampException("an archive time-stamp of the evidence record holds no valid RFC 3161 token: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidenceRecord other && java.util.Arrays.equals(encoded(), other.encoded());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encoded());
    }
}
