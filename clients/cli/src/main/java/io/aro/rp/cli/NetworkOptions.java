package io.aro.rp.cli;

import picocli.CommandLine.Option;

/** The cluster's virtual network, as az aro names it: subnets by ID, or by name in --vnet. */
final class NetworkOptions {
    @Option(names = "--vnet", description = "Name or ID of vnet. If name is supplied, `--vnet-resource-group` must be supplied.")
    String vnet;

    @Option(names = "--vnet-resource-group", description = "Name of vnet resource group (default: the cluster's).")
    String vnetResourceGroup;

    @Option(names = "--master-subnet", required = true, description = "Name or ID of master vnet subnet. If name is supplied, `--vnet` must be supplied.")
    String masterSubnet;

    @Option(names = "--worker-subnet", required = true, description = "Name or ID of worker vnet subnet. If name is supplied, `--vnet` must be supplied.")
    String workerSubnet;

    String masterSubnetId(String subscriptionId, String resourceGroup) {
        return ResourceIds.subnet(subscriptionId, masterSubnet, vnet, vnetResourceGroup != null ? vnetResourceGroup : resourceGroup, "--master-subnet");
    }

    String workerSubnetId(String subscriptionId, String resourceGroup) {
        return ResourceIds.subnet(subscriptionId, workerSubnet, vnet, vnetResourceGroup != null ? vnetResourceGroup : resourceGroup, "--worker-subnet");
    }
}
