package dev.vellum.formats;

/**
 * Where the CMS of an S/MIME message sits in the original message bytes, so that an extended CMS
 * can be put back with every other byte — the signed part above all — left as it was.
 *
 * @param message the whole original message
 * @param bodyStart offset of the first byte of the CMS part's (transfer-encoded) body
 * @param bodyEnd offset just past its last byte
 * @param lineSeparator the line ending the message uses ("\r\n" or "\n")
 */
public record SmimeEnvelope(byte[] message, int bodyStart, int bodyEnd, String lineSeparator) {
    public SmimeEnvelope {
        message = message.clone();
        if (bodyStart < 0 || bodyEnd < bodyStart || bodyEnd > message.length) {
            throw new IllegalArgumentException("CMS part bounds out of range");
        }
    }

    @Override
    public byte[] message() {
        return message.clone();
    }
}
