package io.aro.rp.cloud;

import io.aro.rp.api.OpenShiftCluster;

/**
 * The boundary between driving Azure and installing OpenShift inside the cluster. This project drives
 * Azure; what runs on the machines (ignition, the bootstrap control plane, operators) is behind this
 * interface: given the cluster's API server, it brings OpenShift up and returns how to reach it.
 * Idempotent like every step: asked again, it returns the same access.
 */
public interface OpenShiftInstaller {
    ClusterAccess install(OpenShiftCluster cluster, ApiServerEndpoint apiServer);
}
