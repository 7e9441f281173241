package dev.vellum.app.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/** Hostile inputs an archive meets in real mailboxes, written as files. */
public final class BadInputs {
    private BadInputs() {
    }

    /** Writes the four bad inputs into {@code dir}; returns file name → a word the quarantine reason must contain. */
    public static Map<String, String> writeAll(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("empty.eml"), new byte[0]);
            byte[] junk = new byte[64 * 1024];
            new Random(7).nextBytes(junk);
            junk[10] = 0;
            Files.write(dir.resolve("binary-junk.eml"), junk);
            writeBase64Garbage(dir.resolve("base64-garbage.eml"), 50L * 1024 * 1024);
            Files.writeString(dir.resolve("mime-bomb.eml"), mimeBomb(2000), StandardCharsets.US_ASCII);
            return Map.of("empty.eml", "empty", "binary-junk.eml", "binary", "base64-garbage.eml", "header",
                    "mime-bomb.eml", "nesting");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 50 MB of base64 text in 76-character lines, as a broken mail export would leave it. */
    static void writeBase64Garbage(Path file, long size) throws IOException {
        Random random = new Random(11);
        byte[] chunk = new byte[57 * 1000];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            long written = 0;
            while (written < size) {
                random.nextBytes(chunk);
                String text = Base64.getMimeEncoder().encodeToString(chunk);
                out.write(text);
                out.write("\r\n");
                written += text.length() + 2;
            }
        }
    }

    /** A message whose multiparts nest {@code depth} levels deep. */
    public static String mimeBomb(int depth) {
        StringBuilder head = new StringBuilder("From: bomb@example.org\r\nSubject: nested\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            head.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\r\n\r\n");
            tail.insert(0, "\r\n--b" + i + "--\r\n");
        }
        head.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nboom\r\n--b").append(depth).append("--\r\n");
        return head.append(tail).toString();
    }
}
