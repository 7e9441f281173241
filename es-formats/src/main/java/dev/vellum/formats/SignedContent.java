package dev.vellum.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The data a signature covers, re-readable as often as needed and never held in memory unless it
 * came as bytes: a 1 GB detached file is digested as a stream each time.
 */
public final class SignedContent {

    /** Opens a fresh stream over the content. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String description;
    private final Opener opener;
    private final byte[] bytes;
    /** Digests of in-memory content by JCA algorithm name. */
    private final java.util.concurrent.ConcurrentHashMap<String, byte[]> digests = new java.util.concurrent.ConcurrentHashMap<>(2);

    private SignedContent(String description, Opener opener, byte[] bytes) {
        this.description = description;
        this.opener = opener;
        this.bytes = bytes;
    }

    public static SignedContent of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new SignedContent(copy.length + " bytes", () -> new ByteArrayInputStream(copy), copy);
    }

    public static SignedContent of(Path file) {
        Objects.requireNonNull(file, "file");
        return new SignedContent(file.toString(), () -> Files.newInputStream(file), null);
    }

    /** Content from any re-openable source (e.g. the eContent of a large enveloping file). */
    public static SignedContent of(String description, Opener opener) {
        return new SignedContent(description, opener, null);
    }

    public InputStream open() {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signed content " + description, e);
        }
    }

    /** Whether the bytes are already in memory (small content). */
    public boolean inMemory() {
        return bytes != null;
    }

    /** The bytes, read fully: only for content known to be small. */
    public byte[] readAllBytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signed content " + description, e);
        }
    }

    /**
     * Streams the content through {@code digest}, which must be fresh (nothing updated yet). Content
     * held in memory is immutable, so its digest per algorithm is computed once (the message-digest
     * check, the ATSv3 imprint and the report all ask for it).
     */
    public byte[] digest(MessageDigest digest) {
        if (bytes != null) {
            byte[] known = digests.get(digest.getAlgorithm());
            if (known == null) {
                known = digest.digest(bytes);
                digests.putIfAbsent(digest.getAlgorithm(), known);
            } else {
                digest.reset();
            }
            return known.clone();
        }
        try (InputStream in = open()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signed content " + description, e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
