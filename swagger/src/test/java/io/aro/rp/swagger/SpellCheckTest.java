package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SpellCheck gate: cspell over the RP's tree with the repository's settings (swagger/cspell.yaml)
 * and the service's own words (specification/redhatopenshift/cspell.yaml, which imports them).
 */
class SpellCheckTest {
    private static NodeTool.Result spellCheck(Path specification) {
        Path service = specification.resolve("redhatopenshift");
        return NodeTool.run("cspell", "lint", "--no-progress", "--root", specification.getParent().toString(), "--config",
                service.resolve("cspell.yaml").toString(), "specification/redhatopenshift/**/*.{json,tsp,md,yaml}");
    }

    @Test
    void theTreeIsSpelledRight() {
        NodeTool.Result result = spellCheck(Specs.SPECIFICATION);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().matches("(?s).*Files checked: [1-9]\\d*, Issues found: 0 .*"), result.output());
    }

    @Test
    void aMisspelledDescriptionFails(@TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Specs.copyFile(Path.of("cspell.yaml"), dir.resolve("cspell.yaml"));
        Specs.edit(Specs.spec(copy, "2023-11-22"), "NetworkProfile represents the internal networks of a cluster.",
                "NetworkProfile represents the internal netwroks of a cluster.");

        NodeTool.Result result = spellCheck(copy);

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Unknown word (netwroks)"), result.output());
    }
}
