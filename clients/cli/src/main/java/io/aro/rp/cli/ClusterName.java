package io.aro.rp.cli;

import picocli.CommandLine.Option;

/** The options that name one cluster. */
final class ClusterName {
    @Option(names = {"-g", "--resource-group"}, required = true, description = "The cluster's resource group.")
    String resourceGroup;

    @Option(names = {"-n", "--name"}, required = true, description = "The cluster's name.")
    String name;
}
