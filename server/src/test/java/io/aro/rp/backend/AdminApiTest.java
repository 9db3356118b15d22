package io.aro.rp.backend;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.cloud.azure.AzureClusterCloud;
import io.aro.rp.cloud.azure.AzureFixture;
import io.aro.rp.cloud.azure.FakeArm;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.FaultInjectingCloud;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The admin API's routes (authorization is SecureEdgeTest's): lists, redaction, admin updates with the backend, versions, audit. */
class AdminApiTest {
    private static final String V = "?api-version=2023-11-22";
    private static final String ADMIN = "?api-version=admin";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    LifecycleHarness rp;
    FaultInjectingCloud cloud;
    String sub;
    String cluster;
    final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeEach
    void start() {
        rp = new LifecycleHarness(EmbeddedDocumentStore.open(dir.resolve("rp.db"), Clock.systemUTC(), false, failure -> { }), Clock.systemUTC(), dir.resolve("cloud"));
        cloud = rp.cloud();
        sub = register();
        cluster = FrontendHarness.cluster(sub, "rg", "admin");
        audit.start();
        ((Logger) LoggerFactory.getLogger("io.aro.rp.audit")).addAppender(audit);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("io.aro.rp.audit")).detachAppender(audit);
        rp.close();
    }

    private String register() {
        String subscription = UUID.randomUUID().toString();
        rp.http.put("/subscriptions/" + subscription + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
        return subscription;
    }

    private static String local(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    private void awaitSucceeded(String statusUrl) {
        await("the operation succeeded", WAIT, () -> "Succeeded".equals(rp.http.get(statusUrl).json().path("status").asText()));
    }

    @Test
    void everyClusterOfEverySubscriptionIsListedAPageAtATime() {
        String other = register();
        for (int i = 0; i < 12; i++) {
            String subscription = i % 2 == 0 ? sub : other;
            assertEquals(201, rp.http.put(FrontendHarness.cluster(subscription, "rg", "c" + i) + V, FrontendHarness.createRequest("2023-11-22",
                    subscription)).status());
        }
        Reply first = rp.http.get("/admin/providers/Microsoft.RedHatOpenShift/openShiftClusters" + ADMIN);
        assertEquals(200, first.status(), first.toString());
        assertEquals(10, first.json().path("value").size());
        String next = first.json().path("nextLink").asText();
        assertTrue(next.contains("$skipToken="), first.toString());
        Reply second = rp.http.get(local(next));
        assertEquals(2, second.json().path("value").size());
        assertTrue(second.json().path("nextLink").isMissingNode());
        List<String> keys = new ArrayList<>();
        first.json().path("value").forEach(c -> keys.add(c.path("key").asText()));
        second.json().path("value").forEach(c -> keys.add(c.path("key").asText()));
        assertEquals(12, keys.stream().distinct().count());
        assertTrue(keys.stream().anyMatch(k -> k.contains(other.toLowerCase())) && keys.stream().anyMatch(k -> k.contains(sub.toLowerCase())));
    }

    @Test
    void aClustersDocumentShowsEverythingButItsSecrets() {
        rp.backend("backend", cloud);
        ObjectNode request = FrontendHarness.createRequest("2023-11-22", sub);
        String clientSecret = request.at("/properties/servicePrincipalProfile/clientSecret").asText();
        String pullSecret = request.at("/properties/clusterProfile/pullSecret").asText();
        awaitSucceeded(local(rp.http.put(cluster + V, request).header("Azure-AsyncOperation")));
        String password = rp.http.post(cluster + "/listCredentials" + V, null).json().path("kubeadminPassword").asText();
        String kubeconfig = rp.http.post(cluster + "/listAdminCredentials" + V, null).json().path("kubeconfig").asText();

        Reply admin = rp.http.get(cluster.replace("/subscriptions/", "/admin/subscriptions/") + ADMIN);
        assertEquals(200, admin.status(), admin.toString());
        JsonNode properties = admin.json().at("/openShiftCluster/properties");
        assertEquals("Succeeded", properties.path("provisioningState").asText());
        assertFalse(properties.at("/hiveProfile/namespace").asText().isEmpty(), "the internal document, bookkeeping and all");
        assertTrue(admin.json().has("bucket"));
        assertEquals("[redacted]", properties.at("/servicePrincipalProfile/clientSecret").asText());
        assertEquals("[redacted]", properties.at("/clusterProfile/pullSecret").asText());
        assertEquals("[redacted]", properties.path("kubeadminPassword").asText());
        assertEquals("[redacted]", properties.path("adminKubeconfig").asText());
        for (String secret : List.of(clientSecret, pullSecret, password, new String(java.util.Base64.getDecoder().decode(kubeconfig)))) {
            assertFalse(admin.body().contains(secret), "a secret in the admin response: " + secret);
            assertFalse(rp.http.get("/admin/providers/Microsoft.RedHatOpenShift/openShiftClusters" + ADMIN).body().contains(secret));
        }
    }

    @Test
    void anAdminUpdateGoesThroughAdminUpdatingAndBack() {
        rp.backend("backend", cloud);
        awaitSucceeded(local(rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub)).header("Azure-AsyncOperation")));
        int groups = cloud.calls(FaultInjectingCloud.Step.CREATE_RESOURCE_GROUP);

        Reply update = rp.http.patch(cluster.replace("/subscriptions/", "/admin/subscriptions/") + ADMIN, Map.of("properties",
                Map.of("maintenanceTask", "Everything")));
        assertEquals(200, update.status(), update.toString());
        assertEquals("AdminUpdating", update.json().at("/openShiftCluster/properties/provisioningState").asText());
        assertNotNull(update.header("Azure-AsyncOperation"));
        awaitSucceeded(local(update.header("Azure-AsyncOperation")));

        assertEquals(ProvisioningState.SUCCEEDED, rp.state(cluster));
        assertEquals(groups + 1, cloud.calls(FaultInjectingCloud.Step.CREATE_RESOURCE_GROUP), "the ensure steps ran again");
        assertEquals(1, cloud.calls(FaultInjectingCloud.Step.UPDATE_INSTALLATION));
        assertEquals(404, rp.http.patch(FrontendHarness.cluster(sub, "rg", "missing").replace("/subscriptions/", "/admin/subscriptions/") + ADMIN,
                Map.of()).status());
    }

    @Test
    void versionRecordsDriveTheInstallableVersionsAndTheInstalls() {
        String versions = "/admin/versions" + ADMIN;
        Reply put = rp.http.put(versions, Map.of("properties", Map.of("version", "4.15.27", "enabled", true, "default", true,
                "openShiftPullspec", "quay.io/openshift-release-dev/ocp-release@sha256:" + "a".repeat(64),
                "installerPullspec", "arosvc.azurecr.io/aro-installer@sha256:" + "b".repeat(64))));
        assertEquals(200, put.status(), put.toString());
        assertEquals(200, rp.http.put(versions, Map.of("properties", Map.of("version", "4.13.40", "enabled", false,
                "openShiftPullspec", "quay.io/openshift-release-dev/ocp-release:4.13.40-x86_64",
                "installerPullspec", "arosvc.azurecr.io/aro-installer:release-4.13"))).status());

        JsonNode one = rp.http.get("/admin/versions/4.15.27" + ADMIN).json();
        assertEquals("quay.io/openshift-release-dev/ocp-release@sha256:" + "a".repeat(64), one.at("/properties/openShiftPullspec").asText());
        assertEquals(404, rp.http.get("/admin/versions/9.9.9" + ADMIN).status());
        JsonNode all = rp.http.get(versions).json().path("value");
        assertEquals(List.of("4.13.40", "4.14.38", "4.15.27"), names(all));
        assertFalse(all.get(1).at("/properties/default").asBoolean(), "one default");
        List<String> installable = new ArrayList<>();
        rp.http.get("/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/locations/eastus/openShiftVersions" + V).json().path("value")
                .forEach(v -> installable.add(v.at("/properties/version").asText()));
        assertEquals(List.of("4.14.38", "4.15.27"), installable, "enabled versions only");

        ObjectNode noVersion = FrontendHarness.createRequest("2023-11-22", sub);
        noVersion.with("properties").with("clusterProfile").remove("version");
        Reply created = rp.http.put(cluster + V, noVersion);
        assertEquals("4.15.27", created.json().at("/properties/clusterProfile/version").asText(), "the default version");
        rp.backend("backend", cloud);
        awaitSucceeded(local(created.header("Azure-AsyncOperation")));
        String namespace = rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getHiveProfile().getNamespace();
        assertTrue(rp.resources.journal().contains("created hive/namespaces/" + namespace + "/clusterdeployments/cluster"));

        ObjectNode disabled = FrontendHarness.createRequest("2023-11-22", sub);
        disabled.with("properties").with("clusterProfile").put("version", "4.13.40");
        Reply refused = rp.http.put(FrontendHarness.cluster(sub, "rg", "old") + V, disabled);
        assertEquals(400, refused.status());
        assertEquals("properties.clusterProfile.version", refused.json().at("/error/target").asText());

        Reply badImage = rp.http.put(versions, Map.of("properties", Map.of("version", "4.16.0", "enabled", true, "openShiftPullspec", "not an image",
                "installerPullspec", "arosvc.azurecr.io/aro-installer:release-4.16")));
        assertEquals(400, badImage.status());
        assertEquals("properties.openShiftPullspec", badImage.json().at("/error/target").asText());
        Reply disabledDefault = rp.http.put(versions, Map.of("properties", Map.of("version", "4.16.0", "enabled", false, "default", true,
                "openShiftPullspec", "quay.io/openshift-release-dev/ocp-release:4.16.0-x86_64", "installerPullspec", "arosvc.azurecr.io/aro-installer:x")));
        assertEquals("properties.default", disabledDefault.json().at("/error/target").asText());
    }

    @Test
    void everyAdminCallIsAuditLoggedAndCustomerCallsAreNot() {
        rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub));
        String adminCluster = cluster.replace("/subscriptions/", "/admin/subscriptions/");
        rp.http.get(adminCluster + ADMIN);
        rp.http.get("/admin/versions" + ADMIN);
        rp.http.get(adminCluster.replace("/admin", "/admin") + "x" + ADMIN);

        assertEquals(3, audit.list.size(), audit.list.toString());
        String first = audit.list.get(0).getKeyValuePairs().toString();
        assertTrue(first.contains("method=\"GET\"") || first.contains("method=GET"), first);
        assertTrue(first.contains(cluster), first);
        assertTrue(first.contains("status=200") || first.contains("status=\"200\""), first);
        String last = audit.list.get(2).getKeyValuePairs().toString();
        assertTrue(last.contains("404"), "a refused call is audited too: " + last);
    }

    @Test
    void virtualMachinesAreListedAndActedOnThroughArm() {
        try (FakeArm arm = new FakeArm()) {
            AzureFixture azure = new AzureFixture(arm, sub);
            rp.close();
            rp = new LifecycleHarness(EmbeddedDocumentStore.open(dir.resolve("azure.db"), Clock.systemUTC(), false, failure -> { }), Clock.systemUTC(),
                    dir.resolve("cloud2"), new AzureClusterCloud(FakeArm.principal(FakeArm.RP_PRINCIPAL), AzureFixture.servicePrincipals(),
                            azure.settings()));
            rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
            JsonNode created = rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub)).json();
            String group = created.at("/properties/clusterProfile/resourceGroupId").asText();
            arm.put(group, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("location", "eastus"));
            arm.put(group + "/providers/Microsoft.Compute/virtualMachines/admin-xyz-master-0",
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("location", "eastus"));
            String adminCluster = cluster.replace("/subscriptions/", "/admin/subscriptions/");

            JsonNode resources = rp.http.get(adminCluster + "/resources" + ADMIN).json();
            assertEquals("admin-xyz-master-0", resources.get(0).path("name").asText(), resources.toString());
            assertEquals("Microsoft.Compute/virtualMachines", resources.get(0).path("type").asText());

            arm.resetJournal();
            Reply restart = rp.http.post(adminCluster + "/restartvm" + ADMIN + "&vmName=admin-xyz-master-0", null);
            assertEquals(200, restart.status(), restart.toString());
            assertEquals("restart", arm.get(group + "/providers/Microsoft.Compute/virtualMachines/admin-xyz-master-0").at("/properties/lastAction").asText());
            assertTrue(arm.journal().stream().anyMatch(l -> l.startsWith("rp POST ") && l.endsWith("/virtualmachines/admin-xyz-master-0/restart")),
                    arm.journal().toString());
            assertEquals(200, rp.http.post(adminCluster + "/StopVM" + ADMIN + "&vmName=admin-xyz-master-0", null).status(), "actions in any case");
            assertTrue("powerOff".equalsIgnoreCase(arm.get(group + "/providers/Microsoft.Compute/virtualMachines/admin-xyz-master-0")
                    .at("/properties/lastAction").asText()), "stopvm powers the machine off");

            Reply missing = rp.http.post(adminCluster + "/redeployvm" + ADMIN + "&vmName=someone-elses", null);
            assertEquals(404, missing.status(), missing.toString());
            assertEquals(400, rp.http.post(adminCluster + "/rebootvm" + ADMIN + "&vmName=admin-xyz-master-0", null).status());
            assertEquals(400, rp.http.post(adminCluster + "/startvm" + ADMIN + "&vmName=..%2F..", null).status());
        }
    }

    private static List<String> names(JsonNode versions) {
        List<String> names = new ArrayList<>();
        versions.forEach(v -> names.add(v.at("/properties/version").asText()));
        return names;
    }
}
