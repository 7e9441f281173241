package dev.vellum.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes report files whole or not at all (temp file, then rename), so a crash never leaves half a report. */
public final class DossierFiles {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DossierFiles() {
    }

    public static Path writeJson(Path file, Object value) {
        return write(file, JSON.writeValueAsBytes(value));
    }

    /** Any report file (PDF, XML), whole or not at all. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".report-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new ReportException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }
}
