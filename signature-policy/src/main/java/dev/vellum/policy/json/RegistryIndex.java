package dev.vellum.policy.json;

import dev.vellum.policy.HashAlgorithm;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.identifier.SigPolicyQualifier;
import dev.vellum.policy.identifier.SpDocSpecification;
import dev.vellum.policy.model.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional {@code registry.json} of a policy directory: per document, the OID, hash algorithm
 * and declared hash (for non-ASN.1 documents), SPURI and user-notice qualifiers, and spDocSpec.
 * <pre>
 * {"policies": [
 *   {"file": "seal.der", "spuri": "https://records.example/policies/seal.der"},
 *   {"file": "policy.pdf", "oid": "2.999.3125.3", "hashAlgorithm": "SHA-256", "hash": "…",
 *    "spDocSpec": {"uri": "urn:example:pdf-policy"}, "userNotice": {"explicitText": "…"}},
 *   {"oid": "1.2.3.4", "hashAlgorithm": "SHA-256", "hash": "…"}]}
 * </pre>
 */
public final class RegistryIndex {
    /** One entry: {@code file} null for a declared-hash-only policy; other fields null when not given. */
    public record Entry(String file, String oid, HashAlgorithm hashAlgorithm, Bytes hash,
            List<SigPolicyQualifier> qualifiers, SpDocSpecification spDocSpec) {
    }

    private RegistryIndex() {
    }

    public static List<Entry> parse(String json, String source) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            throw new PolicyException(source + " is not valid JSON: " + e.getOriginalMessage());
        }
        JsonObject o = new JsonObject(root, source);
        List<Entry> entries = o.list("policies", RegistryIndex::entry);
        o.done();
        return entries;
    }

    private static Entry entry(JsonNode node, String path) {
        JsonObject o = new JsonObject(node, path);
        String file = o.optionalText("file");
        String oid = o.optionalText("oid");
        if (oid != null && OidNames.oidOf(oid) == null) {
            throw JsonObject.error(o.path("oid"), "\"" + oid + "\" is not a dotted OID");
        }
        String alg = o.optionalText("hashAlgorithm");
        HashAlgorithm algorithm;
        try {
            algorithm = alg == null ? null : HashAlgorithm.fromName(alg);
        } catch (PolicyException e) {
            throw JsonObject.error(o.path("hashAlgorithm"), e.getMessage());
        }
        String hex = o.optionalText("hash");
        Bytes hash;
        try {
            hash = hex == null ? null : Bytes.fromHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonObject.error(o.path("hash"), "expected hexadecimal octets");
        }
        List<SigPolicyQualifier> qualifiers = new ArrayList<>();
        String spuri = o.optionalText("spuri");
        if (spuri != null) {
            qualifiers.add(new SigPolicyQualifier.SpUri(spuri));
        }
        JsonObject notice = o.optionalObject("userNotice");
        if (notice != null) {
            qualifiers.add(new SigPolicyQualifier.SpUserNotice(notice.optionalText("organization"),
                    notice.optionalList("noticeNumbers", (n, p) -> {
                        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                            throw JsonObject.error(p, "expected an integer");
                        }
                        return n.intValue();
                    }), notice.optionalText("explicitText")));
            notice.done();
        }
        JsonObject spec = o.optionalObject("spDocSpec");
        SpDocSpecification spDocSpec = null;
        if (spec != null) {
            String specOid = spec.optionalText("oid");
            String specUri = spec.optionalText("uri");
            spec.done();
            try {
                spDocSpec = new SpDocSpecification(specOid, specUri);
            } catch (PolicyException e) {
                throw JsonObject.error(o.path("spDocSpec"), e.getMessage());
            }
        }
        boolean addSpDocSpecQualifier = Boolean.TRUE.equals(o.optionalBoolean("spDocSpecQualifier"));
        o.done();
        if (addSpDocSpecQualifier) {
            if (spDocSpec == null) {
                throw JsonObject.error(path, "spDocSpecQualifier needs spDocSpec");
            }
            qualifiers.add(new SigPolicyQualifier.SpDocSpec(spDocSpec));
        }
        if (file == null && (oid == null || algorithm == null || hash == null)) {
            throw JsonObject.error(path, "an entry without \"file\" needs \"oid\", \"hashAlgorithm\" and \"hash\"");
        }
        return new Entry(file, oid, algorithm, hash, qualifiers, spDocSpec);
    }
}
