package io.aro.rp.cloud;

import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftVersion;

/**
 * The boundary between driving Azure and installing OpenShift: in production Hive on a management
 * cluster, which runs the OpenShift installer for each cluster. The cluster's Hive namespace is named on
 * the cluster document ({@code hiveProfile.namespace}) before anything is created in it. Every call is
 * idempotent: it reads, then creates or updates, so that it may run again after a crash.
 */
public interface OpenShiftInstaller {
    /**
     * Creates what the installation needs (namespace, secrets, install-config, ClusterDeployment); Hive
     * then installs. {@code correlation} (may be null) names the request behind it on the Hive objects;
     * {@code workloadIdentity} is null for a service principal cluster.
     */
    void install(OpenShiftCluster cluster, OpenShiftVersion version, CorrelationData correlation, WorkloadIdentityInstall workloadIdentity);

    /** Where the installation stands. */
    InstallationStatus status(OpenShiftCluster cluster);

    /** The credentials and endpoints the installer recorded for the installed cluster. */
    ClusterAccess access(OpenShiftCluster cluster);

    /**
     * Brings the objects of an installed cluster up to date (the service principal after a rotation, the
     * correlation ids), recreating what is missing, as an admin update asks.
     */
    void updateInstallation(OpenShiftCluster cluster, CorrelationData correlation);

    /** The cluster's namespace and everything in it removed (the installer's Azure resources are the RP's to delete). */
    void deleteInstallation(OpenShiftCluster cluster);
}
