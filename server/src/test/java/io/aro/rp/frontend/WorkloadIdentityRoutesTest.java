package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed identity clusters (2025-07-25) over real HTTP: ARM's identity headers, the role sets, and the routes of the role sets. */
class WorkloadIdentityRoutesTest {
    private static final String V = "?api-version=2025-07-25";
    private static final String PWIP = "/properties/platformWorkloadIdentityProfile/platformWorkloadIdentities";
    private static final String[] ARM_HEADERS = {"x-ms-identity-url", FrontendHarness.IDENTITY_URL, "x-ms-home-tenant-id", FrontendHarness.HOME_TENANT_ID};

    @TempDir
    Path dir;
    FrontendHarness rp;
    String sub;
    String path;

    @BeforeEach
    void start() {
        rp = new FrontendHarness(dir, 10);
        sub = UUID.randomUUID().toString();
        assertEquals(200, rp.subscription(sub, "Registered").status());
        path = FrontendHarness.cluster(sub, "rg", "wi");
    }

    @AfterEach
    void stop() {
        rp.close();
    }

    @Test
    void aManagedIdentityClusterKeepsArmsIdentityHeadersSealed() {
        Reply put = rp.http.put(path + V, FrontendHarness.createRequest("2025-07-25", sub), ARM_HEADERS);

        assertEquals(201, put.status(), put.toString());
        assertEquals(FrontendHarness.HOME_TENANT_ID, put.json().at("/identity/tenantId").asText());
        assertTrue(put.json().at("/properties/servicePrincipalProfile").isMissingNode());
        assertEquals(8, put.json().at(PWIP).size());
        assertFalse(put.body().contains("identity.azure.net"), "the identity URL is never returned");
        OpenShiftClusterDocument doc = rp.database.openShiftClusters().get(path).orElseThrow();
        assertEquals(FrontendHarness.IDENTITY_URL, doc.getOpenShiftCluster().getIdentity().getIdentityUrl().reveal());
        String raw = rp.store.container(OpenShiftClusters.SPEC).read(doc.getPartitionKey(), doc.getId()).orElseThrow().toString();
        assertFalse(raw.contains("identity.azure.net"), "sealed at rest: " + raw);
    }

    @Test
    void withoutArmsIdentityHeadersAManagedIdentityClusterIsRefused() {
        Reply put = rp.http.put(path + V, FrontendHarness.createRequest("2025-07-25", sub));

        assertEquals(400, put.status());
        assertEquals("InvalidRequestContent", put.code());
        assertTrue(rp.http.get(path + V).status() == 404);
    }

    @Test
    void theOperatorsMustBeThoseOfTheVersionsRoleSet() {
        ObjectNode missing = FrontendHarness.createRequest("2025-07-25", sub);
        ((ObjectNode) missing.at(PWIP)).remove("ingress");
        Reply put = rp.http.put(path + V, missing, ARM_HEADERS);
        assertEquals(400, put.status());
        assertEquals("PlatformWorkloadIdentityMismatch", put.code());
        assertEquals("properties.platformWorkloadIdentityProfile.platformWorkloadIdentities", put.json().at("/error/target").asText());
        assertTrue(put.json().at("/error/message").asText().contains("'4.14'"), put.toString());

        ObjectNode extra = FrontendHarness.createRequest("2025-07-25", sub);
        ((ObjectNode) extra.at(PWIP)).putObject("unknown-operator").put("resourceId", identity("unknown"));
        assertEquals("PlatformWorkloadIdentityMismatch", rp.http.put(path + V, extra, ARM_HEADERS).code());

        ObjectNode old = FrontendHarness.createRequest("2025-07-25", sub);
        old.with("properties").with("clusterProfile").put("version", "4.13.40");
        Reply noRoleSet = rp.http.put(path + V, old, ARM_HEADERS);
        assertEquals("InvalidParameter", noRoleSet.code());
        assertEquals("properties.clusterProfile.version", noRoleSet.json().at("/error/target").asText());
    }

