package dev.vellum.validation.trust;

import dev.vellum.validation.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;

/**
 * An immutable set of trusted certificates (usually self-signed roots, but any certificate may be
 * an anchor), looked up by subject. Loaded from PEM/DER files, directories of them, or PKCS#12/JKS
 * key stores.
 */
public final class TrustAnchors {

    private static final TrustAnchors EMPTY = new TrustAnchors(List.of());
    private final List<X509Certificate> certificates;
    private final Map<X500Principal, List<X509Certificate>> bySubject;

    private TrustAnchors(Collection<X509Certificate> certificates) {
        Map<String, X509Certificate> unique = new LinkedHashMap<>();
        for (X509Certificate c : certificates) {
            unique.putIfAbsent(fingerprint(c), c);
        }
        this.certificates = List.copyOf(unique.values());
        Map<X500Principal, List<X509Certificate>> index = new LinkedHashMap<>();
        for (X509Certificate c : this.certificates) {
            index.computeIfAbsent(c.getSubjectX500Principal(), k -> new ArrayList<>()).add(c);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.bySubject = Collections.unmodifiableMap(index);
    }

    public static TrustAnchors empty() {
        return EMPTY;
    }

    public static TrustAnchors of(Collection<X509Certificate> certificates) {
        return new TrustAnchors(certificates);
    }

    public static TrustAnchors of(X509Certificate... certificates) {
        return new TrustAnchors(List.of(certificates));
    }

    /**
     * Anchors from a PEM or DER certificate file, or from every {@code .pem/.crt/.cer/.der} file of a
     * directory (not recursive). A PEM file may hold several certificates.
     */
    public static TrustAnchors fromPath(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                List<X509Certificate> all = new ArrayList<>();
                files.filter(TrustAnchors::looksLikeCertificateFile).sorted()
                        .forEach(f -> all.addAll(readCertificates(f)));
                return new TrustAnchors(all);
            } catch (IOException e) {
                throw new ValidationException("cannot list trust anchor directory " + path + ": " + e.getMessage(), e);
            }
        }
        return new TrustAnchors(readCertificates(path));
    }

    /** Anchors from every certificate entry of a PKCS#12 or JKS key store. */
    public static TrustAnchors fromKeyStore(Path file, char[] password) {
        String type = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            List<X509Certificate> all = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate c = store.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    all.add(x);
                }
            }
            if (all.isEmpty()) {
                throw new ValidationException("key store " + file + " holds no certificate");
            }
            return new TrustAnchors(all);
        } catch (IOException | GeneralSecurityException e) {
            throw new ValidationException("cannot read " + type + " trust store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Certificates from a PEM (one or more) or DER file. */
    public static List<X509Certificate> readCertificates(Path file) {
        try {
            return parseCertificates(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new ValidationException("cannot read certificate file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Certificates from PEM (one or more) or DER bytes; {@code origin} names them in errors. */
    public static List<X509Certificate> parseCertificates(byte[] bytes, String origin) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new ValidationException(origin + " holds no certificate");
            }
            return List.copyOf(out);
        } catch (CertificateException e) {
            throw new ValidationException(origin + " is not a PEM or DER certificate: " + e.getMessage(), e);
        }
    }

    /** A set holding the anchors of both. */
    public TrustAnchors union(TrustAnchors other) {
        List<X509Certificate> all = new ArrayList<>(certificates);
        all.addAll(other.certificates);
        return new TrustAnchors(all);
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** Anchors whose subject is {@code subject} (candidates for an issuer). */
    public List<X509Certificate> bySubject(X500Principal subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** Whether this exact certificate (same encoding) is an anchor. */
    public boolean contains(X509Certificate certificate) {
        return bySubject(certificate.getSubjectX500Principal()).stream()
                .anyMatch(a -> a.equals(certificate));
    }

    public boolean isEmpty() {
        return certificates.isEmpty();
    }

    public int size() {
        return certificates.size();
    }

    private static boolean looksLikeCertificateFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(f) && (n.endsWith(".pem") || n.endsWith(".crt") || n.endsWith(".cer") || n.endsWith(".der"));
    }

    private static String fingerprint(X509Certificate c) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new ValidationException("cannot encode trust anchor " + c.getSubjectX500Principal(), e);
        }
    }
}
