package dev.vellum.testkit.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One case of the OpenSSL corpus ({@code openssl/MANIFEST.tsv}).
 *
 * @param file path relative to {@code openssl/}, e.g. {@code messages/01-valid-rsa2048.eml}
 * @param kind smime-multipart-signed, smime-opaque, p7s-detached+content, p7m-enveloping or rfc3161-tsr
 * @param signers certificate base names in {@code openssl/pki/}, empty when there is none
 * @param expected the verdict the case must get: VALID, INVALID-SIGNATURE, INVALID-DIGEST, REVOKED,
 *     EXPIRED, UNTRUSTED, BAD-KEYUSAGE, WEAK-ALGO or MALFORMED
 * @param openSslVerdict what {@code openssl cms -verify} said, in the same vocabulary
 * @param content the detached content (or time-stamped data), relative to {@code openssl/}, if any
 * @param madeBy how the case was made
 * @param note what the case is about
 */
public record OpenSslCase(String file, String kind, List<String> signers, String expected,
                          String openSslVerdict, Optional<String> content, String madeBy, String note) {

    static OpenSslCase parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 10) {
            throw new IllegalArgumentException("malformed manifest row: " + line);
        }
        List<String> signers = f[2].equals("-") ? List.of() : Arrays.asList(f[2].split("\\+"));
        Optional<String> content = f[6].equals("-") ? Optional.empty() : Optional.of(f[6]);
        return new OpenSslCase(f[0], f[1], List.copyOf(signers), f[3], f[4], content, f[7], f[9]);
    }

    /** The file name without directories, e.g. {@code 01-valid-rsa2048.eml}. */
    public String fileName() {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** The corpus path of the case file, for {@link Corpus#bytes(String)}. */
    public String corpusPath() {
        return "openssl/" + file;
    }

    /** The corpus path of the detached content, if the case has one. */
    public Optional<String> contentCorpusPath() {
        return content.map(c -> "openssl/" + c);
    }

    @Override
    public String toString() {
        return fileName() + " (" + expected + ")";
    }
}
