package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The SemanticValidation gate: oav's semantic validator (oav validate-spec, run offline by src/test/node/oav-validate-spec.cjs). */
class SemanticValidationTest {
    static final List<String> VERSIONS = Specs.VERSIONS;

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void everyVersionIsSemanticallyValid(String version) {
        NodeTool.Result result = NodeTool.script("oav-validate-spec.cjs", Specs.spec(version).toString());
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(": 0 semantic error(s)"), result.output());
    }

    @Test
    void theAdminSpecIsSemanticallyValid() {
        NodeTool.Result result = NodeTool.script("oav-validate-spec.cjs", Specs.ADMIN.toString());
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void aRequiredPropertyWithoutADefinitionFails(@TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Specs.edit(Specs.spec(copy, "2023-11-22"), "\"NetworkProfile represents the internal networks of a cluster.\",",
                "\"NetworkProfile represents the internal networks of a cluster.\",\n      \"required\": [\"podCidrs\"],");

        NodeTool.Result result = NodeTool.script("oav-validate-spec.cjs", Specs.spec(copy, "2023-11-22").toString());

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("OBJECT_MISSING_REQUIRED_PROPERTY_DEFINITION"), result.output());
    }
}
