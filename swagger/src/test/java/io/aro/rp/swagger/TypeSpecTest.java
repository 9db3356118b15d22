package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The newest version is authored in TypeSpec: compiling the project with the ARM linter rules
 * (@azure-tools/typespec-azure-rulesets, every warning an error) emits exactly the committed Swagger and
 * examples of that version.
 */
class TypeSpecTest {
    /** The TypeSpec project: the service's folder of the publishing tree, as in the specs repository. */
    static final Path PROJECT = Specs.README.getParent();
    /** Copies live under target/ so that the compiler finds swagger/node_modules from them. */
    private static final Path SCRATCH = Path.of("target", "typespec").toAbsolutePath();

    @Test
    void theCommittedSwaggerIsWhatTheTypeSpecEmitsAndTheLinterPasses() throws IOException {
        Path project = copy("emitted");
        NodeTool.Result result = compile(project);

        assertEquals(0, result.exitCode(), result.output());
        for (String version : typeSpecVersions()) {
            Path emitted = project.resolve("stable").resolve(version);
            Path committed = PROJECT.resolve("stable").resolve(version);
            assertEquals(files(committed), files(emitted), "the emitted files of " + version);
            for (String file : files(emitted)) {
                assertEquals(Files.readString(emitted.resolve(file)), Files.readString(committed.resolve(file)),
                        committed.resolve(file) + " differs from what the TypeSpec emits: run 'npx tsp compile " + Specs.SPECIFICATION.getParent().relativize(PROJECT)
                                + "' in swagger/");
            }
        }
    }

    @Test
    void aLinterFindingFailsTheCompile() throws IOException {
        Path project = copy("unsuppressed");
        Specs.edit(project.resolve("cluster.tsp"),
                "  #suppress \"@azure-tools/typespec-azure-resource-manager/arm-no-record\" \"ARM's tags: any names, string values.\"\n", "");

        NodeTool.Result result = compile(project);

        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("arm-no-record"), result.output());
    }

    @Test
    void aChangeToTheTypeSpecChangesTheEmittedSwagger() throws IOException {
        Path project = copy("renamed");
        Specs.edit(project.resolve("cluster.tsp"), "  podCidr?: string;", "  podNetwork?: string;");

        NodeTool.Result result = compile(project);

        assertEquals(0, result.exitCode(), result.output());
        String version = typeSpecVersions().get(0);
        String emitted = Files.readString(project.resolve("stable").resolve(version).resolve("redhatopenshift.json"));
        assertTrue(emitted.contains("\"podNetwork\"") && !emitted.contains("\"podCidr\""), emitted);
    }

    /**
     * A copy of the specification folder under target/ (where the compiler finds swagger/node_modules, and
     * the common types are where they are here), without what the TypeSpec emits; the copy's project.
     */
    private static Path copy(String name) throws IOException {
        Path copy = Specs.copy(Files.createDirectories(SCRATCH).resolve(name + "-" + System.nanoTime()));
        Path project = copy.resolve(Specs.SPECIFICATION.relativize(PROJECT).toString());
        for (String version : typeSpecVersions()) {
            try (Stream<Path> emitted = Files.walk(project.resolve("stable").resolve(version))) {
                for (Path file : emitted.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return project;
    }

    /** Compiles {@code project} into its own stable/ folder, every linter warning an error. */
    private static NodeTool.Result compile(Path project) {
        return NodeTool.run("tsp", "compile", project.toString(), "--warn-as-error");
    }

    /** The versions whose examples the TypeSpec project holds (examples/<version>/). */
    private static List<String> typeSpecVersions() throws IOException {
        try (Stream<Path> versions = Files.list(PROJECT.resolve("examples"))) {
            return versions.map(v -> v.getFileName().toString()).sorted().toList();
        }
    }

    /** The files under {@code dir}, relative to it, sorted. */
    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }
}
