package io.aro.rp.backend;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.azure.AzureClusterCloud;
import io.aro.rp.cloud.azure.AzureFixture;
import io.aro.rp.cloud.azure.FakeArm;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.Http.Reply;
import io.aro.rp.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole lifecycle through the API and the backend, driving the real Azure SDK against ARM served by WireMock. */
class AzureLifecycleTest {
    private static final String V = "?api-version=2023-11-22";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.startingNow();
    LifecycleHarness rp;
    FakeArm arm;
    AzureFixture azure;
    SimulatedCloud installer;
    String sub;
    String cluster;
    OpenShiftClusterDocument installed;

    @BeforeEach
    void start() {
        rp = new LifecycleHarness(EmbeddedDocumentStore.open(dir.resolve("rp.db"), clock, false), clock, dir.resolve("cloud"));
        arm = new FakeArm();
        sub = UUID.randomUUID().toString();
        azure = new AzureFixture(arm, sub);
        installer = rp.cloud();
        rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
        cluster = FrontendHarness.cluster(sub, "rg", "azure");
    }

    @AfterEach
    void stop() {
        rp.close();
        arm.close();
    }

    private AzureClusterCloud cloud() {
        return new AzureClusterCloud(FakeArm.principal(FakeArm.RP_PRINCIPAL), AzureFixture.servicePrincipals(), arm.settings());
    }

    private String create() {
        ObjectNode request = FrontendHarness.createRequest("2023-11-22", sub);
        azure.networkContributor(request.at("/properties/servicePrincipalProfile/clientId").asText());
        Reply put = rp.http.put(cluster + V, request);
        assertEquals(201, put.status(), put.toString());
        return local(put.header("Azure-AsyncOperation"));
    }

    private JsonNode awaitOperation(String statusUrl, String status) {
        JsonNode[] last = new JsonNode[1];
        await("the operation is " + status, WAIT, () -> {
            last[0] = rp.http.get(statusUrl).json();
            return status.equals(last[0].path("status").asText()) || "Failed".equals(last[0].path("status").asText());
        });
        assertEquals(status, last[0].path("status").asText(), last[0].toString());
        return last[0];
    }

    private static String local(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    /** The journal with this test's subscription, resource group, infrastructure ID and role assignment name as placeholders. */
    private List<String> journal() {
        var properties = installed.getOpenShiftCluster().getProperties();
        String group = properties.getClusterProfile().getResourceGroupId();
        String groupName = group.substring(group.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String infra = properties.getInfraId().toLowerCase(Locale.ROOT);
        return arm.journal().stream().map(line -> line.replace("/subscriptions/" + sub.toLowerCase(Locale.ROOT), "/{sub}")
                .replace("/resourcegroups/" + groupName, "/resourcegroups/{group}")
                .replace(infra, "{infra}")
                .replaceAll("/roleassignments/[0-9a-f-]{36}", "/roleassignments/{name}")).toList();
    }

    private static final String VNET = "/{sub}/resourcegroups/aro-vnet/providers/microsoft.network/virtualnetworks/aro-vnet";
    private static final String GROUP = "/{sub}/resourcegroups/{group}";
    private static final List<String> VALIDATE = List.of(
            "sp GET " + VNET + "/providers/microsoft.authorization/permissions",
            "rp GET " + VNET + "/providers/microsoft.authorization/permissions",
            "sp GET " + VNET,
            "sp GET " + VNET + "/subnets/master",
            "sp GET " + VNET + "/subnets/worker");

    /** A PUT that ARM runs long: sent, its Azure-AsyncOperation polled, the result read. */
    private static List<String> longRunningPut(String path) {
        return List.of("rp PUT " + path, "rp GET {operation}", "rp GET " + path);
    }

    private static List<String> concat(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(line -> all.add((String) line));
            } else {
                all.add((String) part);
            }
        }
        return all;
    }

