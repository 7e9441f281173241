package dev.vellum.app.ingest.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vellum.app.support.Mailboxes;
import dev.vellum.testkit.corpus.Corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxReaderTest {
    @TempDir
    Path temp;

    static final byte[] QUOTING = ("From: x@example.org\nSubject: quoting\n\nFrom the start of a line,\n>From quoted\n"
            + "\nFrom after a blank line\nend\n").getBytes(StandardCharsets.US_ASCII);

    @Test
    void givesBackEachMessageByteForByteWithCrlfLfAndFromLines() throws IOException {
        List<byte[]> messages = List.of(Corpus.bytes("openssl/messages/07-valid-crlf.eml"),
                Corpus.bytes("openssl/messages/08-valid-lf-only.eml"), QUOTING);
        Path mbox = Mailboxes.mbox(temp.resolve("a.mbox"), messages);
        List<byte[]> read = new ArrayList<>();
        try (MboxReader reader = new MboxReader(mbox, 0, 0, 1 << 20)) {
            MboxReader.Entry entry;
            while ((entry = reader.next()) != null) {
                read.add(entry.bytes());
            }
        }
        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(new String(read.get(i), StandardCharsets.ISO_8859_1)).as("message " + i)
                    .isEqualTo(new String(messages.get(i), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void resumesFromASavedOffsetAndReportsOversizedMessagesBySizeOnly() throws IOException {
        byte[] big = ("From: big@example.org\n\n" + "x".repeat(5000) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path mbox = Mailboxes.mbox(temp.resolve("b.mbox"), List.of(QUOTING, big, QUOTING));
        long offset;
        int ordinal;
        try (MboxReader reader = new MboxReader(mbox, 0, 0, 1000)) {
            assertThat(reader.next().bytes()).isEqualTo(QUOTING);
            MboxReader.Entry oversized = reader.next();
            assertThat(oversized.bytes()).isNull();
            assertThat(oversized.size()).isEqualTo(big.length);
            offset = reader.nextOffset();
            ordinal = reader.ordinal();
        }
        try (MboxReader resumed = new MboxReader(mbox, offset, ordinal, 1000)) {
            MboxReader.Entry third = resumed.next();
            assertThat(third.ordinal()).isEqualTo(3);
            assertThat(third.bytes()).isEqualTo(QUOTING);
            assertThat(resumed.next()).isNull();
        }
    }
}
