package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each spec parses, resolves every $ref and validates against the Swagger 2.0 schema (swagger-cli). */
class SpecValidityTest {
    static final List<String> VERSIONS = Specs.VERSIONS;

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void specIsValidSwagger(String version) {
        NodeTool.Result result = NodeTool.run("swagger-cli", "validate", Specs.spec(version).toString());
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void theAdminSpecIsValidSwagger() {
        NodeTool.Result result = NodeTool.run("swagger-cli", "validate", Specs.ADMIN.toString());
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void aDanglingReferenceFails(@TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Specs.edit(Specs.spec(copy, "2020-04-30"), "\"$ref\": \"#/definitions/NetworkProfile\"", "\"$ref\": \"#/definitions/NetworkProfiles\"");

        NodeTool.Result result = NodeTool.run("swagger-cli", "validate", Specs.spec(copy, "2020-04-30").toString());

        assertNotEquals(0, result.exitCode(), result.output());
    }
}
