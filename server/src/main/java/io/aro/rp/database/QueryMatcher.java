package io.aro.rp.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.database.Query.Condition;

/** Evaluates a {@link Query}'s conditions on a document in memory, exactly as the Cosmos DB SQL that {@code CosmosSql} writes. */
public final class QueryMatcher {
    private QueryMatcher() {
    }

    /** Whether {@code document} satisfies every condition of {@code query}. */
    public static boolean matches(Query query, ObjectNode document) {
        for (Condition condition : query.conditions()) {
            if (!matches(condition, value(document, condition.path()))) {
                return false;
            }
        }
        return true;
    }

    /** The value at a dotted field path, or a missing node. */
    public static JsonNode value(ObjectNode document, String path) {
        JsonNode node = document;
        for (String field : path.split("\\.")) {
            node = node.path(field);
        }
        return node;
    }

    private static boolean matches(Condition condition, JsonNode value) {
        if (condition instanceof Condition.Equals c) {
            return value.isTextual() && value.textValue().equals(c.value());
        } else if (condition instanceof Condition.In c) {
            return value.isTextual() && c.values().contains(value.textValue());
        } else if (condition instanceof Condition.StartsWith c) {
            return value.isTextual() && value.textValue().startsWith(c.prefix());
        } else if (condition instanceof Condition.LessThanOrAbsent c) {
            return value.isMissingNode() || value.isNull() ? 0 < c.value() : value.isNumber() && value.asDouble() < c.value();
        } else if (condition instanceof Condition.IsTrue) {
            return value.isBoolean() && value.booleanValue();
        }
        throw new IllegalArgumentException("unknown condition " + condition);
    }
}
