package io.aro.rp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a command's result as Azure CLI does: {@code --query} (JMESPath) first, then {@code -o}: json
 * (sorted keys, two-space indent), jsonc (the same, coloured), yaml, table (the command's columns, or
 * the scalar properties when a query changed the shape), tsv (scalar values, tab separated) or none.
 */
final class Output {
    enum Format {
        JSON, JSONC, TABLE, TSV, YAML, NONE
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
    private static final Pattern JSON_TOKEN = Pattern.compile("(\"(?:\\\\.|[^\"\\\\])*\")(\\s*:)?|\\b(true|false|null)\\b|(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)");

    private final Format format;
    private final Expression<JsonNode> query;

    private Output(Format format, Expression<JsonNode> query) {
        this.format = format;
        this.query = query;
    }

    /** @throws IllegalArgumentException if the query is not JMESPath */
    static Output of(Format format, String query) {
        return new Output(format, query == null ? null : JMESPATH.compile(query));
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /**
     * @param table the command's table: the rows (column name to cell) of the result, used unless
     *     --query reshaped the result
     */
    void print(PrintWriter out, JsonNode result, Function<JsonNode, List<Map<String, Object>>> table) {
        JsonNode shown = query == null ? result : query.search(result);
        switch (format) {
            case NONE -> {
                return;
            }
            case JSON -> out.println(json(shown));
            case JSONC -> out.println(colour(json(shown)));
            case YAML -> out.print(yaml(shown));
            case TSV -> tsv(out, shown);
            case TABLE -> table(out, query == null && table != null ? table.apply(shown) : autoTable(shown));
            default -> throw new IllegalStateException(format.toString());
        }
        out.flush();
    }

    void print(PrintWriter out, JsonNode result) {
        print(out, result, null);
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writer(PRETTY).writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** jsonc: keys blue, strings green, numbers, booleans and null cyan, as az's terminal colours roughly are. */
    private static String colour(String json) {
        Matcher token = JSON_TOKEN.matcher(json);
        StringBuilder coloured = new StringBuilder();
        while (token.find()) {
            String replacement;
            if (token.group(1) != null) {
                replacement = (token.group(2) != null ? "\u001b[94m" : "\u001b[32m") + token.group(1) + "\u001b[0m"
                        + (token.group(2) != null ? token.group(2) : "");
            } else {
                replacement = "\u001b[36m" + token.group() + "\u001b[0m";
            }
            token.appendReplacement(coloured, Matcher.quoteReplacement(replacement));
        }
        token.appendTail(coloured);
        return coloured.toString();
    }

    /** tsv: a line per item of a list (or for the one object); per line its values, nested objects empty and lists their length. */
    private static void tsv(PrintWriter out, JsonNode node) {
        if (node.isArray()) {
            node.forEach(item -> out.println(tsvRow(item)));
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.println(tsvRow(node));
        }
    }

    private static String tsvRow(JsonNode node) {
        List<String> cells = new ArrayList<>();
        if (node.isObject()) {
            new TreeMap<>(fields(node)).values().forEach(value -> cells.add(tsvCell(value)));
        } else if (node.isArray()) {
            node.forEach(value -> cells.add(tsvCell(value)));
        } else {
            cells.add(tsvCell(node));
        }
        return String.join("\t", cells);
    }

    private static String tsvCell(JsonNode value) {
        if (value.isArray()) {
            return Integer.toString(value.size());
        }
        return value.isObject() || value.isNull() ? "" : scalar(value);
    }

    /** The rows of a result without the command's table: each object's scalar properties, headed by their names. */
    private static List<Map<String, Object>> autoTable(JsonNode node) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (item.isObject()) {
                new TreeMap<>(fields(item)).forEach((name, value) -> {
                    if (!value.isContainerNode()) {
                        row.put(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1), value.isNull() ? "" : scalar(value));
                    }
                });
            } else {
                row.put("Result", scalar(item));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    /** Booleans as az prints them (Python's True and False). */
    private static String scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        return value.asText();
    }

    private static void table(PrintWriter out, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> headings = new ArrayList<>(rows.get(0).keySet());
        int[] widths = new int[headings.size()];
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> line = new ArrayList<>();
            for (String heading : headings) {
                Object value = row.get(heading);
                line.add(value == null ? "" : value.toString());
            }
            cells.add(line);
        }
        for (int i = 0; i < headings.size(); i++) {
            widths[i] = headings.get(i).length();
            for (List<String> line : cells) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        out.println(line(headings, widths));
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        out.println(line(rules, widths));
        cells.forEach(line -> out.println(line(line, widths)));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        return line.toString();
    }

    /** A table row of the result's properties, by JSON pointer; a missing one is an empty cell. */
    static Map<String, Object> row(JsonNode item, Map<String, String> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        columns.forEach((heading, pointer) -> {
            JsonNode value = item.at(pointer);
            row.put(heading, value.isMissingNode() || value.isNull() ? "" : scalar(value));
        });
        return row;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
