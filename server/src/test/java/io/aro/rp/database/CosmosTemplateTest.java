package io.aro.rp.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/cosmos.json creates exactly the containers the code uses, as the code expects them: the RP with an identity cannot fix them. */
class CosmosTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "deploy", "cosmos.json");

    @Test
    void theTemplatesContainersAreTheCodes() throws IOException {
        JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile());
        Map<String, ContainerSpec> deployed = new LinkedHashMap<>();
        for (JsonNode resource : template.path("resources")) {
            if (!resource.path("type").asText().equals("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")) {
                continue;
            }
            JsonNode container = resource.at("/properties/resource");
            JsonNode partitionKeys = container.at("/partitionKey/paths");
            assertEquals(1, partitionKeys.size(), container.toString());
            List<String> uniqueKeys = new ArrayList<>();
            container.at("/uniqueKeyPolicy/uniqueKeys").forEach(key -> {
                assertEquals(1, key.path("paths").size(), "each unique key is one path, as the code creates them");
                uniqueKeys.add(key.path("paths").get(0).asText());
            });
            boolean ttl = container.has("defaultTtl");
            if (ttl) {
                assertEquals(-1, container.path("defaultTtl").asInt(), "TTL on, each document's ttl deciding");
            }
            assertEquals("consistent", container.at("/indexingPolicy/indexingMode").asText(), "the queries need every path indexed");
            deployed.put(container.path("id").asText(),
                    new ContainerSpec(container.path("id").asText(), partitionKeys.get(0).asText(), uniqueKeys, ttl));
        }
        Map<String, ContainerSpec> code = new LinkedHashMap<>();
        Database.CONTAINERS.forEach(spec -> code.put(spec.name(), spec));
        assertEquals(code, deployed);
    }

    @Test
    void theAccountTakesNoKeysAndTheRpIdentityGetsItsDataRole() throws IOException {
        JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile());
        List<String> types = new ArrayList<>();
        template.path("resources").forEach(r -> types.add(r.path("type").asText()));
        JsonNode account = template.path("resources").get(types.indexOf("Microsoft.DocumentDB/databaseAccounts"));
        assertTrue(account.at("/properties/disableLocalAuth").asBoolean(), "keys off: the RP authenticates with its identity");
        assertTrue(account.at("/properties/disableKeyBasedMetadataWriteAccess").asBoolean());
        JsonNode assignment = template.path("resources").get(types.indexOf("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"));
        assertTrue(assignment.at("/properties/roleDefinitionId").asText().contains("00000000-0000-0000-0000-000000000002"),
                "Cosmos DB Built-in Data Contributor");
        assertEquals("[parameters('rpPrincipalId')]", assignment.at("/properties/principalId").asText());
    }
}
