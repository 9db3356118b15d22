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
 * @param managedDomain the RP's managed DNS domain in its region (for example {@code eastus.aroapp.io}), or null
 * @param managedDomainZoneId the resource ID of the RP's public DNS zone of {@code managedDomain}, in which clusters' zones
 *     are delegated; required with a managed domain
 */
public record AzureCloudSettings(URI resourceManagerEndpoint, URI authorityHost, int maxRetries, Duration retryDelay, Duration pollInterval,
        Duration operationTimeout, String managedDomain, String managedDomainZoneId) {
    public static final AzureCloudSettings PUBLIC_CLOUD = new AzureCloudSettings(URI.create("https://management.azure.com/"),
            URI.create("https://login.microsoftonline.com/"), 5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1), null, null);

    public AzureCloudSettings {
        Objects.requireNonNull(resourceManagerEndpoint, "resourceManagerEndpoint");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        if (managedDomain != null && managedDomainZoneId == null) {
            throw new IllegalArgumentException("the managed domain " + managedDomain + " needs the resource ID of its DNS zone (ARO_MANAGED_DOMAIN_ZONE_ID)");
        }
    }

    /** The configured cloud's endpoints and managed domain, with the public cloud's retry and polling defaults. */
    public static AzureCloudSettings from(AzureConfiguration config, String managedDomain) {
        return new AzureCloudSettings(config.resourceManagerEndpoint(), config.authorityHost(), PUBLIC_CLOUD.maxRetries, PUBLIC_CLOUD.retryDelay,
                PUBLIC_CLOUD.pollInterval, PUBLIC_CLOUD.operationTimeout, managedDomain, config.managedDomainZoneId());
    }

    /** These settings with the RP's managed domain and its zone. */
    public AzureCloudSettings withManagedDomain(String domain, String zoneId) {
        return new AzureCloudSettings(resourceManagerEndpoint, authorityHost, maxRetries, retryDelay, pollInterval, operationTimeout, domain, zoneId);
    }

    /** The scope of ARM tokens: the management endpoint's {@code /.default}. */
    String scope() {
        String endpoint = resourceManagerEndpoint.getScheme().equals("https") ? resourceManagerEndpoint.toString() : "https://management.azure.com/";
        return endpoint.replaceAll("/?$", "/") + ".default";
    }
}