    @Test
    void installUpdateAndDeleteSendExactlyTheseRequestsToArm() {
        rp.backend("backend", cloud(), installer, 4, Duration.ofMillis(200), Duration.ofSeconds(2));
        awaitOperation(create(), "Succeeded");
        installed = rp.cluster(cluster).orElseThrow();
        JsonNode get = rp.http.get(cluster + V).json();
        assertEquals(AzureFixture.API_SERVER_IP, get.at("/properties/apiserverProfile/ip").asText());
        assertEquals("https://api.example.contoso.com:6443/", get.at("/properties/apiserverProfile/url").asText());
        assertEquals(concat(
                VALIDATE,
                "rp GET " + GROUP,
                "rp PUT " + GROUP,
                "rp GET " + GROUP + "/providers/microsoft.resources/deployments/storage",
                longRunningPut(GROUP + "/providers/microsoft.resources/deployments/storage"),
                "rp GET " + VNET + "/subnets/master",
                longRunningPut(VNET + "/subnets/master"),
                "rp GET " + VNET + "/subnets/worker",
                longRunningPut(VNET + "/subnets/worker"),
                "rp GET " + GROUP + "/providers/microsoft.authorization/roleassignments/{name}",
                "rp PUT " + GROUP + "/providers/microsoft.authorization/roleassignments/{name}",
                "rp GET " + GROUP + "/providers/microsoft.resources/deployments/cluster",
                longRunningPut(GROUP + "/providers/microsoft.resources/deployments/cluster"),
                "rp GET " + GROUP + "/providers/microsoft.resources/deployments/workers",
                longRunningPut(GROUP + "/providers/microsoft.resources/deployments/workers"),
                "rp DELETE " + GROUP + "/providers/microsoft.compute/virtualmachines/{infra}-bootstrap",
                "rp GET {operation}",
                // the network RP answers with Azure-AsyncOperation and Location: the SDK polls the first, then reads the second
                "rp DELETE " + GROUP + "/providers/microsoft.network/networkinterfaces/{infra}-bootstrap-nic",
                "rp GET {operation}",
                "rp GET {operation}",
                "rp DELETE " + GROUP + "/providers/microsoft.compute/disks/{infra}-bootstrap_osdisk",
                "rp GET {operation}"), journal());
        assertEquals(cluster.toLowerCase(), arm.get(installed.getOpenShiftCluster().getProperties().getClusterProfile().getResourceGroupId())
                .path("managedBy").asText().toLowerCase(), "the managed resource group is managed by the cluster");
        arm.resetJournal();

        Reply patch = rp.http.patch(cluster + V, Map.of("tags", Map.of("cost-center", "42"),
                "properties", Map.of("workerProfiles", new Object[] {Map.of("name", "worker", "count", 5)})));
        awaitOperation(local(patch.header("Azure-AsyncOperation")), "Succeeded");
        assertEquals(concat(
                VALIDATE,
                "rp GET " + GROUP,
                "rp PATCH " + GROUP,
                "rp GET " + GROUP + "/providers/microsoft.authorization/roleassignments/{name}",
                "rp GET " + GROUP + "/providers/microsoft.resources/deployments/workers",
                longRunningPut(GROUP + "/providers/microsoft.resources/deployments/workers"),
                "rp GET " + GROUP + "/resources"), journal());
        String group = installed.getOpenShiftCluster().getProperties().getClusterProfile().getResourceGroupId();
        assertEquals("42", arm.get(group).at("/tags/cost-center").asText());
        assertTrue(arm.exists(group + "/providers/Microsoft.Compute/virtualMachines/" + installed.getOpenShiftCluster().getProperties().getInfraId()
                + "-worker-4"));
        arm.resetJournal();

        Reply delete = rp.http.delete(cluster + V);
        String result = local(delete.header("Location"));
        await("the deletion is over", WAIT, () -> rp.http.get(result).status() == 204);
        String zone = GROUP + "/providers/microsoft.network/privatednszones/example.contoso.com";
        assertEquals(concat(
                "rp GET " + GROUP,
                "rp GET " + VNET + "/subnets/master",
                longRunningPut(VNET + "/subnets/master"),
                "rp GET " + VNET + "/subnets/worker",
                longRunningPut(VNET + "/subnets/worker"),
                "rp DELETE " + zone + "/a/api",
                "rp DELETE " + zone + "/a/api-int",
                "rp DELETE " + zone + "/virtualnetworklinks/{infra}-network-link",
                "rp GET {operation}",
                "rp GET {operation}",
                // a resource group's deletion is polled through its Location
                "rp DELETE " + GROUP,
                "rp GET {operation}"), journal());
        assertEquals(List.of(azure.vnetGroup(), azure.vnetId(), azure.masterSubnet(), azure.workerSubnet()).stream().map(String::toLowerCase).toList(),
                arm.ids(), "only the customer's network is left");
        assertTrue(arm.get(azure.masterSubnet()).at("/properties/networkSecurityGroup").isMissingNode());
    }

    @Test
    void aForbiddenVnetFailsTheClusterWithInvalidServicePrincipalPermissions() {
        arm.fail("GET", "virtualnetworks/aro-vnet$", null, 99, 403, "AuthorizationFailed", Map.of());
        rp.backend("backend", cloud(), installer, 4, Duration.ofMillis(200), Duration.ofSeconds(2));
        JsonNode failed = awaitOperation(create(), "Failed");
        assertEquals("InvalidServicePrincipalPermissions", failed.at("/error/code").asText(), failed.toString());
        assertTrue(failed.at("/error/message").asText().contains("does not have Network Contributor permission on vnet"), failed.toString());
        assertEquals(ProvisioningState.FAILED, rp.state(cluster));
        assertTrue(arm.journal().stream().noneMatch(l -> l.contains(" PUT ")), "nothing was created: " + arm.journal());
    }

    @Test
    void aWorkerAbandonedBetweenStepsIsResumedWithoutASecondPut() throws Exception {
        FakeArm.Hold stuck = arm.hold("GET", "/deployments/storage$");
        Backend crashing = rp.backend("crashing", cloud(), installer, 1, Duration.ofHours(1), Duration.ZERO);
        create();
        assertTrue(stuck.arrived().await(30, TimeUnit.SECONDS), "the worker reached the storage deployment");
        assertEquals("crashing", rp.cluster(cluster).orElseThrow().getLeaseOwner());

        clock.advance(LifecycleHarness.TTL.plusSeconds(2));
        rp.backend("survivor", cloud(), installer, 4, Duration.ofMillis(200), Duration.ofSeconds(2));
        await("the install succeeds", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);
        crashing.close(); // the dead process's thread ends at last
        stuck.release().countDown();

        installed = rp.cluster(cluster).orElseThrow();
        assertNull(installed.getLeaseOwner(), "the abandoned worker took nothing back");
        List<String> journal = journal();
        Map<String, Long> puts = journal.stream().filter(l -> l.contains(" PUT ")).collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        puts.forEach((put, times) -> assertEquals(1, times, put + " was sent " + times + " times: " + journal));
        assertEquals(7, puts.size(), "group, storage, two subnets, role, cluster, workers: " + puts);
        assertEquals(2, journal.stream().filter(l -> l.equals("rp GET " + GROUP)).count(), "the survivor found the group the first worker made");
    }
}
