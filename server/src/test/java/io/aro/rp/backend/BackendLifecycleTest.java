package io.aro.rp.backend;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.management.Tracing;
import io.aro.rp.testing.FaultInjectingCloud;
import io.aro.rp.testing.FaultInjectingCloud.Step;
import io.aro.rp.testing.Http.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole lifecycle through the API with the backend, the simulated cloud and the simulated Hive:
 * success, failure at every step, retries, limits, shutdown, admin updates.
 */
class BackendLifecycleTest {
    private static final String V = "?api-version=2023-11-22";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    LifecycleHarness rp;
    FaultInjectingCloud cloud;
    String sub;
    String cluster;

    @BeforeEach
    void start() {
        rp = new LifecycleHarness(EmbeddedDocumentStore.open(dir.resolve("rp.db"), Clock.systemUTC(), false, failure -> { }), Clock.systemUTC(), dir.resolve("cloud"));
        cloud = rp.cloud();
        sub = UUID.randomUUID().toString();
        rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
        cluster = FrontendHarness.cluster(sub, "rg", "lifecycle");
    }

    @AfterEach
    void stop() {
        rp.close();
    }

    private String create() {
        Reply put = rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub));
        assertEquals(201, put.status(), put.toString());
        return local(put.header("Azure-AsyncOperation"));
    }

    private JsonNode awaitOperation(String statusUrl, String status) {
        JsonNode[] last = new JsonNode[1];
        await("the operation is " + status, WAIT, () -> {
            Reply reply = rp.http.get(statusUrl);
            assertEquals(200, reply.status(), reply.toString());
            last[0] = reply.json();
            return status.equals(reply.json().path("status").asText());
        });
        return last[0];
    }

    private static String local(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    private String hiveNamespace() {
        return rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getHiveProfile().getNamespace();
    }

    @Test
    void anOperationInProgressTellsClientsWhenToPollAgain() {
        Reply put = rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub));
        assertEquals("2", put.header("Retry-After"), put.toString());
        Reply inProgress = rp.http.get(local(put.header("Azure-AsyncOperation")));
        assertEquals("Creating", inProgress.json().path("status").asText(), "no backend runs yet");
        assertEquals("2", inProgress.header("Retry-After"));

        rp.backend("backend", cloud);
        JsonNode done = awaitOperation(local(put.header("Azure-AsyncOperation")), "Succeeded");
        assertNotNull(done);
        assertNull(rp.http.get(local(put.header("Azure-AsyncOperation"))).header("Retry-After"), "an operation that is over is not polled again");

        Reply delete = rp.http.delete(cluster + V);
        assertEquals(202, delete.status());
        assertEquals("2", delete.header("Retry-After"));
    }

    @Test
    void aRequestAndTheWorkItStartsAreTracedWithItsCorrelationIds() {
        String correlation = UUID.randomUUID().toString();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Reply put = rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub), "x-ms-correlation-request-id", correlation,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(201, put.status(), put.toString());
        String operation = put.header("Azure-AsyncOperation").replaceFirst("\\?.*$", "").replaceFirst("^.*/", "");
        rp.backend("backend", cloud);
        awaitOperation(local(put.header("Azure-AsyncOperation")), "Succeeded");

        List<SpanData> spans = rp.spans.getFinishedSpanItems();
        SpanData request = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)).findFirst()
                .orElseThrow(() -> new AssertionError("the caller's trace continues: " + spans));
        assertEquals("PUT /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RedHatOpenShift/openShiftClusters/"
                + "{resourceName}", request.getName());
        assertEquals(correlation, request.getAttributes().get(Tracing.CORRELATION_REQUEST_ID));
        assertEquals(201L, request.getAttributes().get(AttributeKey.longKey("http.response.status_code")));

        List<SpanData> work = spans.stream().filter(s -> s.getName().equals("work on cluster")).toList();
        assertTrue(!work.isEmpty());
        work.forEach(w -> {
            assertEquals(correlation, w.getAttributes().get(Tracing.CORRELATION_REQUEST_ID), "the backend carries the request's correlation id");
            assertEquals(operation, w.getAttributes().get(Tracing.OPERATION_ID));
        });
        SpanData step = spans.stream().filter(s -> s.getName().equals("step create resource group")).findFirst().orElseThrow();
        assertTrue(work.stream().anyMatch(w -> w.getSpanId().equals(step.getParentSpanId())), "a step is a child of its turn's span");
        assertEquals("ok", step.getAttributes().get(AttributeKey.stringKey("aro.outcome")));
    }

    @Test
    void createUpdateAndDeleteThroughTheApi() {
        rp.backend("backend", cloud);
        JsonNode created = awaitOperation(create(), "Succeeded");
        assertTrue(created.has("endTime"));

        Reply get = rp.http.get(cluster + V);
        assertEquals("Succeeded", get.json().at("/properties/provisioningState").asText());
        assertEquals("https://console-openshift-console.apps.example.contoso.com", get.json().at("/properties/consoleProfile/url").asText());
        assertEquals("https://api.example.contoso.com:6443", get.json().at("/properties/apiserverProfile/url").asText());
        assertFalse(get.json().at("/properties/apiserverProfile/ip").asText().isEmpty());
        assertFalse(get.json().at("/properties/ingressProfiles/0/ip").asText().isEmpty());
        assertEquals(3, get.json().at("/properties/workerProfilesStatus/0/count").asInt(), get.toString());
        assertFalse(rp.http.post(cluster + "/listCredentials" + V, null).json().path("kubeadminPassword").asText().isEmpty());
        var doc = rp.cluster(cluster).orElseThrow();
        assertNull(doc.getLeaseOwner());
        assertNull(doc.getOpenShiftCluster().getProperties().getInstall(), "the install is over");
        assertEquals(ProvisioningState.CREATING, doc.getOpenShiftCluster().getProperties().getLastProvisioningState());
        String namespace = "hive/namespaces/" + hiveNamespace();
        assertTrue(rp.resources.ids().contains(namespace + "/clusterdeployments/cluster"), rp.resources.ids().toString());
        assertEquals(1, cloud.calls(Step.START_INSTALLATION));

        Reply workers = rp.http.patch(cluster + V, Map.of("properties", Map.of("workerProfiles", new Object[] {Map.of("name", "worker", "count", 5)})));
        assertEquals(400, workers.status(), "worker profiles are fixed at create, as in ARO");
        assertEquals("PropertyChangeNotAllowed", workers.json().at("/error/code").asText());
        assertEquals("properties.workerProfiles[0].count", workers.json().at("/error/target").asText());

        Reply rotate = rp.http.patch(cluster + V, Map.of("tags", Map.of("team", "blue"),
                "properties", Map.of("servicePrincipalProfile", Map.of("clientSecret", "rotated-secret"))));
        assertEquals(200, rotate.status(), rotate.toString());
        awaitOperation(local(rotate.header("Azure-AsyncOperation")), "Succeeded");
        assertEquals(1, cloud.calls(Step.UPDATE_SERVICE_PRINCIPAL), "the rotated secret reached the cluster");
        assertEquals(1, cloud.calls(Step.UPDATE_INSTALLATION), "and Hive");
        assertEquals(ProvisioningState.SUCCEEDED, rp.state(cluster));

        Reply delete = rp.http.delete(cluster + V);
        assertEquals(202, delete.status());
        String result = local(delete.header("Location"));
        await("the deletion is over", WAIT, () -> rp.http.get(result).status() == 204);
        assertEquals(404, rp.http.get(cluster + V).status());
        assertEquals("Succeeded", rp.http.get(local(delete.header("Azure-AsyncOperation"))).json().path("status").asText());
        assertTrue(rp.resources.ids().isEmpty(), "nothing is left in Azure or Hive: " + rp.resources.ids());
    }

    @Test
    void aManagedIdentityClusterIsInstalledAndReadableThroughEveryVersion() {
        rp.backend("backend", cloud);
        Reply put = rp.http.put(cluster + "?api-version=2025-07-25", FrontendHarness.createRequest("2025-07-25", sub),
                "x-ms-identity-url", FrontendHarness.IDENTITY_URL, "x-ms-home-tenant-id", FrontendHarness.HOME_TENANT_ID);
        assertEquals(201, put.status(), put.toString());
        awaitOperation(local(put.header("Azure-AsyncOperation")), "Succeeded");

        JsonNode get = rp.http.get(cluster + "?api-version=2025-07-25").json();
        String issuer = get.at("/properties/clusterProfile/oidcIssuer").asText();
        String infraId = rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getInfraId();
        assertEquals("https://oidc.simulated.invalid/" + infraId, issuer);
        get.at("/properties/platformWorkloadIdentityProfile/platformWorkloadIdentities").properties().forEach(operator -> {
            assertFalse(operator.getValue().path("clientId").asText().isEmpty(), operator.getKey() + " has its client ID");
            assertFalse(operator.getValue().path("objectId").asText().isEmpty(), operator.getKey() + " has its object ID");
        });
        get.at("/identity/userAssignedIdentities").forEach(identity -> assertFalse(identity.path("principalId").asText().isEmpty()));
        assertTrue(rp.resources.ids().stream().anyMatch(id -> id.startsWith(issuer.toLowerCase() + "/.well-known/")), rp.resources.ids().toString());
        long credentials = rp.resources.ids().stream().filter(id -> id.contains("/federatedidentitycredentials/")).count();
        assertTrue(credentials >= 8, "a federated credential per operator service account: " + credentials);
        assertEquals(1, cloud.calls(Step.PUBLISH_OIDC_ISSUER));
        assertEquals(1, cloud.calls(Step.START_INSTALLATION));
        assertEquals(0, cloud.calls(Step.GRANT_ROLE), "no service principal to grant a role to");

        for (ApiVersion version : ApiVersions.all()) {
            Reply read = rp.http.get(cluster + "?api-version=" + version.name());
            assertEquals(200, read.status(), version + ": " + read);
            assertEquals("Succeeded", read.json().at("/properties/provisioningState").asText(), version.name());
        }

        Reply delete = rp.http.delete(cluster + "?api-version=2025-07-25");
        assertEquals(202, delete.status());
        String result = local(delete.header("Location"));
        await("the deletion is over", WAIT, () -> rp.http.get(result).status() == 204);
        assertEquals(1, cloud.calls(Step.DELETE_WORKLOAD_IDENTITY));
        assertTrue(rp.resources.ids().isEmpty(), "no federated credential, OIDC document or Hive object is left: " + rp.resources.ids());
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"VALIDATE", "CREATE_RESOURCE_GROUP", "DEPLOY_STORAGE", "ATTACH_SECURITY_GROUPS", "GRANT_ROLE", "CREATE_DNS",
        "MACHINE_NETWORKS", "START_INSTALLATION", "INSTALLATION_STATUS", "READ_ACCESS", "INGRESS_IP", "API_SERVER_IP", "WORKER_PROFILES"})
    void aFailingInstallStepFailsTheCluster(Step step) {
        cloud.failAt(step, injected(step));
        rp.backend("backend", cloud);

        JsonNode failed = awaitOperation(create(), "Failed");

        assertEquals("InjectedFailure", failed.at("/error/code").asText());
        assertEquals("injected at " + step, failed.at("/error/message").asText());
        Reply get = rp.http.get(cluster + V);
        assertEquals(200, get.status());
        assertEquals("Failed", get.json().at("/properties/provisioningState").asText());
        assertEquals(ProvisioningState.CREATING, rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getFailedProvisioningState());
        assertNull(rp.cluster(cluster).orElseThrow().getLeaseOwner());
        assertEquals(409, rp.http.patch(cluster + V, Map.of("tags", Map.of())).status(), "a failed create must be deleted");
    }

    @Test
    void anInstallationHiveReportsFailedFailsTheClusterWithItsError() {
        cloud.reportStatus(new io.aro.rp.cloud.InstallationStatus.Failed(new CloudErrorBody("ResourceQuotaExceeded", "quota", null, null)));
        rp.backend("backend", cloud);
        JsonNode failed = awaitOperation(create(), "Failed");
        assertEquals("ResourceQuotaExceeded", failed.at("/error/code").asText());
        assertEquals(0, cloud.calls(Step.READ_ACCESS), "no credentials are read from a failed installation");
    }

    @Test
    void aFailingUpdateAndAFailingDeleteFailTheCluster() {
        rp.backend("backend", cloud);
        awaitOperation(create(), "Succeeded");

        cloud.failAt(Step.UPDATE, injected(Step.UPDATE));
        JsonNode update = awaitOperation(local(rp.http.patch(cluster + V, Map.of("tags", Map.of("a", "b"))).header("Azure-AsyncOperation")), "Failed");
        assertEquals("InjectedFailure", update.at("/error/code").asText());
        assertEquals(ProvisioningState.UPDATING, rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getFailedProvisioningState());

        cloud.failAt(Step.DELETE_INSTALLATION, injected(Step.DELETE_INSTALLATION));
        JsonNode delete = awaitOperation(local(rp.http.delete(cluster + V).header("Azure-AsyncOperation")), "Failed");
        assertEquals("InjectedFailure", delete.at("/error/code").asText());
        assertEquals(ProvisioningState.DELETING, rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getFailedProvisioningState());

        cloud.clearFaults();
        String again = local(rp.http.delete(cluster + V).header("Location"));
        await("the second deletion is over", WAIT, () -> rp.http.get(again).status() == 204);
        assertTrue(rp.resources.ids().stream().noneMatch(id -> id.startsWith("hive/")), "the Hive namespace went with the second deletion");
    }

    @Test
    void transientFailuresAreRetried() {
        cloud.throttleAt(Step.DEPLOY_STORAGE, 2);
        rp.backend("backend", cloud);
        awaitOperation(create(), "Succeeded");
        assertEquals(3, cloud.calls(Step.DEPLOY_STORAGE));
    }

    @Test
    void anOperationTakenUpTooOftenFails() {
        String status = create();
        rp.database.openShiftClusters().patch(cluster, doc -> doc.setDequeues(5)); // as after five crashed attempts
        rp.backend("backend", cloud);

        JsonNode failed = awaitOperation(status, "Failed");
        assertEquals("The operation was started 5 times without finishing and has been stopped. Update or delete the cluster to try again.",
                failed.at("/error/message").asText());
        assertEquals(0, cloud.calls(Step.VALIDATE), "nothing was attempted a sixth time");
    }

    @Test
    void aDeletedSubscriptionsClustersAreDeleted() {
        rp.backend("backend", cloud);
        String second = FrontendHarness.cluster(sub, "rg", "second");
        awaitOperation(create(), "Succeeded");
        awaitOperation(local(rp.http.put(second + V, FrontendHarness.createRequest("2023-11-22", sub)).header("Azure-AsyncOperation")), "Succeeded");

        rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Deleted", "properties", Map.of("tenantId", "t")));

        await("both clusters are deleted", WAIT, () -> rp.cluster(cluster).isEmpty() && rp.cluster(second).isEmpty());
        await("the subscription is done", WAIT, () -> !rp.database.subscriptions().get(sub).orElseThrow().isDeleting());
        assertTrue(rp.resources.ids().isEmpty(), rp.resources.ids().toString());
    }

    @Test
    void aStoppingBackendHandsItsWorkBackWithinTheGracePeriod() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FaultInjectingCloud stalling = rp.cloud();
        stalling.stallAt(Step.START_INSTALLATION, never);
        Backend first = rp.backend("first", stalling, 4, Duration.ofMillis(200), Duration.ofMillis(500));
        String status = create();
        await("the install is stuck", WAIT, () -> stalling.calls(Step.START_INSTALLATION) > 0);

        long started = System.nanoTime();
        first.close();
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "the stop is bounded by the grace period");

        var doc = rp.cluster(cluster).orElseThrow();
        assertNull(doc.getLeaseOwner(), "no lease outlives the grace period");
        assertEquals(ProvisioningState.CREATING, doc.getOpenShiftCluster().getProperties().getProvisioningState());

        rp.backend("second", cloud);
        awaitOperation(status, "Succeeded");
    }

    @Test
    void anAdminUpdateRunsTheEnsureStepsAgainAndReturnsToTheStateBefore() {
        rp.backend("backend", cloud);
        awaitOperation(create(), "Succeeded");
        int groups = cloud.calls(Step.CREATE_RESOURCE_GROUP);

        String operation = adminUpdate();
        await("the admin update is over", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);
        assertEquals(groups + 1, cloud.calls(Step.CREATE_RESOURCE_GROUP), "the Azure resources were ensured again");
        assertEquals(1, cloud.calls(Step.UPDATE_INSTALLATION), "and the Hive objects");
        assertEquals("Succeeded", rp.database.asyncOperations().get(operation).orElseThrow().getAsyncOperation().getProvisioningState().toString());
        var properties = rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties();
        assertNull(properties.getLastAdminUpdateError());

        cloud.failAt(Step.UPDATE_INSTALLATION, injected(Step.UPDATE_INSTALLATION));
        adminUpdate();
        await("the failed admin update is over", WAIT, () -> rp.cluster(cluster).orElseThrow().getAsyncOperationId() == null);
        properties = rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties();
        assertEquals(ProvisioningState.SUCCEEDED, properties.getProvisioningState(), "a failed admin update does not fail the cluster");
        assertEquals("injected at UPDATE_INSTALLATION", properties.getLastAdminUpdateError());
    }

    /** Starts an admin update as the admin API does, and returns its operation's id. */
    private String adminUpdate() {
        ClusterOperation operation = new ClusterOperation(rp.database.openShiftClusters(), rp.database.asyncOperations(), Clock.systemUTC(),
                new SimpleMeterRegistry());
        var doc = rp.database.openShiftClusters().patch(cluster, d -> operation.start(d, ProvisioningState.ADMIN_UPDATING, null));
        assertNotNull(doc.getAsyncOperationId());
        return doc.getAsyncOperationId();
    }

    private static CloudError injected(Step step) {
        return new CloudError(400, new CloudErrorBody("InjectedFailure", "injected at " + step, null, null));
    }
}
