package dev.vellum.bench.validate;

/**
 * One library validating corpus entries offline. The verdict is the sorted list of the top-level
 * signatures' {@code INDICATION/SUB_INDICATION} (sub-indication {@code null} when passed), joined by
 * {@code ;}, or {@code NONE} when the file has no signature.
 */
public interface CorpusValidator {
    String verdict(LoadedEntry entry);
}
