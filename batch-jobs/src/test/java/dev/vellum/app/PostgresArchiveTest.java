package dev.vellum.app;

import dev.vellum.app.support.Database;

/** The archive suite on PostgreSQL (embedded, one fresh database per test), with the same migrations. */
class PostgresArchiveTest extends ArchiveSuite {
    @Override
    Database database() {
        return Database.POSTGRESQL;
    }
}
