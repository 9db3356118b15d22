package io.aro.rp.cli;

import io.aro.rp.sdk.v20250725.models.OpenShiftCluster;

/** How clusters look in a table. */
final class Clusters {
    static final Output.Columns<OpenShiftCluster> COLUMNS = new Output.Columns<OpenShiftCluster>()
            .add("Name", OpenShiftCluster::getName)
            .add("ResourceGroup", Clusters::resourceGroup)
            .add("Location", OpenShiftCluster::getLocation)
            .add("ProvisioningState", c -> c.getProperties() == null ? null : c.getProperties().getProvisioningState())
            .add("WorkerCount", Clusters::workerCount)
            .add("Console", c -> c.getProperties() == null || c.getProperties().getConsoleProfile() == null ? null
                    : c.getProperties().getConsoleProfile().getUrl());

    private Clusters() {
    }

    /** The resource group in the cluster's resource id ({@code /subscriptions/s/resourceGroups/<group>/...}). */
    static String resourceGroup(OpenShiftCluster cluster) {
        String[] segments = cluster.getId() == null ? new String[0] : cluster.getId().split("/");
        return segments.length > 4 ? segments[4] : null;
    }

    private static Integer workerCount(OpenShiftCluster cluster) {
        if (cluster.getProperties() == null || cluster.getProperties().getWorkerProfiles() == null) {
            return null;
        }
        return cluster.getProperties().getWorkerProfiles().stream().mapToInt(w -> w.getCount() == null ? 0 : w.getCount()).sum();
    }
}
