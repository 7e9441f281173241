package dev.vellum.policy;

import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.json.RegistryIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The signature policies Vellum knows, by OID.
 *
 * <p>{@link #load(Path)} reads one directory (not recursively): every {@code *.der} is an RFC 3125
 * policy (embedded hash checked), every {@code *.json} other than {@code registry.json} is a policy in
 * the JSON authoring form (compiled in memory), and other documents (PDF, text, XML) are registered
 * only when {@code registry.json} names them with their OID and hash algorithm. {@code registry.json}
 * also adds SPURI / user-notice qualifiers and spDocSpec, and can declare policies known only by hash.
 * Hidden files are ignored; two entries for one OID are an error.
 */
public final class PolicyRegistry {
    public static final String INDEX_FILE = "registry.json";
    private static final long MAX_DOCUMENT_SIZE = 32L * 1024 * 1024;

    private final Map<String, RegisteredPolicy> byOid;

    private PolicyRegistry(Map<String, RegisteredPolicy> byOid) {
        this.byOid = byOid;
    }

    public static PolicyRegistry empty() {
        return new PolicyRegistry(Map.of());
    }

    public static PolicyRegistry of(Collection<RegisteredPolicy> policies) {
        Map<String, RegisteredPolicy> map = new LinkedHashMap<>();
        for (RegisteredPolicy p : policies) {
            RegisteredPolicy previous = map.putIfAbsent(p.oid(), p);
            if (previous != null) {
                throw new PolicyException("policy " + p.oid() + " is registered twice: by " + previous.source()
                        + " and by " + p.source());
            }
        }
        return new PolicyRegistry(Map.copyOf(map));
    }

    public static PolicyRegistry load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PolicyException("policy directory " + directory + " does not exist or is not a directory");
        }
        Map<String, RegistryIndex.Entry> indexByFile = new HashMap<>();
        List<RegisteredPolicy> policies = new ArrayList<>();
        Path index = directory.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            for (RegistryIndex.Entry e : RegistryIndex.parse(readText(index), index.toString())) {
                if (e.file() == null) {
                    policies.add(RegisteredPolicy.declared(e.oid(), PolicyHash.of(e.hashAlgorithm(), e.hash()),
                            e.qualifiers(), index.toString()));
                } else if (indexByFile.put(e.file(), e) != null) {
                    throw new PolicyException(index + " lists " + e.file() + " twice");
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Path file : listFiles(directory)) {
            String name = file.getFileName().toString();
            if (name.equals(INDEX_FILE)) {
                continue;
            }
            RegistryIndex.Entry entry = indexByFile.get(name);
            RegisteredPolicy policy = load(file, name, entry);
            if (policy != null) {
                seen.add(name);
                policies.add(policy);
            }
        }
        for (String listed : indexByFile.keySet()) {
            if (!seen.contains(listed)) {
                throw new PolicyException(index + " lists " + listed + ", which is not a file in " + directory);
            }
        }
        return of(policies);
    }

    private static RegisteredPolicy load(Path file, String name, RegistryIndex.Entry entry) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<dev.vellum.policy.identifier.SigPolicyQualifier> qualifiers = entry == null ? List.of() : entry.qualifiers();
        var spDocSpec = entry == null ? null : entry.spDocSpec();
        RegisteredPolicy policy;
        if (lower.endsWith(".der")) {
            policy = RegisteredPolicy.fromDer(read(file), qualifiers, spDocSpec, file.toString());
        } else if (lower.endsWith(".json")) {
            byte[] der;
            try {
                der = PolicyJson.compile(readText(file));
            } catch (PolicyException e) {
                throw new PolicyException(file + ": " + e.getMessage(), e);
            }
            policy = RegisteredPolicy.fromDer(der, qualifiers, spDocSpec, file.toString());
        } else if (entry != null) {
            if (entry.oid() == null || entry.hashAlgorithm() == null) {
                throw new PolicyException(INDEX_FILE + ": " + name + " is not an RFC 3125 policy, so its entry needs "
                        + "\"oid\" and \"hashAlgorithm\"");
            }
            return RegisteredPolicy.fromDocument(entry.oid(), read(file), entry.hashAlgorithm(), entry.hash(), qualifiers,
                    spDocSpec, file.toString());
        } else {
            return null; // an unrelated file: without an index entry we cannot know its OID
        }
        if (entry != null && entry.oid() != null && !entry.oid().equals(policy.oid())) {
            throw new PolicyException(INDEX_FILE + " says " + name + " is policy " + entry.oid()
                    + ", but the document's signPolicyIdentifier is " + policy.oid());
        }
        if (entry != null && entry.hash() != null && policy.checkHash(PolicyHash.of(
                entry.hashAlgorithm() == null ? policy.hash().algorithm() : entry.hashAlgorithm(), entry.hash()))
                != RegisteredPolicy.HashCheck.MATCH) {
            throw new PolicyException(INDEX_FILE + ": declared hash " + entry.hash().hex() + " for " + name
                    + " does not match the policy, whose hash is " + policy.hash().value().hex());
        }
        return policy;
    }

    public Optional<RegisteredPolicy> find(String oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    /** The policy, or a {@link PolicyException} naming the OID and what is known. */
    public RegisteredPolicy require(String oid) {
        RegisteredPolicy p = byOid.get(oid);
        if (p == null) {
            throw new PolicyException("signature policy " + oid + " is not in the registry (known: "
                    + byOid.keySet().stream().sorted().toList() + ")");
        }
        return p;
    }

    public List<RegisteredPolicy> policies() {
        return byOid.values().stream().sorted(Comparator.comparing(RegisteredPolicy::oid)).toList();
    }

    private static List<Path> listFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PolicyException("cannot list policy directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_DOCUMENT_SIZE) {
                throw new PolicyException(file + " is " + size + " bytes; policy documents over "
                        + MAX_DOCUMENT_SIZE + " bytes are refused");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException("cannot read policy document " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }
}
