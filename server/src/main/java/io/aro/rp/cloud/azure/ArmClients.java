package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.StreamResponse;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.AuthorizationManagementClient;
import com.azure.resourcemanager.dns.DnsZoneManager;
import com.azure.resourcemanager.dns.fluent.DnsManagementClient;
import com.azure.resourcemanager.msi.MsiManager;
import com.azure.resourcemanager.msi.fluent.ManagedServiceIdentityClient;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.DeploymentsClient;
import com.azure.resourcemanager.resources.fluent.ResourceManagementClient;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ARM clients of one identity in one subscription, over one pipeline: user agent, retries of 429
 * (honouring Retry-After) and 5xx with exponential backoff, and the identity's bearer token.
 */
final class ArmClients {
    private final ResourceManagementClient resources;
    private final DeploymentsClient deployments;
    private final NetworkManagementClient network;
    private final AuthorizationManagementClient authorization;
    private final DnsManagementClient dns;
    private final ManagedServiceIdentityClient msi;
    private final HttpPipeline pipeline;
    private final String endpoint;

    private ArmClients(HttpPipeline pipeline, AzureProfile profile, String subscriptionId) {
        ResourceManager manager = ResourceManager.authenticate(pipeline, profile).withSubscription(subscriptionId);
        this.resources = manager.serviceClient();
        this.deployments = manager.deploymentClient().getDeployments();
        this.network = NetworkManager.authenticate(pipeline, profile).serviceClient();
        this.authorization = AuthorizationManager.authenticate(pipeline, profile).roleServiceClient();
        this.dns = DnsZoneManager.authenticate(pipeline, profile).serviceClient();
        this.msi = MsiManager.authenticate(pipeline, profile).serviceClient();
        this.pipeline = pipeline;
        this.endpoint = profile.getEnvironment().getResourceManagerEndpoint().replaceAll("/+$", "");
    }

    static ArmClients connect(HttpClient httpClient, TokenCredential credential, String subscriptionId, AzureCloudSettings settings) {
        return new ArmClients(pipeline(httpClient, credential, settings.scope(), settings.resourceManagerEndpoint(), settings), profile(settings, subscriptionId), subscriptionId);
    }

    /**
     * A pipeline with the RP's user agent and retries and {@code credential}'s tokens for {@code scope}, for
     * ARM and for the other Azure services the RP calls (Blob storage) at {@code endpoint}.
     */
    static HttpPipeline pipeline(HttpClient httpClient, TokenCredential credential, String scope, URI endpoint, AzureCloudSettings settings) {
        RetryPolicy retry = new RetryPolicy(new RetryOptions(new ExponentialBackoffOptions()
                .setMaxRetries(settings.maxRetries()).setBaseDelay(settings.retryDelay()).setMaxDelay(settings.retryDelay().multipliedBy(30))));
        // The SDK's bearer policy refuses plain HTTP; only a local stand-in (a test) is reached that way.
        HttpPipelinePolicy authentication = endpoint.getScheme().equals("https")
                ? new BearerTokenAuthenticationPolicy(credential, scope)
                : (context, next) -> {
                    String token = credential.getTokenSync(new TokenRequestContext().addScopes(scope)).getToken();
                    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token);
                    return next.process();
                };
        return new HttpPipelineBuilder()
                .httpClient(httpClient)
                .policies(new UserAgentPolicy("aro-rp"), new RequestIdPolicy(), retry, authentication)
                .build();
    }

    private static AzureProfile profile(AzureCloudSettings settings, String subscriptionId) {
        String endpoint = settings.resourceManagerEndpoint().toString().replaceAll("/?$", "/");
        // The public cloud's endpoints (Microsoft Graph among them, which the authorization client insists on but the RP never calls)
        // with the configured ARM and authority.
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint);
        endpoints.put("managementEndpointUrl", endpoint);
        endpoints.put("activeDirectoryEndpointUrl", settings.authorityHost().toString());
        return new AzureProfile(null, subscriptionId, new AzureEnvironment(endpoints));
    }

    ResourceManagementClient resources() {
        return resources;
    }

    DeploymentsClient deployments() {
        return deployments;
    }

    NetworkManagementClient network() {
        return network;
    }

    AuthorizationManagementClient authorization() {
        return authorization;
    }

    DnsManagementClient dns() {
        return dns;
    }

    /** User-assigned identities and their federated credentials. */
    ManagedServiceIdentityClient msi() {
        return msi;
    }

    /**
     * A POST of a resource's action (for example a virtual machine's {@code restart}), which ARM runs
     * long: polled like the SDK's own operations, through Azure-AsyncOperation or Location.
     */
    SyncPoller<PollResult<Void>, Void> post(String actionPath, String apiVersion) {
        HttpRequest request = new HttpRequest(HttpMethod.POST, endpoint + actionPath + "?api-version=" + apiVersion);
        Mono<Response<Flux<ByteBuffer>>> activation = pipeline.send(request).map(StreamResponse::new);
        return PollerFactory.<Void, Void>create(SerializerFactory.createDefaultManagementSerializerAdapter(), pipeline, Void.class, Void.class,
                Duration.ofSeconds(10), activation).getSyncPoller();
    }
}
