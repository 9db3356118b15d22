package io.aro.rp.sdk;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import io.aro.rp.ResourceProvider;
import io.aro.rp.config.RpConfiguration;
import io.aro.rp.sdk.fluent.models.OpenShiftClusterInner;
import io.aro.rp.sdk.models.APIServerProfile;
import io.aro.rp.sdk.models.ClusterProfile;
import io.aro.rp.sdk.models.IngressProfile;
import io.aro.rp.sdk.models.MasterProfile;
import io.aro.rp.sdk.models.NetworkProfile;
import io.aro.rp.sdk.models.ServicePrincipalProfile;
import io.aro.rp.sdk.models.Visibility;
import io.aro.rp.sdk.models.WorkerProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real RP, started in this JVM on a random port with its local defaults (embedded store, simulated
 * cloud without delays, Retry-After 1 s so that pollers do not wait 30 s), with a registered
 * subscription: what the SDK and the CLI are tested against.
 */
public final class LocalRp implements AutoCloseable {
    public static final String LOCATION = "eastus";

    private final ResourceProvider rp;
    private final String subscriptionId = UUID.randomUUID().toString();

    public LocalRp(Path dataDir) {
        rp = ResourceProvider.start(ResourceProvider.Role.ALL, RpConfiguration.fromEnvironment(Map.of(
                "ARO_LISTEN", "http://127.0.0.1:0/",
                "ARO_MANAGEMENT_LISTEN", "http://127.0.0.1:0/",
                "ARO_DATA_DIR", dataDir.toString(),
                "ARO_EMBEDDED_FSYNC", "false",
                "ARO_SIMULATED_STEP_DELAY", "PT0S",
                "ARO_POLL_INTERVAL", "PT0.05S",
                "ARO_RETRY_AFTER", "PT1S",
                "ARO_SHUTDOWN_GRACE", "PT1S")));
        registerSubscription(uri(), subscriptionId);
    }

    /** What ARM does before it forwards a subscription's first request: tells the RP the subscription is Registered. */
    public static void registerSubscription(URI endpoint, String subscriptionId) {
        HttpRequest put = HttpRequest.newBuilder(endpoint.resolve("/subscriptions/" + subscriptionId + "?api-version=2.0"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"" + UUID.randomUUID() + "\"}}"))
                .header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(put, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException("registering the subscription: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return rp.frontend().uri();
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    /** The SDK on this RP, or on a stand-in for ARM in front of it: plain HTTP, so without a bearer token. */
    public RedHatOpenShiftManager manager(URI endpoint) {
        HttpPipeline pipeline = new HttpPipelineBuilder().policies(new RequestIdPolicy(), new RetryPolicy()).build();
        return RedHatOpenShiftManager.authenticate(pipeline, new AzureProfile(null, subscriptionId,
                new AzureEnvironment(Map.of("resourceManagerEndpointUrl", endpoint.toString()))));
    }

    public RedHatOpenShiftManager manager() {
        return manager(uri());
    }

    /** A valid cluster to create, with its own service principal and managed resource group. */
    public OpenShiftClusterInner cluster() {
        String vnet = "/subscriptions/" + subscriptionId + "/resourceGroups/vnet/providers/Microsoft.Network/virtualNetworks/vnet";
        return new OpenShiftClusterInner()
                .withLocation(LOCATION)
                .withTags(Map.of("purpose", "test"))
                .withClusterProfile(new ClusterProfile().withDomain("c" + UUID.randomUUID().toString().substring(0, 8))
                        .withResourceGroupId("/subscriptions/" + subscriptionId + "/resourceGroups/aro-" + UUID.randomUUID()))
                .withServicePrincipalProfile(new ServicePrincipalProfile().withClientId(UUID.randomUUID().toString()).withClientSecret("secret"))
                .withNetworkProfile(new NetworkProfile().withPodCidr("10.128.0.0/14").withServiceCidr("172.30.0.0/16"))
                .withMasterProfile(new MasterProfile().withVmSize("Standard_D8s_v3").withSubnetId(vnet + "/subnets/master"))
                .withWorkerProfiles(List.of(new WorkerProfile().withName("worker").withVmSize("Standard_D4s_v3").withDiskSizeGB(128)
                        .withSubnetId(vnet + "/subnets/worker").withCount(3)))
                .withApiserverProfile(new APIServerProfile().withVisibility(Visibility.PUBLIC))
                .withIngressProfiles(List.of(new IngressProfile().withName("default").withVisibility(Visibility.PUBLIC)));
    }

    @Override
    public void close() {
        rp.close();
    }
}
