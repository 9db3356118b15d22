package io.aro.rp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.aro.rp.sdk.v20250725.invoker.ApiClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes results to standard output as JSON (the models as the API has them) or as a table of chosen columns. */
final class Output {
    private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Format {
        JSON, TABLE
    }

    /** The columns of a table: a heading and how to get its cell from an item. */
    static final class Columns<T> {
        private final Map<String, Function<T, Object>> columns = new LinkedHashMap<>();

        Columns<T> add(String heading, Function<T, Object> cell) {
            columns.put(heading, cell);
            return this;
        }
    }

    private Output() {
    }

    static <T> void one(PrintWriter out, Format format, T item, Columns<T> columns) {
        if (format == Format.JSON) {
            out.println(json(item));
        } else {
            table(out, List.of(item), columns);
        }
        out.flush();
    }

    static <T> void many(PrintWriter out, Format format, List<T> items, Columns<T> columns) {
        if (format == Format.JSON) {
            out.println(json(items));
        } else {
            table(out, items, columns);
        }
        out.flush();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> void table(PrintWriter out, List<T> items, Columns<T> columns) {
        List<String> headings = new ArrayList<>(columns.columns.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (T item : items) {
            List<String> row = new ArrayList<>();
            columns.columns.values().forEach(cell -> {
                Object value = cell.apply(item);
                row.add(value == null ? "" : value.toString());
            });
            rows.add(row);
        }
        int[] widths = new int[headings.size()];
        for (int i = 0; i < headings.size(); i++) {
            widths[i] = headings.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(headings, widths));
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        out.println(line(rules, widths));
        rows.forEach(row -> out.println(line(row, widths)));
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
}
