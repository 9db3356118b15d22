package io.aro.rp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Adding a version is its spec folder and one registration: the registry and the specs agree. */
class ApiVersionsTest {
    static final List<ApiVersion> VERSIONS = ApiVersions.all();
    private static final Path STABLE = Path.of("..", "swagger", "specification", "redhatopenshift", "resource-manager",
            "Microsoft.RedHatOpenShift", "OpenShiftClusters", "stable");
    /** The interfaces openapi-generator can make from our specs (one per operation tag). */
    private static final List<String> ROUTE_FAMILIES = List.of("OpenShiftClustersApi", "OperationsApi", "OpenShiftVersionsApi",
            "PlatformWorkloadIdentityRoleSetsApi");

    @Test
    void theRegistryListsExactlyTheVersionsOfTheSpecFolder() throws IOException {
        try (Stream<Path> folders = Files.list(STABLE)) {
            assertEquals(folders.map(f -> f.getFileName().toString()).sorted().toList(), VERSIONS.stream().map(ApiVersion::name).toList());
        }
    }

    @Test
    void theNewestVersionIsLatest() {
        assertEquals(VERSIONS.get(VERSIONS.size() - 1), ApiVersions.latest());
    }

    /** A version serves every route family its spec has, from its own generated package. */
    @ParameterizedTest
    @FieldSource("VERSIONS")
    void aVersionServesTheRoutesOfItsOwnSpec(ApiVersion api) {
        String generated = "io.aro.rp.generated.v" + api.name().replace("-", "");
        Set<String> expected = new TreeSet<>();
        for (String family : ROUTE_FAMILIES) {
            try {
                expected.add(Class.forName(generated + ".api." + family).getName());
            } catch (ClassNotFoundException e) {
                // the spec has no operation of this family
            }
        }
        assertEquals(expected, new TreeSet<>(api.routes().stream().map(Class::getName).toList()));
        assertEquals(generated + ".model.OpenShiftCluster", api.clusterModel().getName());
    }
}
