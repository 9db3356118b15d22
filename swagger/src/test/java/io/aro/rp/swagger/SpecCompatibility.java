package io.aro.rp.swagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the differences between two Swagger 2.0 specs of one API version that would break a client
 * built from the old one: a path, operation, parameter, response, model or property removed or
 * renamed; a type, format, enum, required set or constraint changed; readOnly, x-ms-secret,
 * x-ms-enum, x-ms-client-flatten, x-ms-mutability, x-ms-identifiers, x-ms-pageable or
 * x-ms-long-running-operation changed; a required parameter or a response code added.
 *
 * <p>{@code $ref}s are resolved across files, so two specs that reach the same common types from
 * different folders compare equal. Additions that old clients ignore (a new optional property, path,
 * operation or response header) are not breaks.
 */
public final class SpecCompatibility {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCHEMA_EXTENSIONS = List.of(
            "readOnly", "x-ms-secret", "x-ms-client-flatten", "x-ms-mutability", "x-ms-identifiers", "x-ms-azure-resource");
    private static final List<String> CONSTRAINTS = List.of(
            "type", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems");

    private final Map<Path, JsonNode> files = new HashMap<>();
    private final List<String> breaks = new ArrayList<>();
    private final Set<String> compared = new HashSet<>();

    private SpecCompatibility() {
    }

    /** The breaking differences from {@code oldSpec} to {@code newSpec}, each a line naming where; empty when compatible. */
    public static List<String> breakingChanges(Path oldSpec, Path newSpec) {
        SpecCompatibility check = new SpecCompatibility();
        check.compareSpecs(new Located(check.load(oldSpec), oldSpec), new Located(check.load(newSpec), newSpec));
        return List.copyOf(check.breaks);
    }

    /** A JSON node and the file it came from, for resolving the relative {@code $ref}s inside it. */
    private record Located(JsonNode node, Path file) {
        Located get(String field) {
            return new Located(node.path(field), file);
        }
    }

    private void compareSpecs(Located oldSpec, Located newSpec) {
        Located oldPaths = oldSpec.get("paths");
        Located newPaths = newSpec.get("paths");
        for (String path : names(oldPaths.node())) {
            if (!newPaths.node().has(path)) {
                breaks.add(path + ": path removed");
                continue;
            }
            for (String method : names(oldPaths.node().get(path))) {
                if (method.startsWith("x-") || method.equals("parameters")) {
                    continue;
                }
                Located oldOp = oldPaths.get(path).get(method);
                Located newOp = newPaths.get(path).get(method);
                String where = method.toUpperCase() + " " + path;
                if (newOp.node().isMissingNode()) {
                    breaks.add(where + ": operation removed");
                } else {
                    compareOperation(where, oldOp, newOp);
                }
            }
        }
    }

    private void compareOperation(String where, Located oldOp, Located newOp) {
        same(where + " operationId", oldOp.node().path("operationId"), newOp.node().path("operationId"));
        same(where + " x-ms-long-running-operation", flag(oldOp.node(), "x-ms-long-running-operation"),
                flag(newOp.node(), "x-ms-long-running-operation"));
        same(where + " x-ms-pageable", oldOp.node().path("x-ms-pageable"), newOp.node().path("x-ms-pageable"));

        Map<String, Located> oldParams = parameters(oldOp);
        Map<String, Located> newParams = parameters(newOp);
        for (Map.Entry<String, Located> p : oldParams.entrySet()) {
            Located newParam = newParams.get(p.getKey());
            String at = where + " parameter " + p.getKey();
            if (newParam == null) {
                breaks.add(at + ": removed");
                continue;
            }
            same(at + " required", flag(p.getValue().node(), "required"), flag(newParam.node(), "required"));
            for (String constraint : CONSTRAINTS) {
                same(at + " " + constraint, p.getValue().node().path(constraint), newParam.node().path(constraint));
            }
            same(at + " enum", enumValues(p.getValue().node()), enumValues(newParam.node()));
            if (p.getValue().node().has("schema")) {
                compareSchema(at, p.getValue().get("schema"), newParam.get("schema"));
            }
        }
        for (Map.Entry<String, Located> p : newParams.entrySet()) {
            if (!oldParams.containsKey(p.getKey()) && p.getValue().node().path("required").asBoolean(false)) {
                breaks.add(where + " parameter " + p.getKey() + ": new required parameter");
            }
        }

        Located oldResponses = oldOp.get("responses");
        Located newResponses = newOp.get("responses");
        for (String code : names(oldResponses.node())) {
            Located newResponse = newResponses.get(code);
            if (newResponse.node().isMissingNode()) {
                breaks.add(where + " response " + code + ": removed");
            } else if (oldResponses.node().get(code).has("schema") || newResponse.node().has("schema")) {
                compareSchema(where + " response " + code, oldResponses.get(code).get("schema"), newResponse.get("schema"));
            }
        }
        for (String code : names(newResponses.node())) {
            if (!oldResponses.node().has(code)) {
                breaks.add(where + " response " + code + ": new response code");
            }
        }
    }

    private Map<String, Located> parameters(Located operation) {
        Map<String, Located> result = new LinkedHashMap<>();
        for (JsonNode p : operation.node().path("parameters")) {
            Located param = resolve(new Located(p, operation.file()));
            result.put(param.node().path("in").asText() + ":" + param.node().path("name").asText(), param);
        }
        return result;
    }

    private void compareSchema(String where, Located oldSchema, Located newSchema) {
        String oldName = refName(oldSchema.node());
        String newName = refName(newSchema.node());
        if (oldName != null || newName != null) {
            if (!String.valueOf(oldName).equals(String.valueOf(newName))) {
                breaks.add(where + ": model " + oldName + " became " + newName);
                return;
            }
            if (!compared.add(oldName)) {
                return; // each model once: also stops recursion through self-referencing models
            }
            where = oldName;
        }
        Located oldResolved = resolve(oldSchema);
        Located newResolved = resolve(newSchema);
        JsonNode o = oldResolved.node();
        JsonNode n = newResolved.node();
        if (o.isMissingNode() != n.isMissingNode()) {
            breaks.add(where + ": schema " + (o.isMissingNode() ? "added" : "removed"));
            return;
        }
        for (String constraint : CONSTRAINTS) {
            same(where + " " + constraint, o.path(constraint), n.path(constraint));
        }
        same(where + " enum", enumValues(o), enumValues(n));
        same(where + " x-ms-enum", withoutDescriptions(o.path("x-ms-enum")), withoutDescriptions(n.path("x-ms-enum")));
        for (String extension : SCHEMA_EXTENSIONS) {
            same(where + " " + extension, o.path(extension), n.path(extension));
        }

        Map<String, Located> oldProperties = properties(oldResolved);
        Map<String, Located> newProperties = properties(newResolved);
        same(where + " required", required(oldResolved), required(newResolved));
        for (Map.Entry<String, Located> p : oldProperties.entrySet()) {
            Located newProperty = newProperties.get(p.getKey());
            if (newProperty == null) {
                breaks.add(where + "." + p.getKey() + ": property removed");
            } else {
                comparePropertySchema(where + "." + p.getKey(), p.getValue(), newProperty);
            }
        }
        if (o.has("items") || n.has("items")) {
            compareSchema(where + "[]", oldResolved.get("items"), newResolved.get("items"));
        }
        if (o.path("additionalProperties").isObject() || n.path("additionalProperties").isObject()) {
            compareSchema(where + "{}", oldResolved.get("additionalProperties"), newResolved.get("additionalProperties"));
        }
    }

    /** A property's own readOnly, x-ms-secret, ... sit beside its $ref, so they are compared before following it. */
    private void comparePropertySchema(String where, Located oldProperty, Located newProperty) {
        for (String extension : SCHEMA_EXTENSIONS) {
            same(where + " " + extension, oldProperty.node().path(extension), newProperty.node().path(extension));
        }
        compareSchema(where, oldProperty, newProperty);
    }

    /** The properties of a schema and of every schema it extends through allOf. */
    private Map<String, Located> properties(Located schema) {
        Map<String, Located> result = new LinkedHashMap<>();
        for (JsonNode parent : schema.node().path("allOf")) {
            result.putAll(properties(resolve(new Located(parent, schema.file()))));
        }
        for (String name : names(schema.node().path("properties"))) {
            result.put(name, schema.get("properties").get(name));
        }
        return result;
    }

    private JsonNode required(Located schema) {
        Set<String> result = new TreeSet<>();
        for (JsonNode parent : schema.node().path("allOf")) {
            required(resolve(new Located(parent, schema.file()))).forEach(r -> result.add(r.asText()));
        }
        schema.node().path("required").forEach(r -> result.add(r.asText()));
        return JSON.valueToTree(result);
    }

    private Located resolve(Located node) {
        Located current = node;
        for (int depth = 0; current.node().has("$ref"); depth++) {
            if (depth > 32) {
                throw new IllegalStateException("$ref cycle at " + node.node());
            }
            String ref = current.node().get("$ref").asText();
            int hash = ref.indexOf('#');
            Path file = hash == 0 ? current.file() : current.file().resolveSibling(ref.substring(0, hash < 0 ? ref.length() : hash)).normalize();
            JsonNode target = load(file);
            current = new Located(hash < 0 ? target : target.at(ref.substring(hash + 1)), file);
        }
        return current;
    }

    private JsonNode load(Path file) {
        return files.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The model a schema names: a local definition by its name, a common type by its path under
     * common-types (so the same common type reached from different folders is the same model).
     */
    private static String refName(JsonNode schema) {
        if (!schema.has("$ref")) {
            return null;
        }
        String ref = schema.get("$ref").asText();
        int common = ref.indexOf("common-types/");
        return common >= 0 ? ref.substring(common) : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** x-ms-enum without the descriptions of its values: documentation, neither the wire nor an SDK's names. */
    private static JsonNode withoutDescriptions(JsonNode xMsEnum) {
        JsonNode copy = xMsEnum.deepCopy();
        for (JsonNode value : copy.path("values")) {
            ((ObjectNode) value).remove("description");
        }
        return copy;
    }

    private static JsonNode enumValues(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return JSON.valueToTree(values);
    }

    private static JsonNode flag(JsonNode node, String name) {
        return JSON.valueToTree(node.path(name).asBoolean(false));
    }

    private void same(String where, JsonNode oldValue, JsonNode newValue) {
        if (!oldValue.equals(newValue)) {
            breaks.add(where + ": " + show(oldValue) + " became " + show(newValue));
        }
    }

    private static String show(JsonNode value) {
        return value.isMissingNode() ? "(absent)" : value.toString();
    }

    private static List<String> names(JsonNode object) {
        List<String> result = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            result.add(it.next());
        }
        return result;
    }
}
