package dev.vellum.bench.validate;

import dev.vellum.bench.corpus.CorpusEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A corpus entry with its files read into memory before any timing. */
public record LoadedEntry(CorpusEntry entry, byte[] vellumFile, byte[] vellumContent, byte[] dssFile, byte[] dssContent) {

    public static LoadedEntry load(Path corpus, CorpusEntry e) {
        try {
            return new LoadedEntry(e, Files.readAllBytes(corpus.resolve(e.vellumFile())),
                    e.vellumContent().isPresent() ? Files.readAllBytes(corpus.resolve(e.vellumContent().get())) : null,
                    Files.readAllBytes(corpus.resolve(e.dssFile())),
                    e.dssContent().isPresent() ? Files.readAllBytes(corpus.resolve(e.dssContent().get())) : null);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read corpus file of " + e.id(), ex);
        }
    }
}
