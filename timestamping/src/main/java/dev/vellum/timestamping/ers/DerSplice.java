package dev.vellum.timestamping.ers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampSequence;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;

/**
 * DER encoding of an EvidenceRecord that copies each time-stamp token's bytes instead of having
 * Bouncy Castle re-encode them, and writes the reduced hash trees (SEQUENCEs of OCTET STRINGs)
 * directly; algorithms and attributes are encoded by Bouncy Castle. The structure is laid out as
 * a small tree of nodes whose lengths are known, then written once into an array of the exact size.
 * Written by hand because Bouncy Castle offers no way to embed pre-encoded bytes, and re-encoding
 * the shared token (and copying it at every nesting level) dominated sealing 100,000 records.
 */
final class DerSplice {
    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final int CONTEXT_CONSTRUCTED_2 = 0xA2;

    private DerSplice() {
    }

    static byte[] encode(EvidenceRecord record) throws IOException {
        ASN1Sequence fields = ASN1Sequence.getInstance(record.toASN1Primitive());
        List<Node> parts = new ArrayList<>(fields.size());
        for (ASN1Encodable field : fields) {
            if (field instanceof ArchiveTimeStampSequence sequence) {
                parts.add(sequenceNode(sequence));
            } else {
                parts.add(new Raw(field.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
            }
        }
        return new Tlv(SEQUENCE, parts).toBytes();
    }

    /**
     * A record of a freshly sealed batch, straight from its parts: version and digestAlgorithms,
     * one chain of one archive time-stamp with [0] algorithm, [2] reduced hash tree (own hashes,
     * then one list per sibling) and the token. Lengths are computed first and the bytes written
     * once, without intermediate objects: this runs once per item of a 100,000-item batch.
     */
    static byte[] batchRecord(byte[] versionAndAlgorithms, byte[] taggedAlgorithm, byte[][] ownHashes,
                              HashTree tree, int leafIndex, byte[] token) {
        int ownContent = 0;
        for (byte[] h : ownHashes) {
            ownContent += tlvLength(h.length);
        }
        int treeContent = tlvLength(ownContent);
        int siblingCount = 0;
        for (int level = 0; level < tree.levelCount() - 1; level++) {
            byte[] sibling = tree.sibling(leafIndex, level);
            if (sibling != null) {
                treeContent += tlvLength(tlvLength(sibling.length));
                siblingCount++;
            }
        }
        int atsContent = taggedAlgorithm.length + tlvLength(treeContent) + token.length;
        int chainContent = tlvLength(atsContent);
        int sequenceContent = tlvLength(chainContent);
        int recordContent = versionAndAlgorithms.length + tlvLength(sequenceContent);
        byte[] out = new byte[tlvLength(recordContent)];
        int at = header(out, 0, SEQUENCE, recordContent);
        at = copy(versionAndAlgorithms, out, at);
        at = header(out, at, SEQUENCE, sequenceContent);
        at = header(out, at, SEQUENCE, chainContent);
        at = header(out, at, SEQUENCE, atsContent);
        at = copy(taggedAlgorithm, out, at);
        at = header(out, at, CONTEXT_CONSTRUCTED_2, treeContent);
        at = header(out, at, SEQUENCE, ownContent);
        for (byte[] h : ownHashes) {
            at = header(out, at, OCTET_STRING, h.length);
            at = copy(h, out, at);
        }
        for (int level = 0; level < tree.levelCount() - 1 && siblingCount > 0; level++) {
            byte[] sibling = tree.sibling(leafIndex, level);
            if (sibling != null) {
                at = header(out, at, SEQUENCE, tlvLength(sibling.length));
                at = header(out, at, OCTET_STRING, sibling.length);
                at = copy(sibling, out, at);
            }
        }
        copy(token, out, at);
        return out;
    }

    private static int tlvLength(int contentLength) {
        return 1 + lengthOfLength(contentLength) + contentLength;
    }

    private static int header(byte[] out, int at, int tag, int contentLength) {
        out[at] = (byte) tag;
        return writeLength(out, at + 1, contentLength);
    }

    private static int copy(byte[] from, byte[] out, int at) {
        System.arraycopy(from, 0, out, at, from.length);
        return at + from.length;
    }

    static byte[] sequence(ArchiveTimeStampSequence sequence) throws IOException {
        return sequenceNode(sequence).toBytes();
    }

    private static Node sequenceNode(ArchiveTimeStampSequence sequence) throws IOException {
        ArchiveTimeStampChain[] chains = sequence.getArchiveTimeStampChains();
        List<Node> chainNodes = new ArrayList<>(chains.length);
        for (ArchiveTimeStampChain chain : chains) {
            ArchiveTimeStamp[] stamps = chain.getArchiveTimestamps();
            List<Node> stampNodes = new ArrayList<>(stamps.length);
            for (ArchiveTimeStamp ats : stamps) {
                stampNodes.add(archiveTimeStamp(ats));
            }
            chainNodes.add(new Tlv(SEQUENCE, stampNodes));
        }
        return new Tlv(SEQUENCE, chainNodes);
    }

    private static Node archiveTimeStamp(ArchiveTimeStamp ats) throws IOException {
        ASN1Sequence fields = ASN1Sequence.getInstance(ats.toASN1Primitive());
        List<Node> parts = new ArrayList<>(fields.size());
        for (ASN1Encodable field : fields) {
            if (field instanceof ContentInfo token) {
                parts.add(new Raw(EncodedContentInfo.bytesOf(token)));
            } else if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 2) {
                parts.add(reducedHashTree(ats.getReducedHashTree()));
            } else {
                parts.add(new Raw(field.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
            }
        }
        return new Tlv(SEQUENCE, parts);
    }

    // reducedHashtree [2] IMPLICIT SEQUENCE OF PartialHashtree; PartialHashtree ::= SEQUENCE OF OCTET STRING.
    private static Node reducedHashTree(PartialHashtree[] lists) {
        List<Node> encodedLists = new ArrayList<>(lists.length);
        for (PartialHashtree list : lists) {
            byte[][] values = list.getValues();
            List<Node> octets = new ArrayList<>(values.length);
            for (byte[] v : values) {
                octets.add(new Tlv(OCTET_STRING, v));
            }
            encodedLists.add(new Tlv(SEQUENCE, octets));
        }
        return new Tlv(CONTEXT_CONSTRUCTED_2, encodedLists);
    }

    /** A piece of DER whose total length is known before it is written. */
    private abstract static class Node {
        abstract int length();

        abstract int writeTo(byte[] out, int at);

        final byte[] toBytes() {
            byte[] out = new byte[length()];
            writeTo(out, 0);
            return out;
        }
    }

    /** Bytes already DER-encoded (a whole TLV). */
    private static final class Raw extends Node {
        private final byte[] bytes;

        Raw(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        int length() {
            return bytes.length;
        }

        @Override
        int writeTo(byte[] out, int at) {
            System.arraycopy(bytes, 0, out, at, bytes.length);
            return at + bytes.length;
        }
    }

    /** A tag with either primitive content or child nodes. */
    private static final class Tlv extends Node {
        private final int tag;
        private final byte[] primitive;
        private final List<Node> children;
        private final int contentLength;

        Tlv(int tag, byte[] primitive) {
            this.tag = tag;
            this.primitive = primitive;
            this.children = null;
            this.contentLength = primitive.length;
        }

        Tlv(int tag, List<Node> children) {
            this.tag = tag;
            this.primitive = null;
            this.children = children;
            int sum = 0;
            for (Node child : children) {
                sum += child.length();
            }
            this.contentLength = sum;
        }

        @Override
        int length() {
            return 1 + lengthOfLength(contentLength) + contentLength;
        }

        @Override
        int writeTo(byte[] out, int at) {
            out[at++] = (byte) tag;
            at = writeLength(out, at, contentLength);
            if (primitive != null) {
                System.arraycopy(primitive, 0, out, at, primitive.length);
                return at + primitive.length;
            }
            for (Node child : children) {
                at = child.writeTo(out, at);
            }
            return at;
        }
    }

    // X.690 §8.1.3: short form below 128, else 0x80 | byte count, then the length big-endian.
    private static int lengthOfLength(int length) {
        return length < 0x80 ? 1 : 1 + (4 - Integer.numberOfLeadingZeros(length) / 8);
    }

    private static int writeLength(byte[] out, int at, int length) {
        if (length < 0x80) {
            out[at] = (byte) length;
            return at + 1;
        }
        int bytes = 4 - Integer.numberOfLeadingZeros(length) / 8;
        out[at++] = (byte) (0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out[at++] = (byte) (length >>> (8 * i));
        }
        return at;
    }
}
