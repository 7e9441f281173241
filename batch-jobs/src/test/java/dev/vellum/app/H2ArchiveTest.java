package dev.vellum.app;

import dev.vellum.app.support.Database;

/** The archive suite on the default H2 file database. */
class H2ArchiveTest extends ArchiveSuite {
    @Override
    Database database() {
        return Database.H2;
    }
}
