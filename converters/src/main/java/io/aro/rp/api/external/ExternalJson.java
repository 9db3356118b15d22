package io.aro.rp.api.external;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Objects;

/**
 * The JSON of the external API, which the converters and validators that every API version shares work
 * on: a request is the JSON of the version's generated model, and a response is pruned to the properties
 * that the version's generated model knows. Absent properties are left out, timestamps are ISO 8601, and
 * unknown request properties are ignored (as ARO does).
 */
public final class ExternalJson {
    /** Deeper than any cluster the API describes (about ten levels), shallow enough that no request can exhaust the stack. */
    public static final int MAX_NESTING_DEPTH = 32;

    public static final ObjectMapper MAPPER = strict(new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build()).build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL));

    private ExternalJson() {
    }

    /**
     * No coercion, as Go's JSON in ARO has none: a number or a boolean is not a string, a string or a
     * fraction is not an integer, a string is not a boolean. Such a request is refused naming the property.
     */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** The JSON of a generated model object. */
    public static ObjectNode tree(Object model) {
        return MAPPER.valueToTree(Objects.requireNonNull(model, "model"));
    }

    /**
     * {@code json} as the generated {@code model} of an API version shows it: what the version does not
     * know is dropped, and what it knows keeps its value.
     */
    public static ObjectNode prune(JsonNode json, Class<?> model) {
        try {
            return MAPPER.valueToTree(MAPPER.treeToValue(json, model));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + model.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The text at {@code field} of {@code node}, or null when it is absent, null or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The integer at {@code field} of {@code node}, or null when it is absent, null or not an integer. */
    public static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.intValue() : null;
    }

    /** The object at {@code field} of {@code node}, or null when it is absent or not an object. */
    public static ObjectNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value instanceof ObjectNode object ? object : null;
    }

    /** Puts {@code value} at {@code field} unless it is null: the external JSON leaves absent properties out. */
    public static void put(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.set(field, MAPPER.valueToTree(value instanceof Enum<?> e ? e.toString() : value));
        }
    }
}
