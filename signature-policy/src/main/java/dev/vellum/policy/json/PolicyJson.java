package dev.vellum.policy.json;

import dev.vellum.policy.PolicyCodec;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.PolicyHasher;
import dev.vellum.policy.PolicyRules;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.SignaturePolicy;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The human-writable JSON form of an RFC 3125 policy, compiled to DER and back.
 *
 * <p>Field names are the ASN.1 names of RFC 3125 Annex A (including its spellings
 * "signerAndVeriferRules" and "attributeTypeConstarints"), so an auditor holding the RFC can read
 * the file. Readable shortcuts: OIDs may be written by name ({@code contentType},
 * {@code signingCertificateV2}, {@code proofOfOrigin}, {@code SHA-256}, …); times are ISO-8601
 * instants; a DirectoryString is a plain string (UTF8String) or {@code {"text","type"}}; certificates
 * are Base64 DER; extension values and other opaque DER are hex. {@code "signPolicyHash"} defaults
 * to {@code "computed"} (the compiler embeds the correct hash); {@code "absent"} omits it.
 * The JSON Schema is {@code dev/vellum/policy/json/signature-policy.schema.json} on the classpath.
 */
public final class PolicyJson {
    /** Classpath location of the JSON Schema (draft 2020-12) for the authoring form. */
    public static final String SCHEMA_RESOURCE = "/dev/vellum/policy/json/signature-policy.schema.json";
    private static final int MAX_JSON_SIZE = 8 * 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PolicyJson() {
    }

    /** Reads the JSON form into the model; the signPolicyHash is resolved as the file asks. */
    public static SignaturePolicy read(String json) {
        JsonPolicyReader.Read read = JsonPolicyReader.read(parse(json));
        SignaturePolicy policy = read.policy();
        return switch (read.signPolicyHash()) {
            case JsonPolicyReader.HASH_COMPUTED -> PolicyHasher.withComputedHash(policy);
            case JsonPolicyReader.HASH_ABSENT -> policy;
            default -> policy.withSignPolicyHash(explicitHash(read.signPolicyHash()));
        };
    }

    /** Compiles the JSON form to DER; an explicitly given signPolicyHash must be the correct one. */
    public static byte[] compile(String json) {
        SignaturePolicy policy = read(json);
        PolicyRules.checkConsistency(policy);
        byte[] der = PolicyCodec.encode(policy);
        PolicyCodec.decode(der); // re-read: checks the embedded hash and that the output is well-formed
        return der;
    }

    /** The JSON form of a policy, pretty-printed with two-space indentation and a final newline. */
    public static String write(SignaturePolicy policy) {
        return MAPPER.writer().with(prettyPrinter()).writeValueAsString(JsonPolicyWriter.write(policy)) + "\n";
    }

    private static JsonNode parse(String json) {
        if (json.length() > MAX_JSON_SIZE) {
            throw new PolicyException("signature policy JSON is larger than " + MAX_JSON_SIZE + " characters");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new PolicyException("signature policy JSON is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    private static Bytes explicitHash(String hex) {
        try {
            return Bytes.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new PolicyException("signature policy JSON $.signPolicyHash: expected \"computed\", \"absent\" "
                    + "or hexadecimal octets, got \"" + hex + "\"");
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
