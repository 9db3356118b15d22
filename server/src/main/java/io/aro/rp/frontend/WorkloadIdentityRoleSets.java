package io.aro.rp.frontend;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PlatformWorkloadIdentityProfile;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.database.PlatformWorkloadIdentityRoleSets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The platform workload identity role sets that the frontend shows and checks clusters against: the
 * PlatformWorkloadIdentityRoleSets container, which SREs manage through the admin API, read again at most
 * every cache period.
 */
final class WorkloadIdentityRoleSets {
    private static final String IDENTITIES = "properties.platformWorkloadIdentityProfile.platformWorkloadIdentities";

    private final LoadingCache<String, List<PlatformWorkloadIdentityRoleSet>> all;

    WorkloadIdentityRoleSets(PlatformWorkloadIdentityRoleSets roleSets, Duration cacheTtl) {
        this.all = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(1).build(key -> roleSets.list());
    }

    List<PlatformWorkloadIdentityRoleSet> list() {
        return all.get("");
    }

    Optional<PlatformWorkloadIdentityRoleSet> get(String minorVersion) {
        return list().stream().filter(r -> r.getOpenShiftVersion().equals(minorVersion)).findFirst();
    }

    /**
     * A workload identity cluster names exactly the operators of its version's role set (ARO's
     * PlatformWorkloadIdentityMismatch); with {@code upgradeableTo}, it may also name those of that version.
     *
     * @throws io.aro.rp.api.CloudErrorException 400 when the version has no role set or the operators differ
     */
    void requireMatch(OpenShiftCluster cluster) {
        PlatformWorkloadIdentityProfile pwip = cluster.getProperties().getPlatformWorkloadIdentityProfile();
        if (pwip == null) {
            return;
        }
        String minor = PlatformWorkloadIdentityRoleSet.minorVersion(cluster.getProperties().getClusterProfile().getVersion());
        Set<String> required = operators(get(minor).orElseThrow(() -> ValidationErrors.invalidParameter("properties.clusterProfile.version",
                "Managed identity clusters are not available in OpenShift %s: there is no platform workload identity role set for it.", minor)));
        Set<String> allowed = new TreeSet<>(required);
        if (pwip.getUpgradeableTo() != null) {
            get(PlatformWorkloadIdentityRoleSet.minorVersion(pwip.getUpgradeableTo())).ifPresent(next -> allowed.addAll(operators(next)));
        }
        Set<String> given = new TreeSet<>(pwip.getPlatformWorkloadIdentities().keySet());
        if (!given.containsAll(required) || !allowed.containsAll(given)) {
            throw ValidationErrors.badRequest(CloudErrorCodes.PLATFORM_WORKLOAD_IDENTITY_MISMATCH, IDENTITIES,
                    "There's a mismatch between the required and expected set of platform workload identities for the requested OpenShift minor "
                            + "version '%s'. The required platform workload identities are '%s'.", minor, String.join(", ", required));
        }
    }

    private static Set<String> operators(PlatformWorkloadIdentityRoleSet roleSet) {
        return roleSet.getPlatformWorkloadIdentityRoles().stream().map(PlatformWorkloadIdentityRoleSet.PlatformWorkloadIdentityRole::getOperatorName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
