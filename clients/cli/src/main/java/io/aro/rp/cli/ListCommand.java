package io.aro.rp.cli;

import io.aro.rp.sdk.fluent.OpenShiftClustersClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List clusters.")
final class ListCommand extends AroSubcommand {
    @Option(names = {"-g", "--resource-group"}, description = "Name of resource group (default: every cluster of the subscription).")
    String resourceGroup;

    @Override
    void execute() {
        OpenShiftClustersClient clusters = session().aro().serviceClient().getOpenShiftClusters();
        print(answers(resourceGroup == null ? clusters.list() : clusters.listByResourceGroup(resourceGroup)), Clusters::table);
    }
}
