package dev.vellum.bench.corpus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One file of the benchmark corpus, as each library is given it.
 *
 * <p>Vellum reads what users archive (an S/MIME {@code .eml}, a {@code .p7m}, a {@code .p7s} with its
 * content). DSS 6.3 does not read MIME, so it gets the same signature as the CMS and the signed MIME
 * entity as detached content, extracted once by es-formats before any timing.
 *
 * @param id unique name, e.g. {@code gen/0042-LTA.eml} or {@code openssl/01-valid-rsa2048.eml}
 * @param set which trust and supplied material to validate with: {@code gen} or {@code openssl}
 * @param group the row of the results: {@code gen-B}, {@code gen-T}, {@code gen-LT}, {@code gen-LTA}, {@code openssl}
 * @param vellumFile the file Vellum validates, relative to the corpus directory
 * @param vellumContent its detached content, if any
 * @param dssFile the CMS DSS validates
 * @param dssContent its detached content, if any
 * @param at the validation time
 * @param tags what a documented divergence may depend on (e.g. {@code expected=EXPIRED}, {@code signer=signer-ed25519})
 */
public record CorpusEntry(String id, String set, String group, String vellumFile, Optional<String> vellumContent,
                          String dssFile, Optional<String> dssContent, Instant at, List<String> tags) {

    public CorpusEntry {
        tags = List.copyOf(tags);
    }

    String toTsv() {
        return String.join("\t", id, set, group, vellumFile, vellumContent.orElse("-"), dssFile, dssContent.orElse("-"),
                at.toString(), tags.isEmpty() ? "-" : String.join(",", tags));
    }

    static CorpusEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 9) {
            throw new IllegalArgumentException("malformed corpus manifest row: " + line);
        }
        return new CorpusEntry(f[0], f[1], f[2], f[3], optional(f[4]), f[5], optional(f[6]), Instant.parse(f[7]),
                f[8].equals("-") ? List.of() : List.of(f[8].split(",")));
    }

    private static Optional<String> optional(String field) {
        return field.equals("-") ? Optional.empty() : Optional.of(field);
    }
}
