package dev.vellum.timestamping.ers;

import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One archived data object as an evidence record sees it: something whose hash can be computed
 * under each algorithm the record uses (a hash-tree renewal needs a new algorithm's hash).
 */
public sealed interface DataObject permits DataObject.Content, DataObject.File, DataObject.Digests, DataObject.Hashed {

    /** The object's hash under {@code algorithm}. */
    byte[] digest(DigestAlgorithm algorithm);

    /** The object's bytes in memory. */
    static DataObject of(byte[] content) {
        return new Content(content.clone());
    }

    /** A file, hashed by streaming when needed. */
    static DataObject ofFile(Path file) {
        return new File(file);
    }

    /** Only known hashes (e.g. from an archive index); asking for another algorithm fails. */
    static DataObject ofDigest(DigestAlgorithm algorithm, byte[] digest) {
        Map<DigestAlgorithm, byte[]> m = new EnumMap<>(DigestAlgorithm.class);
        m.put(algorithm, digest.clone());
        return new Digests(m);
    }

    /** Known hashes under several algorithms. */
    static DataObject ofDigests(Map<DigestAlgorithm, byte[]> digests) {
        return new Digests(new EnumMap<>(digests));
    }

    /**
     * An object whose hash the caller computes per algorithm, e.g. a CAdES signature whose
     * evidence-record hash input is assembled from its parts (ETSI TS 119 122-3).
     */
    static DataObject hashedBy(Function<DigestAlgorithm, byte[]> hasher) {
        return new Hashed(hasher);
    }

    /** Hashes computed on demand by the caller. */
    record Hashed(Function<DigestAlgorithm, byte[]> hasher) implements DataObject {
        public Hashed {
            Objects.requireNonNull(hasher, "hasher");
        }

        @Override
        public byte[] digest(DigestAlgorithm algorithm) {
            byte[] d = hasher.apply(algorithm);
            if (d == null || d.length != algorithm.digestLength()) {
                throw new TimestampException("the data object's " + algorithm.jcaName() + " hash has "
                        + (d == null ? "no" : String.valueOf(d.length)) + " bytes, expected " + algorithm.digestLength());
            }
            return d;
        }
    }

    /** Bytes held in memory. */
    record Content(byte[] bytes) implements DataObject {
        public Content {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public byte[] digest(DigestAlgorithm algorithm) {
            return algorithm.digest(bytes);
        }
    }

    /** A file read when a hash is needed. */
    record File(Path path) implements DataObject {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public byte[] digest(DigestAlgorithm algorithm) {
            MessageDigest md = algorithm.newMessageDigest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), md)) {
                in.transferTo(OutputStreamSink.INSTANCE);
            } catch (IOException e) {
                throw new TimestampException("cannot read data object " + path + ": " + e.getMessage(), e);
            }
            return md.digest();
        }

        /** Discards bytes: only the digest stream matters. */
        private static final class OutputStreamSink extends java.io.OutputStream {
            static final OutputStreamSink INSTANCE = new OutputStreamSink();

            @Override
            public void write(int b) {
                // discard
            }

            @Override
            public void write(byte[] b, int off, int len) {
                // discard
            }
        }
    }

    /** Precomputed hashes. */
    record Digests(Map<DigestAlgorithm, byte[]> byAlgorithm) implements DataObject {
        public Digests {
            byAlgorithm = Map.copyOf(byAlgorithm);
        }

        @Override
        public byte[] digest(DigestAlgorithm algorithm) {
            byte[] d = byAlgorithm.get(algorithm);
            if (d == null) {
                throw new TimestampException("the data object is known only by its " + byAlgorithm.keySet()
                        + " hash; its " + algorithm.jcaName() + " hash is needed (supply the content)");
            }
            return d.clone();
        }
    }
}
