package dev.vellum.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample mailbox and demo PKI shipped inside the application (from the repository's
 * {@code samples/} directory), copied out to a directory so that the demo ingests real files.
 */
public final class DemoSamples {
    private static final String ROOT = "/vellum-samples/";
    private static final String INDEX = "INDEX.txt";

    private DemoSamples() {
    }

    public static boolean bundled() {
        return DemoSamples.class.getResource(ROOT + INDEX) != null;
    }

    /** Copies every sample listed in the bundled INDEX.txt into {@code target}; returns {@code target}. */
    public static Path extractTo(Path target) {
        try (InputStream index = open(INDEX)) {
            List<String> files = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            for (String file : files) {
                Path destination = target.resolve(file).normalize();
                if (!destination.startsWith(target)) {
                    throw new IllegalStateException("sample path leaves the sample directory: " + file);
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = open(file)) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the demo samples to " + target + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = DemoSamples.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("sample " + file + " is not bundled in this build");
        }
        return in;
    }
}
