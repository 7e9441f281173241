package dev.vellum.bench.validate;

import dev.vellum.validation.trust.TrustAnchors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a corpus set is validated with, from {@code <set>/pki/}: the trust anchors ({@code anchors.pem}),
 * a pool of further certificates ({@code certs.pem}), CRLs ({@code *.crl}) and OCSP responses
 * ({@code *.resp}). Both libraries get the same.
 */
public record SetMaterial(List<X509Certificate> anchors, List<X509Certificate> certificates, List<byte[]> crls,
                          List<byte[]> ocspResponses) {

    public static SetMaterial load(Path pkiDirectory) {
        try {
            List<X509Certificate> anchors = TrustAnchors.parseCertificates(
                    Files.readAllBytes(pkiDirectory.resolve("anchors.pem")), "anchors.pem");
            List<X509Certificate> pool = Files.exists(pkiDirectory.resolve("certs.pem"))
                    ? TrustAnchors.parseCertificates(Files.readAllBytes(pkiDirectory.resolve("certs.pem")), "certs.pem")
                    : List.of();
            return new SetMaterial(anchors, pool, read(pkiDirectory, ".crl"), read(pkiDirectory, ".resp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus material in " + pkiDirectory, e);
        }
    }

    private static List<byte[]> read(Path dir, String suffix) throws IOException {
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                all.add(Files.readAllBytes(f));
            }
        }
        return all;
    }
}
