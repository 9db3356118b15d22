package io.aro.rp.cloud;

import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.WorkerProfile;
import java.util.List;

/**
 * What the backend does on an installed cluster, through its own API server with the admin kubeconfig
 * stored on the cluster document (day 2). Idempotent like every step.
 */
public interface ClusterApiServer {
    /** The IP address of the default ingress controller's load balancer, or null while it has none. */
    String ingressIp(OpenShiftCluster cluster);

    /** The worker pools the cluster runs: one per worker MachineSet (workerProfilesStatus). */
    List<WorkerProfile> workerProfiles(OpenShiftCluster cluster);

    /** The cluster's Azure credentials set to the cluster's (rotated) service principal. */
    void updateServicePrincipal(OpenShiftCluster cluster);
}
