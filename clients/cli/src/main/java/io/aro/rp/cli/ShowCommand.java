package io.aro.rp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "show", description = "Get the details of a cluster.")
final class ShowCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;

    @Override
    void execute() {
        print(cluster(cluster.resourceGroup, cluster.name), Clusters::table);
    }
}
