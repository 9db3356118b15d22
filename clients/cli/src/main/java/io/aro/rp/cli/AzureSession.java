package io.aro.rp.cli;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.msi.MsiManager;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import io.aro.rp.sdk.RedHatOpenShiftManager;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the CLI sends its requests and as whom: ARM with azure-identity's DefaultAzureCredential
 * (which reuses {@code az login}), or a local RP over plain HTTP, which takes no token. One pipeline of
 * azure-core's policies serves the ARO SDK and the azure-resourcemanager clients alike.
 */
final class AzureSession {
    static final URI ARM = URI.create("https://management.azure.com/");
    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String subscriptionId;
    private final AzureProfile profile;
    private final HttpPipeline pipeline;
    private final ResponseBodies bodies;

    private AzureSession(String subscriptionId, AzureProfile profile, HttpPipeline pipeline, ResponseBodies bodies) {
        this.subscriptionId = subscriptionId;
        this.profile = profile;
        this.pipeline = pipeline;
        this.bodies = bodies;
    }

    /**
     * @param graph Microsoft Graph, where service principals are read
     * @param subscription {@code --subscription} (an ID, or a name az knows), or null for
     *     {@code AZURE_SUBSCRIPTION_ID}, else Azure CLI's default subscription
     */
    static AzureSession open(URI endpoint, URI graph, String subscription, Map<String, String> env) {
        AzureCliProfile az = AzureCliProfile.read(env);
        String requested = subscription != null ? subscription : env.get("AZURE_SUBSCRIPTION_ID");
        AzureCliProfile.Subscription known = requested != null ? az.find(requested).orElse(null) : az.defaultSubscription().orElse(null);
        String subscriptionId = known != null ? known.id() : requested;
        if (subscriptionId == null) {
            throw new CliException("No subscription: run 'az login' (and 'az account set'), set AZURE_SUBSCRIPTION_ID, or give --subscription.");
        }
        if (!UUID.matcher(subscriptionId).matches()) {
            throw new CliException("Subscription '" + subscriptionId + "' not found: give its ID, or a name 'az account list' shows.");
        }
        String tenantId = env.getOrDefault("AZURE_TENANT_ID", known != null ? known.tenantId() : null);

        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint.toString());
        endpoints.put("microsoftGraphResourceId", graph.toString());
        AzureProfile profile = new AzureProfile(tenantId, subscriptionId, new AzureEnvironment(endpoints));
        // A token goes over HTTPS only: a local RP on http://127.0.0.1 is called without one.
        TokenCredential credential = "https".equalsIgnoreCase(endpoint.getScheme())
                ? new DefaultAzureCredentialBuilder().tenantId(tenantId).build() : null;
        ResponseBodies bodies = new ResponseBodies();
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(credential, profile, null, new HttpLogOptions(), null, null,
                List.of(bodies), null);
        return new AzureSession(subscriptionId, profile, pipeline, bodies);
    }

    /** What the services answered, as JSON: what the CLI prints. */
    ResponseBodies bodies() {
        return bodies;
    }

    String subscriptionId() {
        return subscriptionId;
    }

    RedHatOpenShiftManager aro() {
        return RedHatOpenShiftManager.authenticate(pipeline, profile);
    }

    ResourceManager resources() {
        return ResourceManager.authenticate(pipeline, profile).withSubscription(subscriptionId);
    }

    NetworkManager network() {
        return NetworkManager.authenticate(pipeline, profile);
    }

    MsiManager identities() {
        return MsiManager.authenticate(pipeline, profile);
    }

    AuthorizationManager authorization() {
        return AuthorizationManager.authenticate(pipeline, profile);
    }
}
