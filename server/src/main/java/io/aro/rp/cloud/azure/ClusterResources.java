package io.aro.rp.cloud.azure;

import io.aro.rp.api.OpenShiftCluster;

/**
 * The names and ids of what the RP creates for a cluster, all derived from the cluster document (its
 * infrastructure ID and storage suffix are chosen once, before anything exists), so that every run of a
 * step addresses the same resources.
 *
 * @param installerInfraId the infrastructure ID of the resources the installer created, once the cluster is installed
 */
record ClusterResources(String subscriptionId, String group, String infraId, String storageSuffix, String domain, String installerInfraId) {
    static ClusterResources of(OpenShiftCluster cluster) {
        // /subscriptions/{subscription}/resourceGroups/{group}, as the static validation checked
        String[] group = cluster.getProperties().getClusterProfile().getResourceGroupId().split("/");
        return new ClusterResources(group[2], group[4], cluster.getProperties().getInfraId(), cluster.getProperties().getStorageSuffix(),
                cluster.getProperties().getClusterProfile().getDomain(), cluster.getProperties().getHiveProfile().getInfraId());
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

    /** The public DNS zone the installer writes the cluster's records to: named after the domain the cluster's name is under. */
    String baseDomainZone() {
        return domain.substring(domain.indexOf('.') + 1);
    }

    /** The cluster's name within its domain: the label delegated from the RP's managed domain. */
    String domainLabel() {
        return domain.substring(0, domain.indexOf('.'));
    }
}
