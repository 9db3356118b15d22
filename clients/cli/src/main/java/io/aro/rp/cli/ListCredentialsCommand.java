package io.aro.rp.cli;

import io.aro.rp.sdk.v20231122.models.OpenShiftClusterCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list-credentials", description = "Show the kubeadmin user's credentials.")
final class ListCredentialsCommand implements Runnable {
    private static final Output.Columns<OpenShiftClusterCredentials> COLUMNS = new Output.Columns<OpenShiftClusterCredentials>()
            .add("KubeadminUsername", OpenShiftClusterCredentials::getKubeadminUsername)
            .add("KubeadminPassword", OpenShiftClusterCredentials::getKubeadminPassword);

    @ParentCommand
    AroCommand aro;
    @Mixin
    ClusterName cluster;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Output.one(spec.commandLine().getOut(), aro.output, aro.client().listCredentials(cluster.resourceGroup, cluster.name), COLUMNS);
    }
}
