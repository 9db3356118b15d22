package io.aro.rp.cli;

import com.azure.core.util.polling.SyncPoller;
import io.aro.rp.sdk.fluent.OpenShiftClustersClient;
import io.aro.rp.sdk.fluent.models.OpenShiftClusterInner;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", description = "Delete a cluster.")
final class DeleteCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;

    @Option(names = {"-y", "--yes"}, description = "Do not prompt for confirmation.")
    boolean yes;
    @Option(names = "--no-wait", description = "Do not wait for the long-running operation to finish.")
    boolean noWait;
    @Option(names = "--delete-identities", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Delete the cluster's associated managed identities together with the cluster.")
    boolean deleteIdentities;

    @Override
    void execute() {
        if (deleteIdentities && noWait) {
            throw usage("--delete-identities waits for the cluster's deletion: it cannot be used with --no-wait.");
        }
        OpenShiftClustersClient clusters = session().aro().serviceClient().getOpenShiftClusters();
        OpenShiftClusterInner existing = clusters.getByResourceGroup(cluster.resourceGroup, cluster.name);
        List<String> identities = identities(existing);
        if (deleteIdentities && existing.servicePrincipalProfile() != null) {
            throw new CliException("Cannot delete managed identities for a non-managed identity cluster");
        }
        if (!yes && !Confirmation.ask(this, "Are you sure you want to perform this operation?")) {
            return;
        }
        if (deleteIdentities) {
            warn("After deleting the ARO cluster, will delete the following set of managed identities that was associated with it:\n"
                    + String.join("\n", identities.stream().map(id -> "- " + id).toList()));
        } else if (existing.platformWorkloadIdentityProfile() != null) {
            warn("The cluster's managed identities will still need to be deleted once cluster deletion completes. You can use the following "
                    + "commands to delete them:\n" + String.join("\n", identities.stream()
                            .map(id -> "- az identity delete -g " + ResourceIds.resourceGroup(id) + " -n " + id.substring(id.lastIndexOf('/') + 1))
                            .toList()));
        }
        SyncPoller<?, Void> deletion = clusters.beginDelete(cluster.resourceGroup, cluster.name);
        if (noWait) {
            return;
        }
        Progress.await(deletion, err(), aro().progress);
        if (deleteIdentities) {
            warn("Successfully deleted ARO cluster; deleting managed identities...");
            for (String identity : identities) {
                session().identities().identities().deleteById(identity);
                warn("Successfully deleted managed identity " + identity);
            }
        }
    }

    private static List<String> identities(OpenShiftClusterInner cluster) {
        List<String> identities = new ArrayList<>();
        if (cluster.identity() != null && cluster.identity().userAssignedIdentities() != null) {
            identities.addAll(cluster.identity().userAssignedIdentities().keySet());
        }
        if (cluster.platformWorkloadIdentityProfile() != null && cluster.platformWorkloadIdentityProfile().platformWorkloadIdentities() != null) {
            cluster.platformWorkloadIdentityProfile().platformWorkloadIdentities().values().forEach(pwi -> identities.add(pwi.resourceId()));
        }
        return identities;
    }
}
