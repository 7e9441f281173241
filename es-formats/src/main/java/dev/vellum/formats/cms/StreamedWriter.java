package dev.vellum.formats.cms;

import java.io.IOException;
import java.io.OutputStream;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Writes an extended large enveloping CMS: the new SignedData elements from the (small) view, with
 * the original encapContentInfo copied byte for byte from the source file between them. Outer
 * wrappers use indefinite lengths, so nothing needs the content's size in memory.
 */
public final class StreamedWriter {
    private static final byte[] EOC = {0, 0};

    private StreamedWriter() {
    }

    public static void write(StreamedEnvelope source, SignedDataParts view, OutputStream out) throws IOException {
        ASN1Sequence sd = view.rawSignedData();
        out.write(new byte[] {0x30, (byte) 0x80});
        out.write(Encodings.der(CadesOids.SIGNED_DATA));
        out.write(new byte[] {(byte) 0xA0, (byte) 0x80, 0x30, (byte) 0x80});
        out.write(Encodings.asStored(sd.getObjectAt(0)));
        out.write(Encodings.asStored(sd.getObjectAt(1)));
        source.copyEncapsulatedContentInfo(out);
        for (int i = 3; i < sd.size(); i++) {
            out.write(Encodings.asStored(sd.getObjectAt(i)));
        }
        out.write(EOC);
        out.write(EOC);
        out.write(EOC);
    }
}
