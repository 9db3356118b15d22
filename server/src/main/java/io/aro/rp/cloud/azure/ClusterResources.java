package io.aro.rp.cloud.azure;

import io.aro.rp.api.OpenShiftCluster;
import java.util.List;

/**
 * The names and ids of what the RP creates for a cluster, all derived from the cluster document (its
 * infrastructure ID and storage suffix are chosen once, before anything exists), so that every run of a
 * step addresses the same resources.
 */
record ClusterResources(String subscriptionId, String group, String infraId, String storageSuffix, String domain) {
    static final String COMPUTE_API_VERSION = "2024-07-01";
    static final String DISK_API_VERSION = "2024-03-02";
    static final String NETWORK_API_VERSION = "2024-05-01";

    static ClusterResources of(OpenShiftCluster cluster) {
        // /subscriptions/{subscription}/resourceGroups/{group}, as the static validation checked
        String[] group = cluster.getProperties().getClusterProfile().getResourceGroupId().split("/");
        return new ClusterResources(group[2], group[4], cluster.getProperties().getInfraId(),
                cluster.getProperties().getStorageSuffix(), cluster.getProperties().getClusterProfile().getDomain());
    }

    String groupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group;
    }

    String storageAccount() {
        return "cluster" + storageSuffix;
    }

    String masterNsgId() {
        return groupId() + "/providers/Microsoft.Network/networkSecurityGroups/" + infraId + "-nsg";
    }

    String workerNsgId() {
        return groupId() + "/providers/Microsoft.Network/networkSecurityGroups/" + infraId + "-node-nsg";
    }

    String vnetLink() {
        return infraId + "-network-link";
    }

    String workerPrefix() {
        return infraId + "-worker-";
    }

    /** A machine's VM, NIC and OS disk, in the order they can be deleted (the VM holds the others). */
    List<VersionedId> machine(String name) {
        return List.of(
                new VersionedId(groupId() + "/providers/Microsoft.Compute/virtualMachines/" + name, COMPUTE_API_VERSION),
                new VersionedId(groupId() + "/providers/Microsoft.Network/networkInterfaces/" + name + "-nic", NETWORK_API_VERSION),
                new VersionedId(groupId() + "/providers/Microsoft.Compute/disks/" + name + "_OSDisk", DISK_API_VERSION));
    }

    List<VersionedId> bootstrap() {
        return machine(infraId + "-bootstrap");
    }

    /** A resource id with the API version its resource provider is called with. */
    record VersionedId(String id, String apiVersion) {
    }
}
