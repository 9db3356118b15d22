package io.aro.rp.cloud;

import io.aro.rp.api.OpenShiftCluster;
import java.util.List;

/**
 * What the backend asks of Azure for a cluster: the resources the RP itself owns around the
 * installation, which Hive and the installer do not create. Every call is idempotent (a PUT of an Azure
 * resource creates or updates it; deleting what is gone succeeds), so a step may run again after a crash
 * or a lost lease. A call fails with a {@link io.aro.rp.api.CloudErrorException} that the user can act on
 * (the cluster ends Failed with it), with {@link TransientCloudException} when retrying may help, or
 * with anything else for a fault of the RP.
 */
public interface ClusterCloud {
    /** Dynamic validation: the vnet, subnets and permissions the cluster needs (ARO's validate). */
    void validate(OpenShiftCluster cluster, boolean isCreate);

    /** The cluster's managed resource group, managed by the cluster resource; refuses a group that is not the cluster's. */
    void createResourceGroup(OpenShiftCluster cluster);

    /** The storage account and the network security groups of the cluster's subnets. */
    void deployStorage(OpenShiftCluster cluster);

    /** The network security groups attached to the master and worker subnets (unless the customer brings their own). */
    void attachSecurityGroups(OpenShiftCluster cluster);

    /** The cluster's service principal holds Contributor on the managed resource group, which the installer needs. */
    void grantServicePrincipalRole(OpenShiftCluster cluster);

    /**
     * The public DNS zone the installer writes the cluster's records into (named after the cluster's base
     * domain, in the managed resource group) and, for a domain under the RP's managed domain, its
     * delegation from the RP's own zone.
     */
    void createDns(OpenShiftCluster cluster);

    /** The address ranges of the master and worker subnets: the installer's machine networks. */
    List<String> machineNetworks(OpenShiftCluster cluster);

    /** The API server's IP address once the installer has made its load balancer (public, or internal for a private cluster). */
    String apiServerIp(OpenShiftCluster cluster);

    /** What an update may change on Azure: tags, and the role of a rotated service principal. */
    void update(OpenShiftCluster cluster);

    /** Everything the RP created for the cluster removed: NSGs detached, the DNS delegation removed, the managed resource group deleted. */
    void delete(OpenShiftCluster cluster);
}
