package dev.vellum.bench.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The corpus's {@code manifest.tsv}: one {@link CorpusEntry} per line, read by the worker JVMs. */
public final class Manifest {
    public static final String FILE = "manifest.tsv";

    private Manifest() {
    }

    public static void write(Path corpus, List<CorpusEntry> entries) {
        try {
            Files.write(corpus.resolve(FILE), entries.stream().map(CorpusEntry::toTsv).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus manifest in " + corpus, e);
        }
    }

    public static List<CorpusEntry> read(Path corpus) {
        try {
            return Files.readAllLines(corpus.resolve(FILE)).stream().filter(l -> !l.isBlank()).map(CorpusEntry::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus manifest in " + corpus + " (generate the corpus first)", e);
        }
    }
}
