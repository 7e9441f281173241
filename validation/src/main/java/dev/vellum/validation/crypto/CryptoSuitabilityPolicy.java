package dev.vellum.validation.crypto;

import dev.vellum.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The dated crypto-suitability table (algorithm, key-size range, suitable before), loaded from JSON.
 * Immutable and thread-safe. The default follows ETSI TS 119 312 V2.1.1 Annex D; {@link #dssShipped()}
 * holds the dates of DSS 6.3's default constraint file for side-by-side comparisons.
 *
 * <p>JSON format (see docs/validation.md): {@code {"name": "...", "source": "...", "rules": [
 * {"algorithm": "SHA-1", "suitableBefore": "2012-08-01", "note": "..."},
 * {"algorithm": "RSA", "minKeySize": 1900, "maxKeySize": 2999, "suitableBefore": "2026-01-01"}]}}.
 * A missing {@code suitableBefore} means no known end; an algorithm without a row is unsuitable.
 */
public final class CryptoSuitabilityPolicy {

    private static final String TS_119_312 = "ts-119-312-v2.1.1.json";
    private static final String DSS_SHIPPED = "dss-6.3-constraint.json";

    private final String name;
    private final String source;
    private final List<SuitabilityRule> rules;
    private final LocalDate updateDate;

    public CryptoSuitabilityPolicy(String name, String source, List<SuitabilityRule> rules) {
        this(name, source, rules, null);
    }

    /**
     * @param updateDate when the table was last reviewed, or null: an end date after it is a forecast
     *     the table cannot vouch for, so it is reported but not enforced (DSS's {@code UpdateDate} with
     *     {@code LevelAfterUpdate=WARN})
     */
    public CryptoSuitabilityPolicy(String name, String source, List<SuitabilityRule> rules, LocalDate updateDate) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source == null ? "" : source;
        this.rules = List.copyOf(rules);
        this.updateDate = updateDate;
    }

    /** ETSI TS 119 312 V2.1.1 Annex D dates (the default). */
    public static CryptoSuitabilityPolicy ts119312() {
        return Ts119312.POLICY;
    }

    /** The dates of DSS 6.3's shipped {@code constraint.xml} (based on TS 119 312 V1.5.1). */
    public static CryptoSuitabilityPolicy dssShipped() {
        return DssShipped.POLICY;
    }

    /** A policy from a JSON file; {@link ValidationException} names the file and the problem. */
    public static CryptoSuitabilityPolicy fromJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in, file.toString());
        } catch (IOException e) {
            throw new ValidationException("cannot read crypto policy " + file + ": " + e.getMessage(), e);
        }
    }

    /** A policy from JSON; {@code origin} names the input in error messages. */
    public static CryptoSuitabilityPolicy fromJson(InputStream in, String origin) {
        JsonNode root;
        try {
            root = PolicyJsonTree.read(in);
        } catch (JacksonException e) {
            throw new ValidationException("crypto policy " + origin + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("rules").isArray()) {
            throw new ValidationException("crypto policy " + origin + " needs an object with a \"rules\" array");
        }
        List<SuitabilityRule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode row : root.path("rules")) {
            rules.add(rule(row, origin + " rules[" + index++ + "]"));
        }
        LocalDate update = null;
        if (!root.path("updateDate").isMissingNode() && !root.path("updateDate").isNull()) {
            try {
                update = LocalDate.parse(root.path("updateDate").asString());
            } catch (DateTimeParseException e) {
                throw new ValidationException("crypto policy " + origin + ": updateDate is not a yyyy-MM-dd date");
            }
        }
        return new CryptoSuitabilityPolicy(root.path("name").asString(origin), root.path("source").asString(""), rules, update);
    }

    private static SuitabilityRule rule(JsonNode row, String where) {
        String algorithm = row.path("algorithm").asString("");
        if (algorithm.isBlank()) {
            throw new ValidationException(where + ": \"algorithm\" is missing");
        }
        LocalDate before = null;
        JsonNode date = row.path("suitableBefore");
        if (!date.isMissingNode() && !date.isNull()) {
            try {
                before = LocalDate.parse(date.asString());
            } catch (DateTimeParseException e) {
                throw new ValidationException(where + ": suitableBefore \"" + date.asString() + "\" is not a yyyy-MM-dd date");
            }
        }
        int min = row.path("minKeySize").asInt(0);
        int max = row.path("maxKeySize").isMissingNode() ? Integer.MAX_VALUE : row.path("maxKeySize").asInt();
        try {
            return new SuitabilityRule(algorithm, min, max, before, row.path("note").asString(""));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(where + ": " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public List<SuitabilityRule> rules() {
        return rules;
    }

    /** The row for an algorithm with a key size (0 for digests), if the table has one. */
    public Optional<SuitabilityRule> rule(String algorithm, int keySize) {
        return rules.stream().filter(r -> r.covers(algorithm, keySize)).findFirst();
    }

    /** What the table says about a digest algorithm on its own (message imprints, hash trees). */
    public Suitability evaluateDigest(String digestAlgorithm) {
        if (digestAlgorithm == null) {
            return judgeDigest(null);
        }
        Suitability known = digestVerdicts.get(digestAlgorithm);
        if (known == null) {
            known = remember(digestVerdicts, digestAlgorithm, judgeDigest(digestAlgorithm));
        }
        return known;
    }

    /** What the table says about a signature: the earlier end of its digest and its key. */
    public Suitability evaluate(AlgorithmUse use) {
        Suitability known = verdicts.get(use);
        if (known == null) {
            known = remember(verdicts, use, judge(use));
        }
        return known;
    }

    // The table and its update date never change: each use is judged once (every signature and
    // time-stamp token of a batch uses the same few). Bounded: keys come from the files validated.
    private static final int MAX_VERDICTS = 1_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Suitability> digestVerdicts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<AlgorithmUse, Suitability> verdicts =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static <K> Suitability remember(java.util.concurrent.ConcurrentHashMap<K, Suitability> map, K key,
                                            Suitability value) {
        if (map.size() >= MAX_VERDICTS) {
            map.clear();
        }
        map.putIfAbsent(key, value);
        return value;
    }

    private Suitability judgeDigest(String digestAlgorithm) {
        AlgorithmUse use = new AlgorithmUse(digestAlgorithm, "-", 0);
        Optional<SuitabilityRule> r = rule(digestAlgorithm, 0);
        if (r.isEmpty()) {
            return new Suitability(use, false, Optional.empty(), digestAlgorithm + " is not in the crypto policy " + name);
        }
        return new Suitability(use, true, enforcedEnd(r.get()), reason(digestAlgorithm, r.get()));
    }

    private Suitability judge(AlgorithmUse use) {
        Optional<SuitabilityRule> key = rule(use.keyAlgorithm(), use.keySize());
        if (key.isEmpty()) {
            return new Suitability(use, false, Optional.empty(),
                    use.keyAlgorithm() + " " + use.keySize() + " is not in the crypto policy " + name);
        }
        Optional<SuitabilityRule> digest = Optional.empty();
        if (use.digestAlgorithm() != null) {
            digest = rule(use.digestAlgorithm(), 0);
            if (digest.isEmpty()) {
                return new Suitability(use, false, Optional.empty(),
                        use.digestAlgorithm() + " is not in the crypto policy " + name);
            }
        }
        SuitabilityRule limiting = key.get();
        if (digest.isPresent() && earlier(digest.get(), limiting)) {
            limiting = digest.get();
        }
        String label = limiting == key.get() ? use.keyAlgorithm() + " " + use.keySize() : use.digestAlgorithm();
        return new Suitability(use, true, enforcedEnd(limiting), reason(label, limiting));
    }

    /** The end a rule enforces: none when it lies after the table's update date. */
    private Optional<java.time.Instant> enforcedEnd(SuitabilityRule r) {
        if (r.suitableBefore() == null || (updateDate != null && r.suitableBefore().isAfter(updateDate))) {
            return Optional.empty();
        }
        return Optional.of(r.suitableBefore().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private boolean earlier(SuitabilityRule a, SuitabilityRule b) {
        Optional<java.time.Instant> ea = enforcedEnd(a);
        Optional<java.time.Instant> eb = enforcedEnd(b);
        if (ea.isEmpty()) {
            return false;
        }
        return eb.isEmpty() || ea.get().isBefore(eb.get());
    }

    private String reason(String label, SuitabilityRule r) {
        if (r.suitableBefore() != null && enforcedEnd(r).isEmpty()) {
            return label + " suitable before " + r.suitableBefore() + " according to a forecast after the table's update date "
                    + updateDate + ": not enforced (" + name + ")";
        }
        return r.end().map(d -> label + " suitable before " + d + " (" + name + ")")
                .orElse(label + " has no known end of suitability (" + name + ")");
    }

    /** When the table was last reviewed, if it says. */
    public Optional<LocalDate> updateDate() {
        return Optional.ofNullable(updateDate);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Holder so the shipped TS 119 312 table loads once, on first use. */
    private static final class Ts119312 {
        static final CryptoSuitabilityPolicy POLICY = shipped(TS_119_312);
    }

    /** Holder so the shipped DSS table loads once, on first use (and not with the other). */
    private static final class DssShipped {
        static final CryptoSuitabilityPolicy POLICY = shipped(DSS_SHIPPED);
    }

    private static CryptoSuitabilityPolicy shipped(String resource) {
        try (InputStream in = CryptoSuitabilityPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ValidationException("shipped crypto policy " + resource + " is missing from the classpath");
            }
            return fromJson(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
