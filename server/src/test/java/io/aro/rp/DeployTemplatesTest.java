package io.aro.rp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/'s templates agree with the code and the chart: cosmos.json creates exactly the containers the
 * code uses, as it expects them (the RP with an identity cannot fix them); rp.json trusts the chart's
 * service account and gives the identity what the RP reads and writes.
 */
class DeployTemplatesTest {
    private static final Path TEMPLATE = Path.of("..", "deploy", "cosmos.json");
    private static final Path RP = Path.of("..", "deploy", "rp.json");

    private static JsonNode resource(JsonNode template, String type, String role) {
        for (JsonNode resource : template.path("resources")) {
            if (resource.path("type").asText().equals(type) && (role == null || resource.at("/properties/roleDefinitionId").asText().contains(role))) {
                return resource;
            }
        }
        throw new AssertionError("no " + type + (role == null ? "" : " of role " + role));
    }

    @Test
    void everyTemplateIsAnArmTemplateWhoseResourcesNameTheirApiVersion() throws IOException {
        for (Path template : List.of(TEMPLATE, RP)) {
            JsonNode json = new ObjectMapper().readTree(template.toFile());
            assertEquals("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", json.path("$schema").asText());
            json.path("resources").forEach(r -> assertTrue(r.path("apiVersion").asText().matches("\\d{4}-\\d{2}-\\d{2}"), r.toString()));
        }
    }

    @Test
    void aksTrustsTheChartsServiceAccountForTheRpsIdentity() throws IOException {
        JsonNode rp = new ObjectMapper().readTree(RP.toFile());
        JsonNode aks = resource(rp, "Microsoft.ContainerService/managedClusters", null);
        assertTrue(aks.at("/properties/oidcIssuerProfile/enabled").asBoolean());
        assertTrue(aks.at("/properties/securityProfile/workloadIdentity/enabled").asBoolean());
        JsonNode federated = resource(rp, "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials", null);
        assertEquals("[format('system:serviceaccount:{0}:{1}', parameters('namespace'), parameters('releaseName'))]",
                federated.at("/properties/subject").asText());
        assertTrue(federated.at("/properties/issuer").asText().contains("oidcIssuerProfile.issuerURL"));
        String serviceAccount = Files.readString(Path.of("..", "deploy", "helm", "aro-rp", "templates", "serviceaccount.yaml"));
        assertTrue(serviceAccount.contains("name: {{ .Release.Name }}") && serviceAccount.contains("azure.workload.identity/client-id"),
                "the chart's service account is named after the release and carries the identity's client ID");
    }

    @Test
    void theIdentityReadsTheKeyVaultAndWritesTheManagedDomainsZone() throws IOException {
        JsonNode rp = new ObjectMapper().readTree(RP.toFile());
        assertTrue(resource(rp, "Microsoft.KeyVault/vaults", null).at("/properties/enableRbacAuthorization").asBoolean());
        JsonNode secretsUser = resource(rp, "Microsoft.Authorization/roleAssignments", "4633458b-17de-408a-b874-0445c86b69e6");
        assertTrue(secretsUser.path("scope").asText().contains("Microsoft.KeyVault/vaults"), "Key Vault Secrets User on the vault");
        JsonNode dnsContributor = resource(rp, "Microsoft.Authorization/roleAssignments", "befefa01-2a29-4197-83a8-272ff33ce314");
        assertTrue(dnsContributor.path("scope").asText().contains("Microsoft.Network/dnsZones"), "DNS Zone Contributor on the zone");
        for (JsonNode assignment : List.of(secretsUser, dnsContributor)) {
            assertTrue(assignment.at("/properties/principalId").asText().contains("userAssignedIdentities', parameters('identityName')"));
        }
    }

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
