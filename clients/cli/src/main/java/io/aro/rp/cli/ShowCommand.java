package io.aro.rp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", description = "Show a cluster.")
final class ShowCommand implements Runnable {
    @ParentCommand
    AroCommand aro;
    @Mixin
    ClusterName cluster;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Output.one(spec.commandLine().getOut(), aro.output, aro.client().get(cluster.resourceGroup, cluster.name), Clusters.COLUMNS);
    }
}
