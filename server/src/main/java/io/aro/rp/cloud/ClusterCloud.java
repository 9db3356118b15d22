package io.aro.rp.cloud;

import io.aro.rp.api.OpenShiftCluster;

/**
 * What the backend asks of Azure for a cluster. Every call is idempotent (a PUT of an Azure resource
 * creates or updates it; deleting what is gone succeeds), so a step may run again after a crash or a
 * lost lease. A call fails with a {@link io.aro.rp.api.CloudErrorException} that the user can act on
 * (the cluster ends Failed with it), with {@link TransientCloudException} when retrying may help, or
 * with anything else for a fault of the RP.
 */
public interface ClusterCloud {
    /** Dynamic validation: the vnet, subnets and permissions the cluster needs (ARO's validate). */
    void validate(OpenShiftCluster cluster, boolean isCreate);

    /** The cluster's managed resource group, managed by the cluster resource; refuses a group that is not the cluster's. */
    void createResourceGroup(OpenShiftCluster cluster);

    /** The storage account, its containers and the network security groups. */
    void deployStorage(OpenShiftCluster cluster);

    /** The network security groups attached to the master and worker subnets. */
    void attachSecurityGroups(OpenShiftCluster cluster);

    /** The cluster's network and compute: private DNS, load balancers, public IPs, bootstrap and master VMs, workers. */
    ApiServerEndpoint deployClusterResources(OpenShiftCluster cluster);

    /** The bootstrap VM, its disk and NIC removed once the control plane runs. */
    void removeBootstrap(OpenShiftCluster cluster);

    /** What an update may change on Azure: tags, the number of workers, the service principal's credentials. */
    void update(OpenShiftCluster cluster);

    /** Everything the RP created for the cluster removed: NSGs detached, DNS records removed, the managed resource group deleted. */
    void delete(OpenShiftCluster cluster);
}
