package dev.vellum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's build step {@code src/launcher/UnsignJars.java} (docs/operations.md, Start-up):
 * Bouncy Castle's signed jar comes out without its signature, every other entry byte for byte.
 */
class UnsignJarsTest {

    @TempDir
    Path temp;

    @Test
    void signedJarLosesOnlyItsSignatureAndAnUnsignedJarIsLeftAlone() throws Exception {
        Path original = Path.of(BouncyCastleProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = Files.createDirectories(temp.resolve("lib"));
        Path jar = Files.copy(original, lib.resolve(original.getFileName()));
        assertThat(signatureFiles(jar)).as("the BC jar from Maven Central is signed").isNotEmpty();

        run(lib);

        assertThat(signatureFiles(jar)).isEmpty();
        Map<String, Long> before = crcs(original);
        Map<String, Long> after = crcs(jar);
        before.keySet().removeIf(name -> name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA")
                || name.endsWith(".EC") || name.equals(JarFile.MANIFEST_NAME));
        after.remove(JarFile.MANIFEST_NAME);
        assertThat(after).isEqualTo(before);
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertThat(manifest.getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE)).isEqualTo("true");
            assertThat(manifest.getEntries().values()).noneMatch(a -> a.keySet().stream()
                    .anyMatch(k -> k.toString().endsWith("-Digest")));
        }

        FileTime rewritten = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(rewritten.toMillis() - 60_000));
        FileTime aged = Files.getLastModifiedTime(jar);
        run(lib);
        assertThat(Files.getLastModifiedTime(jar)).as("an unsigned jar is not rewritten").isEqualTo(aged);
    }

    private static void run(Path lib) throws Exception {
        Path output = Files.createTempFile(lib.getParent(), "unsign", ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("src", "launcher", "UnsignJars.java").toString(), lib.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(output)).isZero();
    }

    private static List<String> signatureFiles(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("META-INF/") && n.indexOf('/', 9) < 0
                            && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")))
                    .toList();
        }
    }

    private static Map<String, Long> crcs(Path jar) throws Exception {
        Map<String, Long> crcs = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            file.stream().forEach(e -> crcs.put(e.getName(), e.getCrc()));
        }
        return crcs;
    }
}
