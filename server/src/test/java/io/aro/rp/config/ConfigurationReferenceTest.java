package io.aro.rp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the RP reads is documented once in docs/operations.md and settable through the Helm
 * chart, and neither names one the RP does not read: the code is the reference.
 */
class ConfigurationReferenceTest {
    private static final Path CHART = Path.of("..", "deploy", "helm", "aro-rp");

    /** The variables the code reads: the Java sources' "ARO_...". */
    private static Set<String> read() throws IOException {
        Set<String> variables = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(Pattern.compile("\"(ARO_[A-Z0-9_]+)\""), Files.readString(source), variables);
            }
        }
        return variables;
    }

    private static List<String> collect(Pattern pattern, String text, Set<String> into) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
            into.add(m.group(1));
        }
        return found;
    }

    @Test
    void operationsDocumentsEverySettingOnce() throws IOException {
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "operations.md"))) {
            Matcher row = Pattern.compile("^\\| ((?:`ARO_[A-Z0-9_]+`(?:, )?)+) \\|").matcher(line);
            if (row.find()) {
                collect(Pattern.compile("`(ARO_[A-Z0-9_]+)`"), row.group(1), new TreeSet<>()).forEach(documented::add);
            }
        }
        assertEquals(documented.size(), new TreeSet<>(documented).size(), "each setting in one row: " + documented);
        assertEquals(read(), new TreeSet<>(documented));
    }

    @Test
    void theChartSetsEverySettingAndNoOther() throws IOException {
        JsonNode values = new YAMLMapper().readTree(CHART.resolve("values.yaml").toFile());
        Set<String> configured = new TreeSet<>();
        values.path("config").fieldNames().forEachRemaining(configured::add);
        Set<String> secret = new TreeSet<>();
        values.at("/secret/variables").forEach(v -> secret.add(v.asText()));
        Set<String> templated = new TreeSet<>();
        Set<String> mentioned = new TreeSet<>();
        try (Stream<Path> templates = Files.list(CHART.resolve("templates"))) {
            for (Path template : templates.toList()) {
                String text = Files.readString(template);
                collect(Pattern.compile("- name: (ARO_[A-Z0-9_]+)"), text, templated);
                collect(Pattern.compile("\\b(ARO_[A-Z0-9_]+)\\b"), text, mentioned);
            }
        }
        Set<String> code = read();
        assertTrue(code.containsAll(mentioned), "the templates name only settings the RP reads: " + mentioned);
        Set<String> all = new TreeSet<>(configured);
        all.addAll(secret);
        all.addAll(templated);
        assertEquals(configured.size() + secret.size() + templated.size(), all.size(), "each set in one place: config, the secret or a template");
        assertEquals(code, all);
    }
}
