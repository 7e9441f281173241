package dev.vellum.app.support;

import java.nio.file.Path;

import dev.vellum.app.context.ArchiveSettings;

/** The two databases every archive test runs on. */
public enum Database {
    H2,
    POSTGRESQL;

    /** Settings for a fresh archive in {@code dataDir}: small chunks and two partitions, so both are exercised. */
    public ArchiveSettings settings(Path dataDir) {
        ArchiveSettings settings = ArchiveSettings.of(dataDir)
                .with("vellum.jobs.chunk-size", "5")
                .with("vellum.jobs.partitions", "2");
        if (this == POSTGRESQL) {
            settings = settings.with("spring.datasource.url", EmbeddedPostgresServer.newDatabase())
                    .with("spring.datasource.username", "postgres")
                    .with("spring.datasource.password", "postgres");
        }
        return settings;
    }
}
