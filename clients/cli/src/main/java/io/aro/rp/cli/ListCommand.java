package io.aro.rp.cli;

import io.aro.rp.sdk.AroClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", description = "List the clusters of the subscription, or of a resource group.")
final class ListCommand implements Runnable {
    @ParentCommand
    AroCommand aro;
    @Option(names = {"-g", "--resource-group"}, description = "Only the clusters of this resource group.")
    String resourceGroup;
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        AroClient client = aro.client();
        var clusters = (resourceGroup == null ? client.list() : client.list(resourceGroup)).stream().toList();
        Output.many(spec.commandLine().getOut(), aro.output, clusters, Clusters.COLUMNS);
    }
}
