package io.aro.rp.swagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The compatibility check finds real breaks: each case breaks a copy of our 2023-11-22 spec on purpose. */
class SpecCompatibilityTest {
    private static final String VERSION = "2023-11-22";

    static Stream<Arguments> breaks() {
        return Stream.of(
                Arguments.of("a property renamed", "\"podCidr\": {", "\"podCIDR\": {", "NetworkProfile.podCidr: property removed"),
                Arguments.of("an enum value renamed", "\"Loadbalancer\",", "\"LoadBalancer\",", "OutboundType enum"),
                Arguments.of("a type changed", "\"diskSizeGB\": {\n          \"description\": \"The size of the OS disk of each worker, in GiB.\",\n          \"type\": \"integer\"",
                        "\"diskSizeGB\": {\n          \"description\": \"The size of the OS disk of each worker, in GiB.\",\n          \"type\": \"string\"",
                        "WorkerProfile.diskSizeGB type"),
                Arguments.of("x-ms-secret dropped", "\"x-ms-secret\": true", "\"x-ms-secret\": false", "x-ms-secret"),
                Arguments.of("readOnly dropped", "\"description\": \"The URL of the cluster web console.\",\n          \"type\": \"string\",\n          \"readOnly\": true",
                        "\"description\": \"The URL of the cluster web console.\",\n          \"type\": \"string\"", "ConsoleProfile.url readOnly"),
                Arguments.of("an enum made closed", "\"name\": \"Visibility\",\n        \"modelAsString\": true", "\"name\": \"Visibility\",\n        \"modelAsString\": false",
                        "Visibility x-ms-enum"),
                Arguments.of("an operationId renamed", "\"OpenShiftClusters_ListCredentials\"", "\"OpenShiftClusters_GetCredentials\"", "operationId"),
                Arguments.of("a path removed", "/listAdminCredentials\"", "/adminCredentials\"", "listAdminCredentials: path removed"),
                Arguments.of("a model renamed", "\"$ref\": \"#/definitions/OpenShiftClusterCredentials\"", "\"$ref\": \"#/definitions/OpenShiftClusterAdminKubeconfig\"",
                        "model OpenShiftClusterCredentials became OpenShiftClusterAdminKubeconfig"),
                Arguments.of("long-running dropped", "\"x-ms-long-running-operation\": true", "\"x-ms-long-running-operation\": false",
                        "x-ms-long-running-operation"),
                Arguments.of("paging dropped", "\"x-ms-pageable\": {\n          \"nextLinkName\": \"nextLink\"\n        }", "\"x-ms-pageable\": {\n          \"nextLinkName\": null\n        }",
                        "x-ms-pageable"),
                Arguments.of("a response code added", "\"202\": {\n            \"description\": \"The deletion was accepted.\",",
                        "\"200\": {\n            \"description\": \"Deleted.\"\n          },\n          \"202\": {\n            \"description\": \"The deletion was accepted.\",",
                        "response 200: new response code"),
                Arguments.of("the resource base changed", "common-types/resource-management/v3/types.json#/definitions/TrackedResource",
                        "common-types/resource-management/v3/types.json#/definitions/ProxyResource", "location: property removed"),
                Arguments.of("a required parameter added", "types.json#/parameters/LocationParameter\"\n          }",
                        "types.json#/parameters/LocationParameter\"\n          },\n          {\"name\": \"filter\", \"in\": \"query\", \"required\": true, \"type\": \"string\"}",
                        "parameter query:filter: new required parameter"),
                Arguments.of("a parameter made stricter", "\"name\": \"resourceName\",", "\"pattern\": \"^[a-z]+$\",\n      \"name\": \"resourceName\",",
                        "parameter path:resourceName pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaks")
    void findsABreak(String name, String from, String to, String expected, @TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Specs.edit(Specs.spec(copy, VERSION), from, to);

        List<String> breaks = SpecCompatibility.breakingChanges(Specs.spec(VERSION), Specs.spec(copy, VERSION));

        assertTrue(breaks.stream().anyMatch(b -> b.contains(expected)), "expected a break mentioning '" + expected + "', got " + breaks);
    }

    @Test
    void aSpecIsCompatibleWithItself() {
        for (String version : Specs.VERSIONS) {
            assertEquals(List.of(), SpecCompatibility.breakingChanges(Specs.spec(version), Specs.spec(version)));
        }
    }

    @Test
    void anOptionalPropertyAddedIsNotABreak(@TempDir Path dir) {
        Path copy = Specs.copy(dir);
        Specs.edit(Specs.spec(copy, VERSION), "\"podCidr\": {", "\"mtu\": {\n          \"type\": \"integer\",\n          \"format\": \"int32\"\n        },\n        \"podCidr\": {");

        assertEquals(List.of(), SpecCompatibility.breakingChanges(Specs.spec(VERSION), Specs.spec(copy, VERSION)));
    }
}
