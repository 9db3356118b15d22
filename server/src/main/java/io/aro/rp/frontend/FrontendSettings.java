package io.aro.rp.frontend;

import io.aro.rp.config.HttpLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the frontend serves.
 *
 * @param listenUri where to listen, for example {@code http://127.0.0.1:8080/}
 * @param location the RP's region; clusters must be in it
 * @param managedDomain the RP's managed DNS domain for the region (for example {@code eastus.aroapp.io}), or null
 * @param pageSize how many clusters one page of a list holds
 * @param subscriptionCacheTtl how long a frontend may use a subscription's state, the installable versions or the role sets before reading them again
 * @param retryAfter the Retry-After of an operation in progress, or null for none (as ARO)
 * @param limits what a connection may send
 */
public record FrontendSettings(URI listenUri, String location, String managedDomain, int pageSize, Duration subscriptionCacheTtl,
        Duration retryAfter, HttpLimits limits) {

    /** Settings with the default {@link HttpLimits}. */
    public FrontendSettings(URI listenUri, String location, String managedDomain, int pageSize, Duration subscriptionCacheTtl, Duration retryAfter) {
        this(listenUri, location, managedDomain, pageSize, subscriptionCacheTtl, retryAfter, HttpLimits.DEFAULTS);
    }

    public FrontendSettings {
        Objects.requireNonNull(listenUri, "listenUri");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(limits, "limits");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        if (retryAfter != null && retryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("Retry-After counts whole seconds: ARO_RETRY_AFTER must be at least PT1S, not " + retryAfter);
        }
    }
}
