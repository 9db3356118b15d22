package io.aro.rp.cli;

import io.aro.rp.sdk.models.ManagedServiceIdentity;
import io.aro.rp.sdk.models.ManagedServiceIdentityType;
import io.aro.rp.sdk.models.PlatformWorkloadIdentity;
import io.aro.rp.sdk.models.UserAssignedIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The managed identities of a managed identity cluster, as az aro assigns them. */
final class IdentityOptions {
    @Option(names = {"--mi-user-assigned", "--assign-cluster-identity"}, paramLabel = "IDENTITY",
            description = "Set the user managed identity on the cluster. Value must be an identity name or resource ID.")
    String clusterIdentity;

    @Option(names = {"--assign-platform-workload-identity", "--assign-platform-wi"}, arity = "2", paramLabel = "OPERATOR IDENTITY",
            description = "Assign a platform workload identity used within the cluster. Requires two values: an operator name and either the "
                    + "name or resource ID of the Azure identity to use for it.")
    List<String> platformWorkloadIdentities;

    boolean any() {
        return clusterIdentity != null || platformWorkloadIdentities != null;
    }

    ManagedServiceIdentity clusterIdentity(String subscriptionId, String resourceGroup) {
        if (clusterIdentity == null) {
            return null;
        }
        return new ManagedServiceIdentity().withType(ManagedServiceIdentityType.USER_ASSIGNED)
                .withUserAssignedIdentities(Map.of(ResourceIds.identity(subscriptionId, resourceGroup, clusterIdentity), new UserAssignedIdentity()));
    }

    Map<String, PlatformWorkloadIdentity> platformWorkloadIdentities(String subscriptionId, String resourceGroup) {
        if (platformWorkloadIdentities == null) {
            return null;
        }
        Map<String, PlatformWorkloadIdentity> identities = new LinkedHashMap<>();
        for (int i = 0; i + 1 < platformWorkloadIdentities.size(); i += 2) {
            String operator = platformWorkloadIdentities.get(i);
            String identity = ResourceIds.identity(subscriptionId, resourceGroup, platformWorkloadIdentities.get(i + 1));
            if (identities.put(operator, new PlatformWorkloadIdentity().withResourceId(identity)) != null) {
                throw new CliException("Enter each platform workload identity once: '" + operator + "' is given twice.", ExitCodes.USAGE);
            }
        }
        return identities;
    }
}
