package dev.vellum.app.cli;

import java.nio.file.Path;
import java.time.Instant;

import dev.vellum.app.context.ArchiveSettings;

/** The options every {@code vellum} command accepts, whether written before or after the subcommand. */
public record GlobalOptions(Path dataDir, Path configFile, Instant now, boolean json) {

    public ArchiveSettings archiveSettings() {
        return new ArchiveSettings(dataDir, configFile, now, java.util.Map.of());
    }

    /** The data directory as the command line gives it (the configuration may still choose another). */
    public Path dataDirOrDefault() {
        return dataDir != null ? dataDir : Path.of("vellum-data");
    }
}
