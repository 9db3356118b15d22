package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PrettierCheck gate: every JSON file of the tree is as prettier, with the repository's settings (swagger/.prettierrc.json), writes it. */
class PrettierCheckTest {
    private static final String CONFIG = Path.of(".prettierrc.json").toAbsolutePath().toString();

    private static NodeTool.Result check(Path specification) {
        return NodeTool.run("prettier", "--config", CONFIG, "--check", specification.resolve("redhatopenshift") + "/**/*.json");
    }

    @Test
    void everyJsonFileIsFormatted() {
        NodeTool.Result result = check(Specs.SPECIFICATION);
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void theAdminSpecIsFormatted() {
        NodeTool.Result result = NodeTool.run("prettier", "--config", CONFIG, "--check", Specs.ADMIN.toString());
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void aFileWrittenOtherwiseFails(@TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Specs.edit(Specs.spec(copy, "2023-11-22"), "\"schemes\": [\n    \"https\"\n  ]", "\"schemes\": [ \"https\" ]");

        NodeTool.Result result = check(copy);

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("2023-11-22/redhatopenshift.json"), result.output());
    }
}
