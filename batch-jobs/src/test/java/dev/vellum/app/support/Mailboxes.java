package dev.vellum.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes mbox files (mboxrd quoting) and Maildir folders from message bytes. */
public final class Mailboxes {
    private Mailboxes() {
    }

    public static Path mbox(Path file, List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] message : messages) {
            out.writeBytes("From sender@example.org Mon Jan  5 09:00:00 2026\n".getBytes(StandardCharsets.US_ASCII));
            String text = new String(message, StandardCharsets.ISO_8859_1).replaceAll("(?m)^(>*From )", ">$1");
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            if (message.length > 0 && message[message.length - 1] != '\n') {
                out.write('\n');
            }
            out.write('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path maildir(Path dir, List<byte[]> messages) {
        try {
            for (String sub : List.of("cur", "new", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
            for (int i = 0; i < messages.size(); i++) {
                Files.write(dir.resolve(i % 2 == 0 ? "cur" : "new").resolve("17000000" + i + ".M" + i + "P1.host:2,S"),
                        messages.get(i));
            }
            // Half-delivered mail in tmp/ is not a message yet and must be ignored.
            Files.write(dir.resolve("tmp").resolve("partial"), "From: x\r\n".getBytes(StandardCharsets.US_ASCII));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
