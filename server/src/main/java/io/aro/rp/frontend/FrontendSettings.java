package io.aro.rp.frontend;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the frontend serves.
 *
 * @param listenUri where to listen, for example {@code http://127.0.0.1:8080/}
 * @param location the RP's region; clusters must be in it
 * @param managedDomain the RP's managed DNS domain for the region (for example {@code eastus.aroapp.io}), or null
 * @param installableVersions the OpenShift versions new clusters may be created with
 * @param defaultVersion the version of a new cluster whose request names none
 * @param pageSize how many clusters one page of a list holds
 * @param subscriptionCacheTtl how long a frontend may use a subscription's state before reading it again
 */
public record FrontendSettings(URI listenUri, String location, String managedDomain, List<String> installableVersions,
        String defaultVersion, int pageSize, Duration subscriptionCacheTtl) {

    public FrontendSettings {
        Objects.requireNonNull(listenUri, "listenUri");
        Objects.requireNonNull(location, "location");
        installableVersions = List.copyOf(installableVersions);
        if (!installableVersions.contains(defaultVersion)) {
            throw new IllegalArgumentException("the default version " + defaultVersion + " is not installable");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
    }
}
