package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.testing.Http.Reply;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every cluster route over real HTTP: status codes, headers, bodies, and the state rules between them. */
class ClusterRoutesTest {
    private static final String V2023 = "?api-version=2023-11-22";
    private static final String V2020 = "?api-version=2020-04-30";

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
        path = FrontendHarness.cluster(sub, "MyRG", "MyCluster");
    }

    @AfterEach
    void stop() {
        rp.close();
    }

    private String local(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void createAnswers201WithTheClusterAndAnAsyncOperation() {
        Reply put = rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));

        assertEquals(201, put.status(), put.toString());
        assertEquals(path, put.json().path("id").asText(), "the id keeps the caller's casing");
        assertEquals("MyCluster", put.json().path("name").asText());
        assertEquals("Microsoft.RedHatOpenShift/openShiftClusters", put.json().path("type").asText());
        assertEquals("Creating", put.json().at("/properties/provisioningState").asText());
        assertEquals("4.14.38", put.json().at("/properties/clusterProfile/version").asText(), "the default version");
        assertTrue(put.json().at("/properties/servicePrincipalProfile/clientSecret").isMissingNode());
        assertTrue(put.json().at("/properties/clusterProfile/pullSecret").isMissingNode());
        assertFalse(put.body().contains("example-client-secret"));
        assertNull(put.header("Location"), "ARO's PUT has no Location");
        assertNull(put.header("Retry-After"), "none unless configured, as ARO");
        String status = put.header("Azure-AsyncOperation");
        assertTrue(status.matches("http://127\\.0\\.0\\.1:\\d+/subscriptions/" + sub
                + "/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/[0-9a-f-]{36}\\?api-version=2023-11-22"), status);
        assertEquals("application/json", put.header("Content-Type"));

        Reply op = rp.http.get(local(status));
        assertEquals(200, op.status());
        assertEquals("Creating", op.json().path("status").asText());
        assertTrue(op.json().path("endTime").isMissingNode());
        assertTrue(op.json().path("id").asText().endsWith("/operationsstatus/" + op.json().path("name").asText()));
    }

    @Test
    void asyncUrlsUseTheRefererThatArmSends() {
        Reply put = rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub),
                "Referer", "https://management.azure.com" + path + V2023);
        assertTrue(put.header("Azure-AsyncOperation").startsWith("https://management.azure.com/subscriptions/" + sub + "/providers/"),
                put.header("Azure-AsyncOperation"));
    }

    @Test
    void aWriteWhileAnOperationRunsIsAConflict() {
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));

        Reply again = rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        assertEquals(409, again.status());
        assertEquals("RequestNotAllowed", again.code());
        assertEquals("Request is not allowed in provisioningState 'Creating'.", again.json().at("/error/message").asText());
        assertEquals(409, rp.http.patch(path + V2023, Map.of("tags", Map.of("a", "b"))).status());
        assertEquals(409, rp.http.delete(path + V2023).status());
        assertEquals(409, rp.http.post(path + "/listCredentials" + V2023, null).status());
    }

    @Test
    void getListsAndCredentialsOfAnInstalledCluster() {
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        rp.finish(path, ProvisioningState.SUCCEEDED);

        Reply get = rp.http.get(path.toLowerCase().replace(sub.toLowerCase(), sub) + V2020);
        assertEquals(200, get.status());
        assertEquals(path, get.json().path("id").asText(), "ids use the stored casing whatever the request's");
        assertEquals("Succeeded", get.json().at("/properties/provisioningState").asText());
        assertTrue(get.json().at("/properties/clusterProfile/fipsValidatedModules").isMissingNode(), "2020-04-30 does not know FIPS");
        assertEquals("https://console-openshift-console.apps.example.contoso.com/", get.json().at("/properties/consoleProfile/url").asText());

        Reply credentials = rp.http.post(path + "/listCredentials" + V2020, null);
        assertEquals(200, credentials.status());
        assertEquals("kubeadmin", credentials.json().path("kubeadminUsername").asText());
        assertEquals("kubeadmin-secret-password", credentials.json().path("kubeadminPassword").asText());
        Reply admin = rp.http.post(path + "/listAdminCredentials" + V2023, "{}");
        assertEquals(200, admin.status());
        assertEquals("apiVersion: v1\nkind: Config\n",
                new String(Base64.getDecoder().decode(admin.json().path("kubeconfig").asText()), StandardCharsets.UTF_8));
        assertEquals(404, rp.http.post(path + "/listAdminCredentials" + V2020, null).status(), "2020-04-30 has no admin credentials");
        Reply wrongMethod = rp.http.delete(path + "/listCredentials" + V2020);
        assertEquals(405, wrongMethod.status(), "the version has the path, not the method");
        assertEquals("MethodNotAllowed", wrongMethod.json().at("/error/code").asText());
        assertEquals(405, rp.http.get(path + "/listAdminCredentials" + V2023).status(), "2023-11-22 has the path, not the method");

        assertEquals(1, rp.http.get("/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/openShiftClusters" + V2023)
                .json().path("value").size());
        assertEquals(1, rp.http.get("/subscriptions/" + sub + "/resourceGroups/myrg/providers/Microsoft.RedHatOpenShift/openShiftClusters" + V2023)
                .json().path("value").size());
        assertEquals(0, rp.http.get("/subscriptions/" + sub + "/resourceGroups/other/providers/Microsoft.RedHatOpenShift/openShiftClusters" + V2023)
                .json().path("value").size());
    }

    @Test
    void operationsStatusAndResultsFollowTheOperation() {
        Reply put = rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        String status = local(put.header("Azure-AsyncOperation"));
        String result = status.replace("/operationsstatus/", "/operationresults/");

        Reply running = rp.http.get(result);
        assertEquals(202, running.status());
        assertTrue(running.header("Location").endsWith(result), running.header("Location"));

        rp.finish(path, ProvisioningState.SUCCEEDED);
        assertEquals("Succeeded", rp.http.get(status).json().path("status").asText());
        assertTrue(rp.http.get(status).json().has("endTime"));
        Reply done = rp.http.get(result);
        assertEquals(200, done.status());
        assertEquals(path, done.json().path("id").asText());

        Reply delete = rp.http.delete(path + V2023);
        assertEquals(202, delete.status());
        String deleteResult = local(delete.header("Location"));
        assertTrue(deleteResult.contains("/operationresults/"), deleteResult);
        assertTrue(delete.header("Azure-AsyncOperation").contains("/operationsstatus/"));
        assertEquals("Deleting", rp.http.get(path + V2023).json().at("/properties/provisioningState").asText());
        assertEquals(202, rp.http.get(deleteResult).status());
        assertEquals(202, rp.http.delete(path + V2023).status(), "deleting a deleting cluster answers with the same operation");
        assertEquals(delete.header("Location"), rp.http.delete(path + V2023).header("Location"));

        rp.finish(path, ProvisioningState.SUCCEEDED);
        assertEquals(204, rp.http.get(deleteResult).status());
        assertEquals(404, rp.http.get(path + V2023).status());
        assertEquals("ResourceNotFound", rp.http.get(path + V2023).code());
        assertEquals(204, rp.http.delete(path + V2023).status());
        assertEquals(404, rp.http.get(status.replaceAll("[0-9a-f-]{36}\\?", UUID.randomUUID() + "?")).status(), "an unknown operation");
    }

    @Test
    void anOperationIsOnlyVisibleInItsOwnSubscription() {
        Reply put = rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        String other = UUID.randomUUID().toString();
        rp.subscription(other, "Registered");
        assertEquals(404, rp.http.get(local(put.header("Azure-AsyncOperation")).replace(sub, other)).status());
    }

    @Test
    void putReplacesAndPatchMerges() {
        ObjectNode create = FrontendHarness.createRequest("2023-11-22", sub);
        rp.http.put(path + V2023, create);
        rp.finish(path, ProvisioningState.SUCCEEDED);

        // the worker profile as it is: arrays merge element by element, so naming only the count keeps the rest
        Reply patched = rp.http.patch(path + V2023, Map.of("tags", Map.of("team", "blue"),
                "properties", Map.of("workerProfiles", new Object[] {Map.of("name", "worker", "count", 3)},
                        "servicePrincipalProfile", Map.of("clientSecret", "rotated"))));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("Updating", patched.json().at("/properties/provisioningState").asText());
        assertEquals("blue", patched.json().at("/tags/team").asText());
        assertFalse(patched.json().at("/tags").has("environment"), "a PATCH's tags replace the tags");
        assertEquals(3, patched.json().at("/properties/workerProfiles/0/count").asInt());
        assertEquals("Standard_D4s_v3", patched.json().at("/properties/workerProfiles/0/vmSize").asText(), "the rest of the profile is kept");
        assertEquals(create.at("/properties/servicePrincipalProfile/clientId").asText(),
                patched.json().at("/properties/servicePrincipalProfile/clientId").asText(), "the rest of an object is kept");
        assertNotNull(patched.header("Azure-AsyncOperation"));
        rp.finish(path, ProvisioningState.SUCCEEDED);

        Reply noTags = rp.http.patch(path + V2023, Map.of("properties", Map.of()));
        assertEquals("blue", noTags.json().at("/tags/team").asText(), "a PATCH without tags keeps them");
        rp.finish(path, ProvisioningState.SUCCEEDED);

        ObjectNode replace = create.deepCopy();
        replace.remove("tags");
        replace.with("properties").with("clusterProfile").remove("pullSecret");
        replace.with("properties").with("servicePrincipalProfile").remove("clientSecret");
        Reply put = rp.http.put(path + V2023, replace);
        assertEquals(200, put.status(), put.toString());
        assertTrue(put.json().path("tags").isMissingNode(), "a PUT replaces the tags");
        assertEquals(200, rp.http.get(path + V2023).status());
    }

    @Test
    void aGetShowsEveryNewVersionOfTheCluster() {
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        for (String version : List.of(V2023, V2020)) {
            assertEquals("Creating", rp.http.get(path + version).json().at("/properties/provisioningState").asText(), version);
        }
        rp.finish(path, ProvisioningState.SUCCEEDED);
        for (String version : List.of(V2023, V2020)) {
            assertEquals("Succeeded", rp.http.get(path + version).json().at("/properties/provisioningState").asText(), version);
        }

        rp.http.patch(path + V2023, Map.of("tags", Map.of("team", "red")));
        Reply get = rp.http.get(path + V2023);
        assertEquals("Updating", get.json().at("/properties/provisioningState").asText());
        assertEquals("red", get.json().at("/tags/team").asText());
        assertEquals("application/json", get.header("Content-Type"));
    }

    @Test
    void updatesAreCheckedByTheirApiVersion() {
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        rp.finish(path, ProvisioningState.SUCCEEDED);

        Reply count2020 = rp.http.patch(path + V2020, Map.of("properties", Map.of("workerProfiles", new Object[] {Map.of("name", "worker", "count", 5)})));
        assertEquals(400, count2020.status());
        assertEquals("PropertyChangeNotAllowed", count2020.code());
        assertEquals("properties.workerProfiles[0].count", count2020.json().at("/error/target").asText());
        assertEquals("Changing property 'properties.workerProfiles[0].count' is not allowed.", count2020.json().at("/error/message").asText());
        Reply count2023 = rp.http.patch(path + V2023, Map.of("properties", Map.of("workerProfiles", new Object[] {Map.of("name", "worker", "count", 5)})));
        assertEquals("properties.workerProfiles[0].count", count2023.json().at("/error/target").asText(), "nor in 2023-11-22, as in ARO");

        Reply pullSecret2020 = rp.http.patch(path + V2020, Map.of("properties", Map.of("clusterProfile",
                Map.of("pullSecret", "{\"auths\":{\"registry.example.com\":{\"auth\":\"eDp5\"}}}"))));
        assertEquals("PropertyChangeNotAllowed", pullSecret2020.code(), "no version lets an update change the pull secret, as in ARO");
        assertEquals("properties.clusterProfile.pullSecret", pullSecret2020.json().at("/error/target").asText());

        Reply domain = rp.http.patch(path + V2023, Map.of("properties", Map.of("clusterProfile", Map.of("domain", "other.contoso.com"))));
        assertEquals("PropertyChangeNotAllowed", domain.code());
        assertEquals("properties.clusterProfile.domain", domain.json().at("/error/target").asText());

        Reply bad = rp.http.patch(path + V2023, Map.of("properties", Map.of("networkProfile", Map.of("podCidr", "10.128.0.0/20"))));
        assertEquals(400, bad.status());
        assertEquals("InvalidParameter", bad.code(), "static validation comes first");
        assertEquals("properties.networkProfile.podCidr", bad.json().at("/error/target").asText());

        String clientId = UUID.randomUUID().toString();
        Reply clientId2020 = rp.http.patch(path + V2020, Map.of("properties", Map.of("servicePrincipalProfile", Map.of("clientId", clientId))));
        assertEquals(200, clientId2020.status(), "every version rotates the service principal: " + clientId2020);
        assertEquals(clientId, rp.http.get(path + V2023).json().at("/properties/servicePrincipalProfile/clientId").asText());
        assertEquals("Updating", rp.http.get(path + V2023).json().at("/properties/provisioningState").asText());
    }

    /**
     * A cluster created through the newest version is readable through every version, each showing what
     * it knows; a PATCH of the tags through any version leaves the properties only newer versions know.
     */
    @Test
    void everyVersionReadsAndUpdatesAClusterOfTheNewest() {
        ObjectNode create = FrontendHarness.createRequest("2023-11-22", sub);
        create.with("properties").with("networkProfile").put("preconfiguredNSG", "Enabled");
        create.with("properties").with("clusterProfile").put("fipsValidatedModules", "Enabled");
        create.with("properties").with("networkProfile").with("loadBalancerProfile").with("managedOutboundIps").put("count", 3);
        assertEquals(201, rp.http.put(path + V2023, create).status());
        rp.finish(path, ProvisioningState.SUCCEEDED);

        for (ApiVersion api : ApiVersions.all()) {
            String version = "?api-version=" + api.name();
            Reply get = rp.http.get(path + version);
            assertEquals(200, get.status(), api.name() + ": " + get);
            assertEquals(api.name().compareTo("2022-04-01") >= 0, get.json().at("/properties/clusterProfile/fipsValidatedModules").isTextual(),
                    api.name() + " shows FIPS exactly when it knows it: " + get.body());
            assertEquals(api.name().compareTo("2023-11-22") >= 0, get.json().at("/properties/networkProfile/loadBalancerProfile").isObject(),
                    api.name() + ": " + get.body());

            Reply patch = rp.http.patch(path + version, Map.of("tags", Map.of("updatedBy", api.name())));
            assertEquals(200, patch.status(), api.name() + ": " + patch);
            rp.finish(path, ProvisioningState.SUCCEEDED);
            Reply newest = rp.http.get(path + V2023);
            assertEquals(api.name(), newest.json().at("/tags/updatedBy").asText());
            assertEquals("Enabled", newest.json().at("/properties/networkProfile/preconfiguredNSG").asText(), "after a PATCH through " + api.name());
            assertEquals("Enabled", newest.json().at("/properties/clusterProfile/fipsValidatedModules").asText());
            assertEquals(3, newest.json().at("/properties/networkProfile/loadBalancerProfile/managedOutboundIps/count").asInt());
        }
    }

    @Test
    void aClusterWhoseCreationFailedMustBeDeleted() {
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        rp.finish(path, ProvisioningState.FAILED);

        Reply op = rp.http.get(FrontendHarness.cluster(sub, "MyRG", "MyCluster") + V2023);
        assertEquals("Failed", op.json().at("/properties/provisioningState").asText());
        Reply put = rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        assertEquals(409, put.status());
        assertEquals("Request is not allowed on cluster whose creation failed. Delete the cluster.", put.json().at("/error/message").asText());
        assertEquals(202, rp.http.delete(path + V2023).status());
    }

    @Test
    void aClusterWhoseUpdateFailedMayBeUpdatedAgain() {
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        rp.finish(path, ProvisioningState.SUCCEEDED);
        Reply update = rp.http.patch(path + V2023, Map.of("tags", Map.of("a", "1")));
        String status = local(update.header("Azure-AsyncOperation"));
        rp.finish(path, ProvisioningState.FAILED);

        Reply failed = rp.http.get(status);
        assertEquals("Failed", failed.json().path("status").asText());
        assertEquals("DeploymentFailed", failed.json().at("/error/code").asText());
        assertEquals(200, rp.http.patch(path + V2023, Map.of("tags", Map.of("a", "2"))).status());
    }

    @Test
    void aSecondClusterCannotReuseAServicePrincipalOrResourceGroup() {
        ObjectNode first = FrontendHarness.createRequest("2023-11-22", sub);
        rp.http.put(path + V2023, first);

        ObjectNode second = FrontendHarness.createRequest("2023-11-22", sub);
        ((ObjectNode) second.at("/properties/servicePrincipalProfile")).put("clientId", first.at("/properties/servicePrincipalProfile/clientId").asText());
        Reply sameClient = rp.http.put(FrontendHarness.cluster(sub, "MyRG", "second") + V2023, second);
        assertEquals(400, sameClient.status());
        assertEquals("DuplicateClientID", sameClient.code());

        ObjectNode third = FrontendHarness.createRequest("2023-11-22", sub);
        ((ObjectNode) third.at("/properties/clusterProfile")).put("resourceGroupId", first.at("/properties/clusterProfile/resourceGroupId").asText());
        Reply sameGroup = rp.http.put(FrontendHarness.cluster(sub, "MyRG", "third") + V2023, third);
        assertEquals("DuplicateResourceGroup", sameGroup.code());
    }

    @Test
    void aVersionThatIsNotInstallableIsRefused() {
        ObjectNode create = FrontendHarness.createRequest("2023-11-22", sub);
        ((ObjectNode) create.at("/properties/clusterProfile")).put("version", "4.9.0");
        Reply put = rp.http.put(path + V2023, create);
        assertEquals(400, put.status());
        assertEquals("properties.clusterProfile.version", put.json().at("/error/target").asText());

        ((ObjectNode) create.at("/properties/clusterProfile")).put("version", "4.13.40");
        assertEquals("4.13.40", rp.http.put(path + V2023, create).json().at("/properties/clusterProfile/version").asText());
    }

    @Test
    void systemDataFromArmIsRecordedAndShownIn2023() {
        String systemData = "{\"createdBy\":\"alice@example.com\",\"createdByType\":\"User\",\"createdAt\":\"2026-11-20T10:00:00Z\","
                + "\"lastModifiedBy\":\"alice@example.com\",\"lastModifiedByType\":\"User\",\"lastModifiedAt\":\"2026-11-20T10:00:00Z\"}";
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub), "x-ms-arm-resource-system-data", systemData);
        rp.finish(path, ProvisioningState.SUCCEEDED);
        rp.http.patch(path + V2023, Map.of("tags", Map.of()), "x-ms-arm-resource-system-data",
                "{\"lastModifiedBy\":\"bob@example.com\",\"lastModifiedByType\":\"User\",\"lastModifiedAt\":\"2026-11-21T10:00:00Z\"}");

        Reply get = rp.http.get(path + V2023);
        assertEquals("alice@example.com", get.json().at("/systemData/createdBy").asText());
        assertEquals("bob@example.com", get.json().at("/systemData/lastModifiedBy").asText());
        assertTrue(get.json().at("/systemData/lastModifiedAt").asText().startsWith("2026-11-21T10:00"));
        assertTrue(rp.http.get(path + V2020).json().path("systemData").isMissingNode(), "2020-04-30 has no systemData");
    }

    @Test
    void versionsAndOperationsAreListed() {
        Reply versions = rp.http.get("/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/locations/eastus/openShiftVersions" + V2023);
        assertEquals(200, versions.status());
        assertEquals(2, versions.json().path("value").size());
        assertEquals("4.13.40", versions.json().at("/value/0/properties/version").asText());
        assertEquals(404, rp.http.get("/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/locations/eastus/openShiftVersions" + V2020)
                .status(), "2020-04-30 has no versions route");

        Reply operations = rp.http.get("/providers/Microsoft.RedHatOpenShift/operations" + V2020);
        assertEquals(200, operations.status());
        assertEquals(9, operations.json().path("value").size());
        Reply unknown = rp.http.get("/providers/Microsoft.RedHatOpenShift/operations?api-version=2099-01-01");
        assertEquals(400, unknown.status(), "every route checks its api-version");
        assertEquals("InvalidApiVersionParameter", unknown.json().at("/error/code").asText());
    }

    @Test
    void theGeneratedResourcesRootIsNotReachableFromOutside() {
        rp.http.put(path + V2023, FrontendHarness.createRequest("2023-11-22", sub));
        for (String internal : List.of("/api/2023-11-22" + path, "/API/2023-11-22" + path + V2023, "/api", "/api/")) {
            Reply reply = rp.http.get(internal);
            assertEquals(404, reply.status(), internal);
            assertEquals("NotFound", reply.json().at("/error/code").asText(), internal);
        }
    }

    @Test
    void theUrlsHandedOutAreNotTheClientsHost() throws Exception {
        String body = new ObjectMapper().writeValueAsString(FrontendHarness.createRequest("2023-11-22", sub));
        try (Socket socket = new Socket(rp.uri().getHost(), rp.uri().getPort())) {
            socket.getOutputStream().write(("PUT " + path + V2023 + " HTTP/1.1\r\nHost: evil.example.com\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher status = Pattern.compile("(?im)^Azure-AsyncOperation: (\\S+)").matcher(answer);
            assertTrue(status.find(), answer);
            assertTrue(status.group(1).startsWith(rp.uri().toString().replaceAll("/$", "") + "/subscriptions/"), status.group(1));
            assertFalse(answer.contains("evil.example.com"), answer);
        }
    }

    @Test
    void healthRoutes() {
        assertEquals(200, rp.http.get("/healthz").status());
        assertEquals(200, rp.http.get("/healthz/ready").status());
        rp.frontend.stopAccepting();
        Reply ready = rp.http.get("/healthz/ready");
        assertEquals(503, ready.status());
        assertEquals(200, rp.http.get("/healthz").status(), "a stopping frontend is still alive");
    }

    @Test
    void everyResponseHasItsOwnRequestIdAndEchoesTheClientsWhenAsked() {
        Reply a = rp.http.get(path + V2023, "x-ms-client-request-id", "client-1", "x-ms-return-client-request-id", "true");
        Reply b = rp.http.get(path + V2023, "x-ms-client-request-id", "client-2");
        assertNotNull(a.header("x-ms-request-id"));
        assertNotEquals(a.header("x-ms-request-id"), b.header("x-ms-request-id"));
        assertEquals("client-1", a.header("x-ms-client-request-id"));
        assertNull(b.header("x-ms-client-request-id"));
        assertNotNull(rp.http.get("/no/such/route").header("x-ms-request-id"), "errors too");
    }
}
