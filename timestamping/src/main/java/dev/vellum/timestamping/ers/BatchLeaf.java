package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.TimestampException;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** One item of a sealed batch: its own hashes and its leaf in the batch's shared tree. */
final class BatchLeaf {
    /** What every record of one batch shares, encoded once. */
    static final class Shared {
        final AlgorithmIdentifier algorithm;
        final HashTree tree;
        final EncodedContentInfo timeStamp;
        final byte[] versionAndAlgorithms;
        final byte[] taggedAlgorithm;

        Shared(AlgorithmIdentifier algorithm, HashTree tree, EncodedContentInfo timeStamp) {
            this.algorithm = algorithm;
            this.tree = tree;
            this.timeStamp = timeStamp;
            try {
                byte[] version = new ASN1Integer(1).getEncoded(ASN1Encoding.DER);
                byte[] algorithms = new DERSequence(algorithm).getEncoded(ASN1Encoding.DER);
                this.versionAndAlgorithms = new byte[version.length + algorithms.length];
                System.arraycopy(version, 0, versionAndAlgorithms, 0, version.length);
                System.arraycopy(algorithms, 0, versionAndAlgorithms, version.length, algorithms.length);
                // digestAlgorithm [0] IMPLICIT AlgorithmIdentifier
                this.taggedAlgorithm = new DERTaggedObject(false, 0, algorithm).getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new TimestampException("cannot encode the batch's algorithm", e);
            }
        }
    }

    private final Shared shared;
    private final int index;
    private final byte[][] ownHashes;

    BatchLeaf(Shared shared, int index, byte[][] ownHashes) {
        this.shared = shared;
        this.index = index;
        this.ownHashes = ownHashes;
    }

    byte[] encode() {
        return DerSplice.batchRecord(shared.versionAndAlgorithms, shared.taggedAlgorithm, ownHashes,
                shared.tree, index, shared.timeStamp.der());
    }

    org.bouncycastle.asn1.tsp.EvidenceRecord toAsn1() {
        ArchiveTimeStamp ats = new ArchiveTimeStamp(shared.algorithm,
                ArchiveTimeStamps.reducedTree(shared.tree, index, ownHashes), shared.timeStamp);
        return new org.bouncycastle.asn1.tsp.EvidenceRecord(new AlgorithmIdentifier[] {shared.algorithm}, null, null,
                new ArchiveTimeStampSequence(new ArchiveTimeStampChain(ats)));
    }
}
