package io.aro.rp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "show", description = "Show a cluster.")
final class ShowCommand extends AroSubcommand {
    @Mixin
    ClusterName cluster;

    @Override
    public void run() {
        Output.one(out(), aro.output, aro.client().get(cluster.resourceGroup, cluster.name), Clusters.COLUMNS);
    }
}
