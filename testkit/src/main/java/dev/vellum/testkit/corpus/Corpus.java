package dev.vellum.testkit.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * The shipped test corpora: {@code openssl/} (47 OpenSSL-made signed-mail and CMS cases with their
 * expected verdicts and test PKI) and {@code rfc4134/} (the RFC 4134 example messages).
 *
 * <p>The files live on the classpath so that every module's tests can use them on a fresh clone.
 * Paths are relative to the corpus root, e.g. {@code openssl/messages/01-valid-rsa2048.eml}.
 */
public final class Corpus {
    private static final String ROOT = "/dev/vellum/testkit/corpus/";
    private static volatile Path extracted;

    private Corpus() {
    }

    /** The bytes of one corpus file. */
    public static byte[] bytes(String relativePath) {
        try (InputStream in = open(relativePath)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + relativePath, e);
        }
    }

    /** A stream over one corpus file; the caller closes it. */
    public static InputStream open(String relativePath) {
        InputStream in = Corpus.class.getResourceAsStream(ROOT + relativePath);
        if (in == null) {
            throw new IllegalArgumentException("no corpus file " + relativePath);
        }
        return in;
    }

    /** Whether the corpus holds this file. */
    public static boolean exists(String relativePath) {
        return Corpus.class.getResource(ROOT + relativePath) != null;
    }

    /**
     * The corpus file as a real file on disk (for tools such as {@code openssl} that need a path).
     * The corpus is copied once per JVM into a temporary directory, as files inside a jar have no
     * path of their own.
     */
    public static Path file(String relativePath) {
        Path root = extractedRoot();
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the corpus: " + relativePath);
        }
        synchronized (Corpus.class) {
            if (!Files.exists(target)) {
                try (InputStream in = open(relativePath)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot extract corpus file " + relativePath, e);
                }
            }
        }
        return target;
    }

    /** The rows of {@code openssl/MANIFEST.tsv}, in file order. */
    public static List<OpenSslCase> openSslCases() {
        String tsv = new String(bytes("openssl/MANIFEST.tsv"), StandardCharsets.UTF_8);
        return tsv.lines().skip(1).filter(line -> !line.isBlank()).map(OpenSslCase::parse).toList();
    }

    /** One row of the OpenSSL manifest, by its file name (e.g. {@code 13-valid-enveloping.p7m}). */
    public static OpenSslCase openSslCase(String fileName) {
        return openSslCases().stream()
                .filter(c -> c.fileName().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no OpenSSL corpus case " + fileName));
    }

    private static Path extractedRoot() {
        Path root = extracted;
        if (root == null) {
            synchronized (Corpus.class) {
                root = extracted;
                if (root == null) {
                    try {
                        root = Files.createTempDirectory("vellum-corpus").toRealPath();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create a temporary corpus directory", e);
                    }
                    extracted = Objects.requireNonNull(root);
                }
            }
        }
        return root;
    }
}
