package io.aro.rp.cli;

import picocli.CommandLine.Option;

/** -g and -n: the cluster a command is about. */
final class ClusterName {
    @Option(names = {"-g", "--resource-group"}, required = true, description = "Name of resource group.")
    String resourceGroup;

    @Option(names = {"-n", "--name"}, required = true, description = "Name of cluster.")
    String name;
}
