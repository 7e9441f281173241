package dev.vellum.validation.crypto;

import java.io.InputStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a crypto-policy document into the tree {@code JsonMapper.readTree} gives (same node types,
 * last duplicate key wins, trailing tokens refused), with Jackson's streaming parser alone: building
 * an object mapper costs about a tenth of the start-up of a one-file {@code vellum validate}.
 */
final class PolicyJsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PolicyJsonTree() {
    }

    /** The document's root, or null when the input is empty. */
    static JsonNode read(InputStream in) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = value(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new StreamReadException(parser, "Trailing token (`JsonToken." + trailing.name()
                        + "`) found after value (bound as `tools.jackson.databind.JsonNode`): not allowed as per "
                        + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
            }
            return root;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.stringNode(parser.getString());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new StreamReadException(parser, "Unexpected token " + token);
        }
    }
}
