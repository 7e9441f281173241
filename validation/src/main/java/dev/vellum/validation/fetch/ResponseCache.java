package dev.vellum.validation.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetched responses by key (the URL, plus the request hash for OCSP POSTs), each kept until its
 * expiry (the CRL's or OCSP response's nextUpdate). Always in memory; also on disk when given a
 * directory, so a second run reuses what the first fetched. Thread-safe.
 *
 * <p>Disk layout: one file per key, named by SHA-256 of the key: 8 bytes expiry (epoch seconds),
 * then the response bytes. Written to a temporary file and moved into place.
 */
public final class ResponseCache {

    private record Entry(byte[] bytes, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> memory = new ConcurrentHashMap<>();
    private final Path directory;

    private ResponseCache(Path directory) {
        this.directory = directory;
    }

    public static ResponseCache inMemory() {
        return new ResponseCache(null);
    }

    /** A cache that also persists entries under {@code directory} (created if needed). */
    public static ResponseCache onDisk(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new FetchException("cannot create cache directory " + directory + ": " + e.getMessage(), e);
        }
        return new ResponseCache(directory);
    }

    /** The response cached under {@code key} if it has not expired at {@code now}. */
    public Optional<byte[]> get(String key, Instant now) {
        Entry e = memory.get(key);
        if (e == null && directory != null) {
            e = readDisk(key);
            if (e != null) {
                memory.put(key, e);
            }
        }
        if (e == null) {
            return Optional.empty();
        }
        if (!now.isBefore(e.expires())) {
            memory.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.bytes().clone());
    }

    /** Keeps {@code bytes} under {@code key} until {@code expires}; already-expired data is not kept. */
    public void put(String key, byte[] bytes, Instant expires, Instant now) {
        if (!now.isBefore(expires)) {
            return;
        }
        Entry e = new Entry(bytes.clone(), expires);
        memory.put(key, e);
        if (directory != null) {
            writeDisk(key, e);
        }
    }

    public int size() {
        return memory.size();
    }

    private Entry readDisk(String key) {
        Path file = directory.resolve(fileName(key));
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] all = Files.readAllBytes(file);
            if (all.length < 8) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(all);
            Instant expires = Instant.ofEpochSecond(buf.getLong());
            byte[] body = new byte[all.length - 8];
            buf.get(body);
            return new Entry(body, expires);
        } catch (IOException e) {
            return null; // an unreadable cache file is a miss, the data is fetched again
        }
    }

    private void writeDisk(String key, Entry e) {
        Path file = directory.resolve(fileName(key));
        try {
            Path tmp = Files.createTempFile(directory, "fetch", ".tmp");
            ByteBuffer buf = ByteBuffer.allocate(8 + e.bytes().length);
            buf.putLong(e.expires().getEpochSecond()).put(e.bytes());
            Files.write(tmp, buf.array());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ex) {
            // The memory copy still serves this run; the disk copy is only an optimisation.
        }
    }

    private static String fileName(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))) + ".bin";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
