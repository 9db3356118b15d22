package io.aro.rp.frontend;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.database.OpenShiftVersionDocument;
import io.aro.rp.database.OpenShiftVersions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The OpenShift versions new clusters may use: the enabled records of the OpenShiftVersions container,
 * which SREs manage through the admin API. Read again at most every cache period.
 */
public final class InstallableVersions {
    private final SubscriptionGate subscriptions;
    private final LoadingCache<String, List<OpenShiftVersionDocument>> enabled;

    InstallableVersions(OpenShiftVersions versions, SubscriptionGate subscriptions, Duration cacheTtl) {
        this.subscriptions = subscriptions;
        this.enabled = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(1)
                .build(key -> versions.list().stream().filter(v -> v.getProperties().isEnabled()).toList());
    }

    /** The versions the subscription may create clusters with. */
    public List<String> list(String subscriptionId) {
        subscriptions.require(subscriptionId, SubscriptionGate.READ);
        return names();
    }

    /** The version, when the subscription may create clusters with it. */
    public Optional<String> get(String subscriptionId, String version) {
        return list(subscriptionId).stream().filter(version::equals).findFirst();
    }

    /**
     * The version a new cluster gets: the requested one if it is enabled, the default one if none is requested.
     *
     * @throws io.aro.rp.api.CloudErrorException 400 for a version that is not installable
     */
    String forNewCluster(String requested) {
        List<OpenShiftVersionDocument> versions = enabled.get("");
        if (requested == null || requested.isEmpty()) {
            return versions.stream().filter(v -> v.getProperties().isDefault()).map(v -> v.getProperties().getVersion()).findFirst()
                    .orElseThrow(() -> new CloudError(500, new CloudErrorBody(CloudErrorCodes.INTERNAL_SERVER_ERROR,
                            "No default OpenShift version is set. Name the version in properties.clusterProfile.version.", null, null))
                            .toException());
        }
        if (versions.stream().noneMatch(v -> v.getProperties().getVersion().equals(requested))) {
            throw ValidationErrors.invalidParameter("properties.clusterProfile.version",
                    "The requested OpenShift version '%s' is not installable. The installable versions are '%s'.", requested, String.join(", ", names()));
        }
        return requested;
    }

    private List<String> names() {
        return enabled.get("").stream().map(v -> v.getProperties().getVersion()).toList();
    }
}