    @Test
    void anUpgradeableVersionAllowsTheOperatorsOfItsRoleSet() {
        assertEquals(201, rp.http.put(path + V, FrontendHarness.createRequest("2025-07-25", sub), ARM_HEADERS).status());
        rp.finish(path, ProvisioningState.SUCCEEDED);
        ObjectNode roleSet = (ObjectNode) rp.http.get("/admin/platformWorkloadIdentityRoleSets/4.15?api-version=admin").json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) roleSet.at("/properties/platformWorkloadIdentityRoles")).addObject()
                .put("operatorName", "new-operator").put("roleDefinitionName", "A new role")
                .put("roleDefinitionId", "/providers/Microsoft.Authorization/roleDefinitions/" + UUID.randomUUID())
                .<ObjectNode>set("serviceAccounts", rp.http.get("/admin/platformWorkloadIdentityRoleSets/4.15?api-version=admin").json()
                        .at("/properties/platformWorkloadIdentityRoles/0/serviceAccounts"))
                .putObject("secretLocation").put("namespace", "openshift-new").put("name", "cloud-credentials");
        assertEquals(200, rp.http.put("/admin/platformWorkloadIdentityRoleSets?api-version=admin", roleSet).status());

        Reply early = rp.http.patch(path + V, Map.of("properties", Map.of("platformWorkloadIdentityProfile", Map.of(
                "platformWorkloadIdentities", Map.of("new-operator", Map.of("resourceId", identity("new")))))), ARM_HEADERS);
        assertEquals("PlatformWorkloadIdentityMismatch", early.code(), "4.14 has no such operator");

        Reply patch = rp.http.patch(path + V, Map.of("properties", Map.of("platformWorkloadIdentityProfile", Map.of("upgradeableTo", "4.15.20",
                "platformWorkloadIdentities", Map.of("new-operator", Map.of("resourceId", identity("new")))))), ARM_HEADERS);
        assertEquals(200, patch.status(), patch.toString());
        assertEquals(9, patch.json().at(PWIP).size());
        assertEquals("4.15.20", patch.json().at("/properties/platformWorkloadIdentityProfile/upgradeableTo").asText());
    }

    @Test
    void olderVersionsReadAManagedIdentityClusterButCannotUpdateIt() {
        assertEquals(201, rp.http.put(path + V, FrontendHarness.createRequest("2025-07-25", sub), ARM_HEADERS).status());
        rp.finish(path, ProvisioningState.SUCCEEDED);

        Reply get = rp.http.get(path + "?api-version=2023-11-22");
        assertEquals(200, get.status());
        assertTrue(get.json().at("/identity").isMissingNode() && get.json().at("/properties/servicePrincipalProfile").isMissingNode(), get.body());

        Reply patch = rp.http.patch(path + "?api-version=2023-11-22", Map.of("tags", Map.of("a", "b")));
        assertEquals(400, patch.status());
        assertEquals("properties.servicePrincipalProfile", patch.json().at("/error/target").asText());
        assertEquals(8, rp.http.get(path + V).json().at(PWIP).size(), "a refused update changes nothing");
    }

    @Test
    void aClusterIdentityServesOneCluster() {
        ObjectNode first = FrontendHarness.createRequest("2025-07-25", sub);
        assertEquals(201, rp.http.put(path + V, first, ARM_HEADERS).status());
        ObjectNode second = first.deepCopy();
        second.with("properties").with("clusterProfile").put("resourceGroupId", "/subscriptions/" + sub + "/resourceGroups/aro-other");

        Reply put = rp.http.put(FrontendHarness.cluster(sub, "rg", "other") + V, second, ARM_HEADERS);

        assertEquals(400, put.status());
        assertEquals("DuplicateClusterIdentity", put.code());
        assertEquals("identity", put.json().at("/error/target").asText());
    }

    @Test
    void theRoleSetsAndInstallableVersionsOfALocation() {
        String location = "/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/locations/eastus";

        Reply list = rp.http.get(location + "/platformWorkloadIdentityRoleSets" + V);
        assertEquals(200, list.status());
        assertEquals(List.of("4.14", "4.15"), list.json().path("value").findValuesAsText("name"));
        assertTrue(list.json().at("/value/0/properties/platformWorkloadIdentityRoles/0/serviceAccounts").isMissingNode(),
                "the API shows operators and roles, not the service accounts");
        Reply get = rp.http.get(location + "/platformWorkloadIdentityRoleSets/4.14" + V);
        assertEquals(location + "/platformWorkloadIdentityRoleSets/4.14", get.json().path("id").asText());
        assertEquals(404, rp.http.get(location + "/platformWorkloadIdentityRoleSets/4.99" + V).status());
        assertEquals(400, rp.http.get(location.replace("eastus", "westus") + "/platformWorkloadIdentityRoleSets" + V).status());

        assertEquals("4.14.38", rp.http.get(location + "/openShiftVersions/4.14.38" + V).json().at("/properties/version").asText());
        assertEquals(404, rp.http.get(location + "/openShiftVersions/4.99.0" + V).status());
        assertEquals(404, rp.http.get(location + "/openShiftVersions/4.14.38?api-version=2023-11-22").status(), "2023-11-22 lists versions only");
    }

    @Test
    void anAdminRoleSetIsValidated() {
        Reply bad = rp.http.put("/admin/platformWorkloadIdentityRoleSets?api-version=admin", Map.of("properties", Map.of("openShiftVersion", "4.16",
                "platformWorkloadIdentityRoles", List.of(Map.of("operatorName", "x", "roleDefinitionName", "X", "roleDefinitionId", "not-an-id",
                        "serviceAccounts", List.of("system:serviceaccount:ns:sa"), "secretLocation", Map.of("namespace", "ns", "name", "s"))))));
        assertEquals(400, bad.status());
        assertEquals("properties.platformWorkloadIdentityRoles[0].roleDefinitionId", bad.json().at("/error/target").asText());
        assertNull(rp.database.platformWorkloadIdentityRoleSets().get("4.16").orElse(null));
    }

    private String identity(String name) {
        return "/subscriptions/" + sub + "/resourceGroups/aro-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
    }
}
