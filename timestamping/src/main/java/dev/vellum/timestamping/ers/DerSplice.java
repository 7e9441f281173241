package dev.vellum.timestamping.ers;

import java.io.ByteArrayOutputStream;
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
 * directly. Algorithms and attributes are encoded by Bouncy Castle. Written by hand
 * because Bouncy Castle offers no way to embed pre-encoded bytes, and re-encoding the shared token
 * dominated batch sealing (100k records).
 */
final class DerSplice {
    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final int CONTEXT_CONSTRUCTED_2 = 0xA2;

    private DerSplice() {
    }

    static byte[] encode(EvidenceRecord record) throws IOException {
        ASN1Sequence fields = ASN1Sequence.getInstance(record.toASN1Primitive());
        List<byte[]> parts = new ArrayList<>();
        for (ASN1Encodable field : fields) {
            if (field instanceof ArchiveTimeStampSequence sequence) {
                parts.add(sequence(sequence));
            } else {
                parts.add(field.toASN1Primitive().getEncoded(ASN1Encoding.DER));
            }
        }
        return wrap(parts);
    }

    static byte[] sequence(ArchiveTimeStampSequence sequence) throws IOException {
        List<byte[]> chains = new ArrayList<>();
        for (ArchiveTimeStampChain chain : sequence.getArchiveTimeStampChains()) {
            List<byte[]> stamps = new ArrayList<>();
            for (ArchiveTimeStamp ats : chain.getArchiveTimestamps()) {
                stamps.add(archiveTimeStamp(ats));
            }
            chains.add(wrap(stamps));
        }
        return wrap(chains);
    }

    private static byte[] archiveTimeStamp(ArchiveTimeStamp ats) throws IOException {
        ASN1Sequence fields = ASN1Sequence.getInstance(ats.toASN1Primitive());
        List<byte[]> parts = new ArrayList<>(fields.size());
        for (ASN1Encodable field : fields) {
            if (field instanceof ContentInfo token) {
                parts.add(EncodedContentInfo.bytesOf(token));
            } else if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 2) {
                parts.add(reducedHashTree(ats.getReducedHashTree()));
            } else {
                parts.add(field.toASN1Primitive().getEncoded(ASN1Encoding.DER));
            }
        }
        return wrap(SEQUENCE, parts);
    }

    // reducedHashtree [2] IMPLICIT SEQUENCE OF PartialHashtree; PartialHashtree ::= SEQUENCE OF OCTET STRING.
    private static byte[] reducedHashTree(PartialHashtree[] lists) {
        List<byte[]> encodedLists = new ArrayList<>(lists.length);
        for (PartialHashtree list : lists) {
            byte[][] values = list.getValues();
            List<byte[]> octets = new ArrayList<>(values.length);
            for (byte[] v : values) {
                octets.add(wrap(OCTET_STRING, List.of(v)));
            }
            encodedLists.add(wrap(SEQUENCE, octets));
        }
        return wrap(CONTEXT_CONSTRUCTED_2, encodedLists);
    }

    private static byte[] wrap(List<byte[]> parts) {
        return wrap(SEQUENCE, parts);
    }

    private static byte[] wrap(int tag, List<byte[]> parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        writeLength(out, length);
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    // X.690 §8.1.3: short form below 128, else 0x80 | byte count, then the length big-endian.
    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = 4 - Integer.numberOfLeadingZeros(length) / 8;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
