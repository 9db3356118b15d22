package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.SecureString;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.config.HttpLimits;
import io.aro.rp.config.PlatformWorkloadIdentityRoleSetSeed;
import io.aro.rp.database.Database;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.LeaseSettings;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SecretCipher;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.management.Tracing;
import io.aro.rp.testing.Http;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A frontend on 127.0.0.1 (random port) over an embedded store, for tests over real HTTP. */
public final class FrontendHarness implements AutoCloseable {
    public static final String LOCATION = "eastus";
    public static final List<String> VERSIONS = List.of("4.13.40", "4.14.38");
    /** ARM's headers for a resource with managed identities. */
    public static final String IDENTITY_URL = "https://eastus.identity.azure.net/subscriptions/225e02bc/resourcegroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c/credentials?tid=t&oid=o&aid=a";
    public static final String HOME_TENANT_ID = "7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e";

    public final DocumentStore store;
    public final Database database;
    public final Frontend frontend;
    public final Http http;
    public final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    public FrontendHarness(Path dir, int pageSize) {
        this(dir, pageSize, HttpLimits.DEFAULTS);
    }

    public FrontendHarness(Path dir, int pageSize, HttpLimits limits) {
        byte[] skipTokenKey = new byte[32];
        new SecureRandom().nextBytes(skipTokenKey);
        store = EmbeddedDocumentStore.open(dir.resolve("rp.db"), Clock.systemUTC(), false, failure -> { });
        database = Database.open(store,
                SecretCipher.fromBase64(SecretCipher.newKey()), PreconditionRetry.DEFAULT,
                new LeaseSettings("frontend-test", Duration.ofSeconds(60), Clock.systemUTC()));
        database.openShiftVersions().seed(VERSIONS.stream().map(OpenShiftVersion::withDefaultPullspecs).toList(), "4.14.38");
        database.platformWorkloadIdentityRoleSets().seed(PlatformWorkloadIdentityRoleSetSeed.read(null));
        FrontendSettings settings = new FrontendSettings(URI.create("http://127.0.0.1:0/"), LOCATION, "eastus.aroapp.io", pageSize, Duration.ZERO, null,
                limits);
        frontend = Frontend.start(settings, FrontendSecurity.plain(), database, new SkipTokens(skipTokenKey),
                new SimulatedCloud(new SimulatedResources(dir.resolve("cloud")), Duration.ZERO), metrics, Tracing.off(), Clock.systemUTC(), PreconditionRetry.DEFAULT);
        http = new Http(frontend.uri());
    }

    /** Where the frontend listens. */
    public URI uri() {
        return frontend.uri();
    }

    /** Tells the RP, as ARM does, that {@code subscriptionId} is in {@code state}. */
    public Http.Reply subscription(String subscriptionId, String state) {
        return http.put("/subscriptions/" + subscriptionId + "?api-version=2.0", Map.of("state", state, "registrationDate",
                "Mon, 02 Nov 2026 09:15:00 GMT", "properties", Map.of("tenantId", UUID.randomUUID().toString())));
    }

    /** The path of a cluster. */
    public static String cluster(String subscriptionId, String resourceGroup, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.RedHatOpenShift/openShiftClusters/"
                + name;
    }

    /** The example create request of {@code apiVersion}, for a cluster of {@code subscriptionId} named by the URL. */
    public static ObjectNode createRequest(String apiVersion, String subscriptionId) {
        ObjectNode body = io.aro.rp.testing.Examples.request(apiVersion, "OpenShiftClusters_CreateOrUpdate");
        String json = body.toString().replace("225e02bc-43d0-43d1-a01a-17e584a4ef69", subscriptionId)
                .replace("d3b5e5f5-7c3f-4e1a-9b1c-0a8f3f1b2c4d", UUID.randomUUID().toString())
                .replace("aro-example-cluster", "aro-" + UUID.randomUUID())
                .replace("userAssignedIdentities/aro-cluster\"", "userAssignedIdentities/aro-cluster-" + UUID.randomUUID() + "\"");
        try {
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ends the cluster's operation as the backend does: the AsyncOperation first, then the cluster (whose
     * pointer to the operation it clears), with the kubeadmin credentials of an installed cluster.
     */
    public void finish(String resourceId, ProvisioningState outcome) {
        OpenShiftClusterDocument doc = database.openShiftClusters().get(resourceId).orElseThrow();
        ProvisioningState was = doc.getOpenShiftCluster().getProperties().getProvisioningState();
        database.asyncOperations().patch(doc.getAsyncOperationId(), op -> {
            op.getAsyncOperation().setProvisioningState(outcome);
            op.getAsyncOperation().setEndTime(Instant.now());
            if (outcome == ProvisioningState.FAILED) {
                op.getAsyncOperation().setError(new CloudErrorBody("DeploymentFailed", "The deployment failed.", null, null));
            }
            if (was != ProvisioningState.DELETING) {
                op.setOpenShiftCluster(doc.getOpenShiftCluster());
            }
        });
        if (was == ProvisioningState.DELETING && outcome == ProvisioningState.SUCCEEDED) {
            database.openShiftClusters().delete(database.openShiftClusters().get(resourceId).orElseThrow());
            return;
        }
        database.openShiftClusters().patch(resourceId, d -> {
            var p = d.getOpenShiftCluster().getProperties();
            p.setProvisioningState(outcome);
            p.setFailedProvisioningState(outcome == ProvisioningState.FAILED ? was : null);
            p.setKubeadminPassword(SecureString.of("kubeadmin-secret-password"));
            p.setAdminKubeconfig(SecureString.of("apiVersion: v1\nkind: Config\n"));
            p.getConsoleProfile().setUrl("https://console-openshift-console.apps.example.contoso.com/");
            d.setAsyncOperationId(null);
        });
    }

    @Override
    public void close() {
        frontend.close();
        database.close();
    }
}
