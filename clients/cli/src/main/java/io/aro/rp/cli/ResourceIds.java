package io.aro.rp.cli;

import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;

/** Resource IDs from what az aro accepts on its command line: a name in a resource group, or an ID. */
final class ResourceIds {
    private ResourceIds() {
    }

    static boolean isId(String value) {
        return value.startsWith("/subscriptions/");
    }

    static String resourceGroup(String id) {
        return ResourceId.fromString(id).resourceGroupName();
    }

    /** A subnet given as an ID, or as a name in {@code vnet} (a name in {@code vnetResourceGroup}, or an ID). */
    static String subnet(String subscriptionId, String subnet, String vnet, String vnetResourceGroup, String option) {
        if (isId(subnet)) {
            return subnet;
        }
        if (vnet == null) {
            throw new CliException("Invalid " + option + " '" + subnet + "': a subnet name needs --vnet, or give the subnet's resource ID.",
                    ExitCodes.USAGE);
        }
        String vnetId = isId(vnet) ? vnet : "/subscriptions/" + subscriptionId + "/resourceGroups/" + vnetResourceGroup
                + "/providers/Microsoft.Network/virtualNetworks/" + vnet;
        return vnetId + "/subnets/" + subnet;
    }

    /** The virtual network a subnet ID is in. */
    static String vnetOf(String subnetId) {
        return ResourceId.fromString(subnetId).parent().id();
    }

    /** A user-assigned managed identity given as an ID, or as a name in the cluster's resource group. */
    static String identity(String subscriptionId, String resourceGroup, String identity) {
        return isId(identity) ? identity
                : "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                        + identity;
    }
}
