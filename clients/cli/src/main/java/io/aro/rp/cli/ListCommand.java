package io.aro.rp.cli;

import io.aro.rp.sdk.AroClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List the clusters of the subscription, or of a resource group.")
final class ListCommand extends AroSubcommand {
    @Option(names = {"-g", "--resource-group"}, description = "Only the clusters of this resource group.")
    String resourceGroup;

    @Override
    public void run() {
        AroClient client = aro.client();
        var clusters = (resourceGroup == null ? client.list() : client.list(resourceGroup)).stream().toList();
        Output.many(out(), aro.output, clusters, Clusters.COLUMNS);
    }
}
