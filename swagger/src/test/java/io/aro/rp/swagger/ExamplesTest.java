package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every operation has exactly one example, and every example validates against its spec (oav). */
class ExamplesTest {
    static final List<String> VERSIONS = Specs.VERSIONS;

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void everyOperationHasOneExampleThatExists(String version) throws IOException {
        Path spec = Specs.spec(version);
        JsonNode paths = new ObjectMapper().readTree(spec.toFile()).get("paths");
        List<String> problems = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode examples = op.getValue().path("x-ms-examples");
            if (examples.size() != 1) {
                problems.add(op.getValue().path("operationId").asText() + " has " + examples.size() + " examples");
            }
            examples.forEach(e -> {
                if (!Files.exists(spec.resolveSibling(e.get("$ref").asText()))) {
                    problems.add(e.get("$ref").asText() + " does not exist");
                }
            });
        }));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void everyExampleValidatesAgainstItsSpec(String version) {
        NodeTool.Result result = NodeTool.run("oav", "validate-example", Specs.spec(version).toString());
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void anExampleThatContradictsTheSpecFails(@TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Path example = Specs.spec(copy, "2023-11-22").resolveSibling("examples/OpenShiftClusters_Get.json");
        Specs.edit(example, "\"diskSizeGB\": 128", "\"diskSizeGB\": \"128 GiB\"");

        NodeTool.Result result = NodeTool.run("oav", "validate-example", Specs.spec(copy, "2023-11-22").toString());

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("INVALID_TYPE"), result.output());
    }
}
