package dev.vellum.app.ingest.input;

import java.nio.file.Path;

/** One input file: a message, a CMS file, or an mbox holding many messages. */
public record InputUnit(Path path, InputKind kind) {
}
