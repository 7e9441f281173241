import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of batch-jobs (package phase, run with the JDK's source launcher): rewrites every
 * signed jar in target/lib without its signature files and manifest digests. Classes from a signed
 * jar are digest-checked on every load and are never put into a CDS archive, which costs the
 * stand-alone tools about a quarter of their start-up (docs/operations.md, Start-up). The class
 * files are copied unchanged. Usage: {@code java UnsignJars.java DIR}.
 */
public final class UnsignJars {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : jars) {
                if (signed(jar)) {
                    unsign(jar);
                }
            }
        }
    }

    private static boolean signed(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().anyMatch(e -> signatureFile(e.getName()));
        }
    }

    /** The files of a JAR signature (JAR File Specification, "Signed JAR File"). */
    private static boolean signatureFile(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"))
                || upper.startsWith("META-INF/SIG-");
    }

    private static void unsign(Path jar) throws IOException {
        Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".unsigned");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (signatureFile(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    withoutDigests(in, out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("unsigned " + jar.getFileName());
    }

    /** The manifest without its per-entry digests (only the signature needed them). */
    private static void withoutDigests(InputStream in, OutputStream out) throws IOException {
        Manifest manifest = new Manifest(in);
        for (Iterator<Map.Entry<String, Attributes>> it = manifest.getEntries().entrySet().iterator(); it.hasNext(); ) {
            Attributes attributes = it.next().getValue();
            attributes.keySet().removeIf(name -> name.toString().toUpperCase(java.util.Locale.ROOT).endsWith("-DIGEST"));
            if (attributes.isEmpty()) {
                it.remove();
            }
        }
        manifest.write(out);
    }
}
