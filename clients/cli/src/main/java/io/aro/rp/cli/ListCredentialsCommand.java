package io.aro.rp.cli;

import io.aro.rp.sdk.v20250725.models.OpenShiftClusterCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list-credentials", description = "Show the kubeadmin user's credentials.")
final class ListCredentialsCommand extends AroSubcommand {
    private static final Output.Columns<OpenShiftClusterCredentials> COLUMNS = new Output.Columns<OpenShiftClusterCredentials>()
            .add("KubeadminUsername", OpenShiftClusterCredentials::getKubeadminUsername)
            .add("KubeadminPassword", OpenShiftClusterCredentials::getKubeadminPassword);

    @Mixin
    ClusterName cluster;

    @Override
    public void run() {
        Output.one(out(), aro.output, aro.client().listCredentials(cluster.resourceGroup, cluster.name), COLUMNS);
    }
}
