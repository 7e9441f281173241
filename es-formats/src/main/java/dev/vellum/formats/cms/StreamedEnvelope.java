package dev.vellum.formats.cms;

import dev.vellum.formats.SignatureFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the encapContentInfo of a large enveloping CMS file lies, so that it is streamed — to
 * digest it, and to copy it unchanged into an extended file — instead of being loaded.
 *
 * <p>Written by hand: Bouncy Castle's stream parser gives the content but not its stored byte range,
 * and the range is what lets an extended file keep encapContentInfo byte-identical. Only TLV headers
 * are read (definite and indefinite lengths, high tag numbers); contents are skipped by position.
 *
 * @param file the CMS file
 * @param signedDataStart offset of the first element inside SignedData (its version)
 * @param encapStart offset of the encapContentInfo TLV
 * @param encapEnd offset just past it
 * @param tailEnd offset just past the last SignedData element (before any end-of-contents octets)
 */
public record StreamedEnvelope(Path file, long signedDataStart, long encapStart, long encapEnd, long tailEnd) {
    private static final int MAX_DEPTH = 64;

    /** Walks the headers of ContentInfo → [0] → SignedData → version, digestAlgorithms, encapContentInfo, rest. */
    public static StreamedEnvelope scan(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Walker w = new Walker(ch);
            Header ci = w.header(0, "ContentInfo");
            expect(ci, 0x30, "ContentInfo SEQUENCE", file);
            Header oid = w.header(ci.contentStart, "contentType");
            expect(oid, 0x06, "contentType OID", file);
            Header explicit = w.header(w.end(oid, 0), "[0] content");
            expect(explicit, 0xA0, "[0] EXPLICIT content", file);
            Header sd = w.header(explicit.contentStart, "SignedData");
            expect(sd, 0x30, "SignedData SEQUENCE", file);
            Header version = w.header(sd.contentStart, "version");
            Header digests = w.header(w.end(version, 0), "digestAlgorithms");
            long encapStart = w.end(digests, 0);
            Header encap = w.header(encapStart, "encapContentInfo");
            expect(encap, 0x30, "encapContentInfo SEQUENCE", file);
            long encapEnd = w.end(encap, 0);
            long p = encapEnd;
            long limit = sd.length >= 0 ? sd.contentStart + sd.length : ch.size();
            while (p < limit) {
                Header h = w.header(p, "SignedData element");
                if (h.tag == 0 && h.length == 0) {
                    break; // end-of-contents of an indefinite SignedData
                }
                p = w.end(h, 0);
            }
            return new StreamedEnvelope(file, sd.contentStart, encapStart, encapEnd, p);
        } catch (SignatureFormatException e) {
            if (e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new SignatureFormatException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SignatureFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The stored bytes of [from, to) of the file. */
    public byte[] read(long from, long to) {
        if (to - from > Encodings.MAX_IN_MEMORY) {
            throw new SignatureFormatException(file + ": element of " + (to - from) + " bytes is too large to read");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) (to - from));
            while (buf.hasRemaining()) {
                if (ch.read(buf, from + buf.position()) < 0) {
                    throw new SignatureFormatException(file + ": truncated");
                }
            }
            return buf.array();
        } catch (IOException e) {
            throw new SignatureFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** A stream over [from, to) of the file. */
    public InputStream open(long from, long to) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(from);
        InputStream in = Channels.newInputStream(ch);
        return new InputStream() {
            long left = to - from;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Copies the stored encapContentInfo to {@code out}. */
    public void copyEncapsulatedContentInfo(OutputStream out) throws IOException {
        try (InputStream in = open(encapStart, encapEnd)) {
            in.transferTo(out);
        }
    }

    private static void expect(Header h, int tag, String what, Path file) {
        if (h.tag != tag) {
            throw new SignatureFormatException(file + ": expected " + what + ", found tag 0x" + Integer.toHexString(h.tag));
        }
    }

    /** One TLV header: first identifier octet, where the contents start, their length or -1 if indefinite. */
    private record Header(int tag, long contentStart, long length) {
    }

    private static final class Walker {
        private final FileChannel ch;
        private final long size;

        Walker(FileChannel ch) throws IOException {
            this.ch = ch;
            this.size = ch.size();
        }

        Header header(long at, String what) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(16);
            int n = ch.read(b, at);
            if (n < 2) {
                throw new SignatureFormatException("truncated " + what + " at offset " + at);
            }
            byte[] h = b.array();
            int i = 0;
            int tag = h[i++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                while (i < n && (h[i] & 0x80) != 0) {
                    i++;
                }
                i++;
            }
            if (i >= n) {
                throw new SignatureFormatException("truncated " + what + " header at offset " + at);
            }
            int first = h[i++] & 0xFF;
            long length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x80) {
                length = -1;
            } else {
                int count = first & 0x7F;
                if (count > 8 || i + count > n) {
                    throw new SignatureFormatException("bad length of " + what + " at offset " + at);
                }
                length = 0;
                for (int k = 0; k < count; k++) {
                    length = (length << 8) | (h[i++] & 0xFF);
                }
                if (length < 0) {
                    throw new SignatureFormatException("bad length of " + what + " at offset " + at);
                }
            }
            long contentStart = at + i;
            if (length >= 0 && contentStart + length > size) {
                throw new SignatureFormatException(what + " at offset " + at + " runs past the end of the file");
            }
            return new Header(tag, contentStart, length);
        }

        long end(Header h, int depth) throws IOException {
            if (h.length >= 0) {
                return h.contentStart + h.length;
            }
            if (depth > MAX_DEPTH || (h.tag & 0x20) == 0) {
                throw new SignatureFormatException("indefinite length on a primitive or too deeply nested element");
            }
            long p = h.contentStart;
            while (true) {
                Header c = header(p, "element");
                if (c.tag == 0 && c.length == 0) {
                    return c.contentStart;
                }
                p = end(c, depth + 1);
            }
        }
    }

}
