package dev.vellum.policy.json;

import dev.vellum.policy.PolicyException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * One JSON object being read, with its JSON path, so that every authoring error says where it is
 * ("$.signPolicyInfo.dateOfIssue: expected an ISO-8601 instant"). Fields not read are reported as
 * unknown by {@link #done()}: a typo must not silently drop a rule.
 */
final class JsonObject {
    private final JsonNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    JsonObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw error(path, "expected a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    static PolicyException error(String path, String reason) {
        return new PolicyException("signature policy JSON " + path + ": " + reason);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonNode optional(String key) {
        read.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String key) {
        JsonNode value = optional(key);
        if (value == null) {
            throw error(path(key), "mandatory field missing");
        }
        return value;
    }

    JsonObject object(String key) {
        return new JsonObject(required(key), path(key));
    }

    JsonObject optionalObject(String key) {
        JsonNode value = optional(key);
        return value == null ? null : new JsonObject(value, path(key));
    }

    String text(String key) {
        return text(required(key), path(key));
    }

    String optionalText(String key) {
        JsonNode value = optional(key);
        return value == null ? null : text(value, path(key));
    }

    static String text(JsonNode value, String path) {
        if (!value.isString()) {
            throw error(path, "expected a string");
        }
        return value.stringValue();
    }

    Boolean optionalBoolean(String key) {
        JsonNode value = optional(key);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw error(path(key), "expected true or false");
        }
        return value.booleanValue();
    }

    boolean bool(String key) {
        Boolean value = optionalBoolean(key);
        if (value == null) {
            throw error(path(key), "mandatory field missing");
        }
        return value;
    }

    Integer optionalInt(String key) {
        JsonNode value = optional(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(path(key), "expected an integer");
        }
        return value.intValue();
    }

    long longValue(String key) {
        JsonNode value = required(key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw error(path(key), "expected an integer");
        }
        return value.longValue();
    }

    Instant instant(String key) {
        return instant(text(key), path(key));
    }

    Instant optionalInstant(String key) {
        String text = optionalText(key);
        return text == null ? null : instant(text, path(key));
    }

    private static Instant instant(String text, String path) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error(path, "expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, got \"" + text + "\"");
        }
    }

    <T> List<T> list(String key, BiFunction<JsonNode, String, T> element) {
        return list(required(key), path(key), element);
    }

    <T> List<T> optionalList(String key, BiFunction<JsonNode, String, T> element) {
        JsonNode value = optional(key);
        return value == null ? null : list(value, path(key), element);
    }

    static <T> List<T> list(JsonNode value, String path, BiFunction<JsonNode, String, T> element) {
        if (!value.isArray()) {
            throw error(path, "expected a JSON array");
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(element.apply(value.get(i), path + "[" + i + "]"));
        }
        return result;
    }

    /** Rejects fields that were never read. */
    void done() {
        Set<String> unknown = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!read.contains(entry.getKey())) {
                unknown.add(entry.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            String hint = unknown.contains("signerAndVerifierRules")
                    ? " (RFC 3125 spells it \"signerAndVeriferRules\")" : "";
            throw error(path, "unknown field(s) " + unknown + hint + "; known here: " + read);
        }
    }
}
