package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The folder {@code mvn -pl swagger package} makes for the Azure REST API specs repository
 * ({@code swagger/target/azure-rest-api-specs}): it holds the RP's tree only, in the repository's layout,
 * and everything in it resolves once it is dropped into a clone of the repository.
 */
class PublishFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The repository's specification folder, as it will be with the RP's tree dropped in. */
    private static final Path REPOSITORY = Path.of("target", "azure-rest-api-specs", "specification").toAbsolutePath();
    private static final Path TREE = REPOSITORY.resolve("redhatopenshift/resource-manager/Microsoft.RedHatOpenShift/OpenShiftClusters");

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(f -> f.toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void holdsTheRpsTreeOnlyInTheRepositorysLayout() throws IOException {
        try (Stream<Path> top = Files.list(REPOSITORY)) {
            assertEquals(List.of("redhatopenshift"), top.map(p -> p.getFileName().toString()).toList(),
                    "common-types are the repository's own");
        }
        assertTrue(Files.exists(TREE.resolve("readme.md")));
        try (Stream<Path> all = Files.walk(REPOSITORY.getParent())) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("admin.json")), "the admin API is internal: never published");
        }
        for (String version : Specs.VERSIONS) {
            assertTrue(Files.exists(TREE.resolve("stable").resolve(version).resolve("redhatopenshift.json")), version);
        }
    }

    @Test
    void theLayoutIsTheOneAroPublished() {
        Path published = Specs.PUBLISHED.getParent();
        assumeTrue(Files.exists(published), "the published ARO specs are not beside this checkout; skipping the comparison");
        assertTrue(Files.exists(published.resolve("readme.md")));
        for (String version : Specs.VERSIONS) {
            assertTrue(Files.exists(published.resolve("stable").resolve(version).resolve("redhatopenshift.json")), version);
        }
    }

    @Test
    void theReadmeHasATagPerVersionWhoseInputFilesExist() throws IOException {
        String readme = Files.readString(TREE.resolve("readme.md"));
        Matcher inputs = Pattern.compile("input-file:\\s*\\n\\s*- (\\S+)").matcher(readme);
        Set<String> versions = new TreeSet<>();
        while (inputs.find()) {
            Path input = TREE.resolve(inputs.group(1));
            assertTrue(Files.exists(input), inputs.group(1));
            versions.add(input.getParent().getFileName().toString());
        }
        assertEquals(new TreeSet<>(Specs.VERSIONS), versions);
        assertTrue(readme.contains("tag: package-" + Specs.VERSIONS.get(Specs.VERSIONS.size() - 1)), "the newest stable version is the default tag");
    }

    @Test
    void everyRefResolvesInsideTheTreeOrToTheRepositorysCommonTypes() throws IOException {
        List<String> unresolved = new ArrayList<>();
        for (Path spec : files("redhatopenshift.json")) {
            collectRefs(JSON.readTree(spec.toFile()), refs -> { }, ref -> {
                String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                if (file.isEmpty()) {
                    return;
                }
                Path target = spec.getParent().resolve(file).normalize();
                Path common = REPOSITORY.relativize(target);
                boolean inside = target.startsWith(REPOSITORY.resolve("redhatopenshift")) && Files.exists(target);
                // The repository provides common-types; this project keeps stand-ins at the same place.
                boolean commonTypes = common.startsWith("common-types") && Files.exists(Specs.SPECIFICATION.resolve(common.toString()));
                if (!inside && !commonTypes) {
                    unresolved.add(REPOSITORY.relativize(spec) + ": " + ref);
                }
            });
        }
        assertEquals(List.of(), unresolved);
    }

    @Test
    void everyExampleIsReferencedAndEveryReferenceExists() throws IOException {
        for (Path spec : files("redhatopenshift.json")) {
            Set<String> referenced = new TreeSet<>();
            collectRefs(JSON.readTree(spec.toFile()), examples -> examples.forEach(e -> referenced.add(e.path("$ref").asText())), ref -> { });
            Set<String> present = new TreeSet<>();
            try (Stream<Path> examples = Files.list(spec.getParent().resolve("examples"))) {
                examples.forEach(e -> present.add("./examples/" + e.getFileName()));
            }
            assertEquals(present, referenced, spec.toString());
        }
    }

    private static void collectRefs(JsonNode node, Consumer<JsonNode> examples, Consumer<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.accept(field.getValue().asText());
                } else if (field.getKey().equals("x-ms-examples")) {
                    examples.accept(field.getValue());
                } else {
                    collectRefs(field.getValue(), examples, refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, examples, refs));
        }
    }
}
