package dev.vellum.app.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A password kept in a file (owner-readable only), as configuration names it instead of holding it. */
public final class SecretFile {
    private SecretFile() {
    }

    /** The file's first line, without its line end; the failure names the setting. */
    public static char[] read(Path file, String setting) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).replace("\r", "").toCharArray();
        } catch (IOException e) {
            throw new ArchiveUnavailableException(setting + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
