package io.aro.rp.cli;

import com.azure.core.util.polling.SyncPoller;
import io.aro.rp.sdk.fluent.OpenShiftClustersClient;
import io.aro.rp.sdk.fluent.models.OpenShiftClusterInner;
import io.aro.rp.sdk.models.LoadBalancerProfile;
import io.aro.rp.sdk.models.ManagedOutboundIPs;
import io.aro.rp.sdk.models.NetworkProfile;
import io.aro.rp.sdk.models.OpenShiftClusterUpdate;
import io.aro.rp.sdk.models.PlatformWorkloadIdentityProfile;
import io.aro.rp.sdk.models.ServicePrincipalProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "update", description = "Update a cluster.")
final class UpdateCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;
    @Mixin
    IdentityOptions identities;

    @Option(names = "--client-id", description = "Client ID of cluster service principal.")
    String clientId;
    @Option(names = "--client-secret", description = "Client secret of cluster service principal.")
    String clientSecret;
    @Option(names = "--refresh-credentials", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Refresh cluster application credentials: a new secret of the service principal's Microsoft Entra application.")
    boolean refreshCredentials;
    @Option(names = {"--load-balancer-managed-outbound-ip-count", "--lb-ip-count"},
            description = "The desired number of IPv4 outbound IPs created and managed by Azure for the cluster public load balancer.")
    Integer lbIpCount;
    @Option(names = "--upgradeable-to", description = "OpenShift version to upgrade to.")
    String upgradeableTo;
    @Option(names = "--no-wait", description = "Do not wait for the long-running operation to finish.")
    boolean noWait;

    @Override
    void execute() {
        if (refreshCredentials && clientSecret != null) {
            throw usage("--client-secret must not be set with --refresh-credentials.");
        }
        OpenShiftClustersClient clusters = session().aro().serviceClient().getOpenShiftClusters();
        // As az: if the cluster cannot be read, nothing can be done with it.
        OpenShiftClusterInner current = clusters.getByResourceGroup(cluster.resourceGroup, cluster.name);
        boolean servicePrincipal = current.servicePrincipalProfile() != null;
        if (servicePrincipal && (identities.any() || upgradeableTo != null)) {
            throw new CliException("Cannot assign platform workload identities or a cluster identity to a cluster with service principal.");
        }
        if (!servicePrincipal && (clientId != null || clientSecret != null || refreshCredentials)) {
            throw new CliException("Cannot set service principal credentials on a managed identity cluster.");
        }
        String subscriptionId = session().subscriptionId();
        OpenShiftClusterUpdate update = new OpenShiftClusterUpdate();
        String secret = refreshCredentials
                ? ServicePrincipalCredentials.refresh(session(), clientId != null ? clientId : current.servicePrincipalProfile().clientId())
                : clientSecret;
        if (clientId != null || secret != null) {
            update.withServicePrincipalProfile(new ServicePrincipalProfile().withClientId(clientId).withClientSecret(secret));
        }
        update.withIdentity(identities.clusterIdentity(subscriptionId, cluster.resourceGroup));
        if (identities.platformWorkloadIdentities != null || upgradeableTo != null) {
            update.withPlatformWorkloadIdentityProfile(new PlatformWorkloadIdentityProfile()
                    .withPlatformWorkloadIdentities(identities.platformWorkloadIdentities(subscriptionId, cluster.resourceGroup))
                    .withUpgradeableTo(upgradeableTo));
        }
        if (lbIpCount != null) {
            update.withNetworkProfile(new NetworkProfile().withLoadBalancerProfile(
                    new LoadBalancerProfile().withManagedOutboundIps(new ManagedOutboundIPs().withCount(lbIpCount))));
        }
        SyncPoller<?, OpenShiftClusterInner> updating = clusters.beginUpdate(cluster.resourceGroup, cluster.name, update);
        if (!noWait) {
            Progress.await(updating, err(), aro().progress);
            print(cluster(cluster.resourceGroup, cluster.name), Clusters::table);
        }
    }
}
