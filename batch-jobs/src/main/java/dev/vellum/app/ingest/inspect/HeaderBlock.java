package dev.vellum.app.ingest.inspect;

/**
 * Checks that bytes start with an RFC 5322 header block before Jakarta Mail sees them: Jakarta
 * Mail is lenient by design and would accept binary junk or base64 text as a message with odd
 * headers, where an archive must refuse it with a reason.
 */
final class HeaderBlock {
    private HeaderBlock() {
    }

    /** Throws {@link UnreadableInputException} unless a well-formed header block starts the bytes. */
    static void check(byte[] bytes, int maxHeaderBytes) {
        if (bytes.length == 0) {
            throw new UnreadableInputException("empty file");
        }
        int limit = Math.min(bytes.length, maxHeaderBytes);
        int lineStart = 0;
        int fields = 0;
        int lineNumber = 0;
        while (lineStart < limit) {
            int end = lineStart;
            while (end < limit && bytes[end] != '\n') {
                if (bytes[end] == 0) {
                    throw new UnreadableInputException("binary data (a NUL byte) in the header block at line "
                            + (lineNumber + 1) + ": not a mail message");
                }
                end++;
            }
            if (end == limit && limit < bytes.length) {
                throw new UnreadableInputException("no end of the header block within the first " + maxHeaderBytes
                        + " bytes: not a mail message");
            }
            int contentEnd = end > lineStart && bytes[end - 1] == '\r' ? end - 1 : end;
            lineNumber++;
            if (contentEnd == lineStart) {
                break; // the empty line that ends the header block
            }
            byte first = bytes[lineStart];
            if (first == ' ' || first == '\t') {
                if (fields == 0) {
                    throw new UnreadableInputException("line 1 is a header continuation without a header field: not a mail message");
                }
            } else if (lineNumber == 1 && startsWith(bytes, lineStart, "From ")) {
                // an mbox "From " envelope line left at the top of an .eml file
            } else {
                int colon = fieldNameEnd(bytes, lineStart, contentEnd);
                if (colon < 0) {
                    throw new UnreadableInputException("line " + lineNumber + " is not a header field (no \"name:\"): "
                            + "not a mail message");
                }
                fields++;
            }
            lineStart = end + 1;
        }
        if (fields == 0) {
            throw new UnreadableInputException("no header fields: not a mail message");
        }
    }

    /** Index of the colon ending a valid field name (RFC 5322 ftext: printable ASCII but ':'), or -1. */
    private static int fieldNameEnd(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xff;
            if (b == ':') {
                return i > start ? i : -1;
            }
            if (b < 33 || b > 126) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int offset, String prefix) {
        if (bytes.length - offset < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
