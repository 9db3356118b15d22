package io.aro.rp.api;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/** Edits of a JSON request, by JSON pointer, for table-driven tests. */
public final class JsonEdit {
    private JsonEdit() {
    }

    /** Sets the value at {@code pointer} (whose parent must exist; one past an array's end appends) to {@code value}, a JSON literal. */
    public static UnaryOperator<ObjectNode> set(String pointer, String value) {
        return node -> {
            JsonNode parsed = ExampleRequests.read(readTree(value), JsonNode.class);
            JsonPointer p = JsonPointer.compile(pointer);
            JsonNode parent = node.at(p.head());
            String last = p.last().getMatchingProperty();
            if (parent instanceof ArrayNode array) {
                int index = Integer.parseInt(last);
                if (index == array.size()) {
                    array.add(parsed);
                } else {
                    array.set(index, parsed);
                }
            } else {
                ((ObjectNode) parent).set(last, parsed);
            }
            return node;
        };
    }

    /** Removes the value at {@code pointer}. */
    public static UnaryOperator<ObjectNode> remove(String pointer) {
        return node -> {
            JsonPointer p = JsonPointer.compile(pointer);
            JsonNode parent = node.at(p.head());
            if (parent instanceof ArrayNode array) {
                array.remove(Integer.parseInt(p.last().getMatchingProperty()));
            } else {
                ((ObjectNode) parent).remove(p.last().getMatchingProperty());
            }
            return node;
        };
    }

    /** Applies {@code edits} in order. */
    @SafeVarargs
    public static UnaryOperator<ObjectNode> all(UnaryOperator<ObjectNode>... edits) {
        return node -> {
            ObjectNode result = node;
            for (UnaryOperator<ObjectNode> edit : edits) {
                result = edit.apply(result);
            }
            return result;
        };
    }

    private static JsonNode readTree(String value) {
        try {
            return ExampleRequests.JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
