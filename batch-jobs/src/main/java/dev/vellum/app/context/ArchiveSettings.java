package dev.vellum.app.context;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What the command line says about the archive before Spring starts.
 *
 * @param dataDir    {@code --data}, or null to take it from the configuration (default ./vellum-data)
 * @param configFile {@code --config}, or null
 * @param now        {@code --now}, or null for the system clock
 * @param properties further properties that win over every file (used by tests and the demo)
 */
public record ArchiveSettings(Path dataDir, Path configFile, Instant now, Map<String, String> properties) {
    public ArchiveSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static ArchiveSettings of(Path dataDir) {
        return new ArchiveSettings(dataDir, null, null, Map.of());
    }

    public ArchiveSettings with(String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(properties);
        copy.put(key, value);
        return new ArchiveSettings(dataDir, configFile, now, copy);
    }
}
