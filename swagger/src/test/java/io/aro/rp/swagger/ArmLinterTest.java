package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The Azure ARM linter (autorest with @microsoft.azure/openapi-validator, both from swagger/node_modules,
 * so it runs offline) reports no error for any tag of readme.md, whose suppressions say why each
 * suppressed rule cannot apply to a published API version.
 */
class ArmLinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> TAGS = Specs.tags();

    @ParameterizedTest
    @FieldSource("TAGS")
    void noLinterErrors(String tag) {
        assertEquals(List.of(), errors(Specs.README, tag));
    }

    @Test
    void anEnumWithoutXMsEnumIsAnError(@TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Specs.edit(Specs.spec(copy, "2023-11-22"), "\"Public\"\n      ],\n      \"x-ms-enum\": {\n        \"name\": \"Visibility\",\n        \"modelAsString\": true\n      }",
                "\"Public\"\n      ]");

        List<String> errors = errors(copy.resolve("redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/OpenShiftClusters/readme.md"), "package-2023-11");

        assertTrue(errors.stream().anyMatch(e -> e.startsWith("XmsEnumValidation")), errors.toString());
    }

    /** The linter's error messages, as "code: message at path". */
    private static List<String> errors(Path readme, String tag) {
        Path modules = Path.of("node_modules").toAbsolutePath();
        NodeTool.Result result = NodeTool.run("autorest",
                "--version=" + modules.resolve("@autorest/core"),
                "--use=" + modules.resolve("@microsoft.azure/openapi-validator"),
                "--v3", "--spectral", "--azure-validator", "--message-format=json",
                "--tag=" + tag, readme.toString());
        List<String> errors = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            JsonNode message;
            try {
                message = line.startsWith("{") ? JSON.readTree(line) : null;
            } catch (JsonProcessingException e) {
                message = null;
            }
            if (message != null && List.of("error", "fatal").contains(message.path("level").asText())) {
                errors.add(message.path("code").asText() + ": " + message.path("message").asText() + " at "
                        + message.path("details").path("jsonpath"));
            }
        }
        if (errors.isEmpty() && result.exitCode() != 0) {
            errors.add("autorest exited with " + result.exitCode() + ": " + result.output());
        }
        return errors;
    }
}
