package io.aro.rp.cloud.azure;

import io.aro.rp.config.AzureConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Azure is and how to talk to it.
 *
 * @param resourceManagerEndpoint ARM, {@code https://management.azure.com/} in the public cloud
 * @param authorityHost Microsoft Entra ID, {@code https://login.microsoftonline.com/} in the public cloud
 * @param maxRetries how often a throttled (429) or failed (5xx) ARM request is retried, honouring Retry-After
 * @param retryDelay the first delay between retries when ARM gives no Retry-After
 * @param pollInterval how often a long-running operation is polled when ARM gives no Retry-After
 * @param operationTimeout how long one long-running operation (a deployment, a deletion) may take before the step gives up and
 *     is retried; the cluster's lease bounds it too, since losing the lease interrupts the wait
 */
public record AzureCloudSettings(URI resourceManagerEndpoint, URI authorityHost, int maxRetries, Duration retryDelay, Duration pollInterval,
        Duration operationTimeout) {
    public static final AzureCloudSettings PUBLIC_CLOUD = new AzureCloudSettings(URI.create("https://management.azure.com/"),
            URI.create("https://login.microsoftonline.com/"), 5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1));

    public AzureCloudSettings {
        Objects.requireNonNull(resourceManagerEndpoint, "resourceManagerEndpoint");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
    }

    /** The configured cloud's endpoints, with the public cloud's retry and polling defaults. */
    public static AzureCloudSettings from(AzureConfiguration config) {
        return new AzureCloudSettings(config.resourceManagerEndpoint(), config.authorityHost(), PUBLIC_CLOUD.maxRetries, PUBLIC_CLOUD.retryDelay,
                PUBLIC_CLOUD.pollInterval, PUBLIC_CLOUD.operationTimeout);
    }

    /** The scope of ARM tokens: the management endpoint's {@code /.default}. */
    String scope() {
        String endpoint = resourceManagerEndpoint.getScheme().equals("https") ? resourceManagerEndpoint.toString() : "https://management.azure.com/";
        return endpoint.replaceAll("/?$", "/") + ".default";
    }
}
