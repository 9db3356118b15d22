package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Avocado gate (@azure/avocado): the folder to publish, dropped into the repository beside its
 * common types, has a readme per RP folder whose tags name files that exist, and no Swagger or example
 * that nothing references. As in the repository, common-types are not checked, nor are a TypeSpec
 * project's source examples (examples/&lt;version&gt;/, which the emitter copies beside the Swagger).
 */
class AvocadoTest {
    private static final Path PUBLISH = Path.of("target", "azure-rest-api-specs", "specification").toAbsolutePath();

    /** The repository as the pull request would leave it: the published tree and the common types. */
    private static Path repository(Path into) {
        Path specification = into.resolve("specification");
        Specs.copyTree(PUBLISH, specification);
        Specs.copyTree(Specs.SPECIFICATION.resolve("common-types"), specification.resolve("common-types"));
        return into;
    }

    private static NodeTool.Result avocado(Path repository) {
        return NodeTool.run("avocado", "-d", repository.toString(), "--excludePaths", "/common-types/", "/OpenShiftClusters/examples/");
    }

    @Test
    void theFolderToPublishPasses(@TempDir Path dir) {
        NodeTool.Result result = avocado(repository(dir));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("errors: 0"), result.output());
    }

    @Test
    void aSwaggerNoTagNamesFails(@TempDir Path dir) throws IOException {
        Path repository = repository(dir);
        Path stable = Specs.spec(repository.resolve("specification"), "2023-11-22");
        Files.copy(stable, stable.resolveSibling("extra.json"));

        NodeTool.Result result = avocado(repository);

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("UNREFERENCED_JSON_FILE"), result.output());
    }
}
