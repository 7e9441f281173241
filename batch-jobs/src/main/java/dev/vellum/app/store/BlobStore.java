package dev.vellum.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed, write-once blob storage on the local filesystem: {@code sha256/ab/cd/<hash>}.
 *
 * <p>A blob is written to a temporary file, forced to disk, then linked atomically into place (a
 * link, unlike a rename, never replaces an existing name) and the directory is forced too, so a crash leaves either no blob or a whole one. An existing blob is
 * never overwritten. Every read re-hashes the bytes: corruption is reported, never returned.
 */
public final class BlobStore {
    private final Path root;
    private final Path blobs;
    private final Path temp;

    public BlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.blobs = this.root.resolve("sha256");
        this.temp = this.root.resolve("tmp");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new StoreException("cannot create the blob store under " + this.root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** Where the blob with this hash lives (whether or not it exists). */
    public Path pathOf(ContentHash hash) {
        String hex = hash.hex();
        return blobs.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    public boolean exists(ContentHash hash) {
        return Files.isRegularFile(pathOf(hash));
    }

    public ContentHash put(byte[] bytes) {
        try {
            return put(new java.io.ByteArrayInputStream(bytes));
        } catch (UncheckedIOException e) {
            throw new StoreException("cannot store blob: " + e.getMessage(), e);
        }
    }

    /** Stores the stream's bytes; returns their hash. Storing bytes already present is a no-op. */
    public ContentHash put(InputStream in) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(temp, "put-", ".tmp");
            MessageDigest digest = ContentHash.newDigest();
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), digest)) {
                in.transferTo(out);
                out.flush();
                channel.force(true);
            }
            ContentHash hash = ContentHash.fromDigest(digest.digest());
            Path target = pathOf(hash);
            if (Files.exists(target)) {
                // Write-once: the existing copy must already be these bytes; never replace it.
                Files.delete(tmp);
                requireIntact(hash);
                return hash;
            }
            Files.createDirectories(target.getParent());
            try {
                // A hard link fails when the name exists (rename would silently replace it): write-once
                // even against a concurrent writer. The temp name is then dropped.
                Files.createLink(target, tmp);
                Files.delete(tmp);
            } catch (FileAlreadyExistsException race) {
                Files.delete(tmp);
                tmp = null;
                requireIntact(hash);
                return hash;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
                if (Files.exists(target)) {
                    Files.delete(tmp);
                    tmp = null;
                    requireIntact(hash);
                    return hash;
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new StoreException("the store's filesystem cannot rename atomically: " + root, e);
                }
            }
            tmp = null;
            target.toFile().setReadOnly();
            forceDirectory(target.getParent());
            return hash;
        } catch (IOException e) {
            throw new StoreException("cannot store blob under " + root + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a left-over temp file is harmless; the next verify-store lists it
                }
            }
        }
    }

    private void requireIntact(ContentHash hash) {
        BlobCheck existing = verify(hash);
        if (!existing.ok()) {
            throw new BlobCorruptedException(hash, "the stored copy is " + existing.state().name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + existing.detail() + "); it is left as found for inspection, not overwritten");
        }
    }

    /** The blob's bytes, re-hashed: a mismatch throws {@link BlobCorruptedException}. */
    public byte[] read(ContentHash hash) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pathOf(hash));
        } catch (NoSuchFileException e) {
            throw new StoreException("blob " + hash + " is missing from " + root);
        } catch (IOException e) {
            throw new StoreException("cannot read blob " + hash + ": " + e.getMessage(), e);
        }
        ContentHash actual = ContentHash.of(bytes);
        if (!actual.equals(hash)) {
            throw new BlobCorruptedException(hash, "its bytes now hash to " + actual);
        }
        return bytes;
    }

    /** Re-hashes the blob on disk without keeping it in memory. */
    public BlobCheck verify(ContentHash hash) {
        Path path = pathOf(hash);
        if (!Files.isRegularFile(path)) {
            return new BlobCheck(hash, BlobCheck.State.MISSING, "no file at " + path);
        }
        MessageDigest digest = ContentHash.newDigest();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return new BlobCheck(hash, BlobCheck.State.UNREADABLE, e.getMessage());
        }
        ContentHash actual = ContentHash.fromDigest(digest.digest());
        return actual.equals(hash)
                ? new BlobCheck(hash, BlobCheck.State.OK, "")
                : new BlobCheck(hash, BlobCheck.State.CORRUPT, "bytes hash to " + actual);
    }

    /** Every blob name present on disk (files whose name is not a hash are ignored). */
    public List<ContentHash> list() {
        List<ContentHash> hashes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(blobs)) {
            files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[0-9a-f]{64}"))
                    .sorted()
                    .forEach(name -> hashes.add(new ContentHash(name)));
        } catch (IOException e) {
            throw new StoreException("cannot list blobs under " + blobs + ": " + e.getMessage(), e);
        }
        return hashes;
    }

    /** Temporary files left by interrupted writes. */
    public List<Path> leftoverTempFiles() {
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(temp)) {
            dir.forEach(leftovers::add);
        } catch (IOException e) {
            throw new StoreException("cannot list " + temp + ": " + e.getMessage(), e);
        }
        return leftovers;
    }

    public Optional<Long> size(ContentHash hash) {
        try {
            return Optional.of(Files.size(pathOf(hash)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename durable on Linux; some filesystems refuse to open a directory, which is fine.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not supported here; the file itself was already forced
        }
    }
}
