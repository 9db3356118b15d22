package io.aro.rp.sdk;

import io.aro.rp.ResourceProvider;
import io.aro.rp.config.RpConfiguration;
import io.aro.rp.sdk.v20250725.models.APIServerProfile;
import io.aro.rp.sdk.v20250725.models.ClusterProfile;
import io.aro.rp.sdk.v20250725.models.IngressProfile;
import io.aro.rp.sdk.v20250725.models.MasterProfile;
import io.aro.rp.sdk.v20250725.models.NetworkProfile;
import io.aro.rp.sdk.v20250725.models.OpenShiftCluster;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterProperties;
import io.aro.rp.sdk.v20250725.models.ServicePrincipalProfile;
import io.aro.rp.sdk.v20250725.models.Visibility;
import io.aro.rp.sdk.v20250725.models.WorkerProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real RP, started in this JVM on a random port with its local defaults (embedded store, simulated
 * cloud without delays), with a registered subscription: what the SDK and the CLI are tested against.
 */
public final class LocalRp implements AutoCloseable {
    public static final String LOCATION = "eastus";

    private final ResourceProvider rp;
    private final String subscriptionId = UUID.randomUUID().toString();

    public LocalRp(Path dataDir) {
        rp = ResourceProvider.start(ResourceProvider.Role.ALL, RpConfiguration.fromEnvironment(Map.of(
                "ARO_LISTEN", "http://127.0.0.1:0/",
                "ARO_DATA_DIR", dataDir.toString(),
                "ARO_EMBEDDED_FSYNC", "false",
                "ARO_SIMULATED_STEP_DELAY", "PT0S",
                "ARO_POLL_INTERVAL", "PT0.05S",
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

    /** A client of this RP that polls fast. */
    public AroClient client() {
        return new AroClientBuilder().endpoint(uri()).subscriptionId(subscriptionId).pollInterval(Duration.ofMillis(100))
                .retryDelay(Duration.ofMillis(50)).operationTimeout(Duration.ofSeconds(60)).buildClient();
    }

    /** A valid cluster to create, with its own service principal and managed resource group. */
    public OpenShiftCluster cluster() {
        String vnet = "/subscriptions/" + subscriptionId + "/resourceGroups/vnet/providers/Microsoft.Network/virtualNetworks/vnet";
        return new OpenShiftCluster()
                .location(LOCATION)
                .tags(Map.of("purpose", "test"))
                .properties(new OpenShiftClusterProperties()
                        .clusterProfile(new ClusterProfile().domain("c" + UUID.randomUUID().toString().substring(0, 8))
                                .resourceGroupId("/subscriptions/" + subscriptionId + "/resourceGroups/aro-" + UUID.randomUUID()))
                        .servicePrincipalProfile(new ServicePrincipalProfile().clientId(UUID.randomUUID().toString()).clientSecret("secret"))
                        .networkProfile(new NetworkProfile().podCidr("10.128.0.0/14").serviceCidr("172.30.0.0/16"))
                        .masterProfile(new MasterProfile().vmSize("Standard_D8s_v3").subnetId(vnet + "/subnets/master"))
                        .addWorkerProfilesItem(new WorkerProfile().name("worker").vmSize("Standard_D4s_v3").diskSizeGB(128)
                                .subnetId(vnet + "/subnets/worker").count(3))
                        .apiserverProfile(new APIServerProfile().visibility(Visibility.PUBLIC))
                        .addIngressProfilesItem(new IngressProfile().name("default").visibility(Visibility.PUBLIC)));
    }

    @Override
    public void close() {
        rp.close();
    }
}
