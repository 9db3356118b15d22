package io.aro.rp.cloud;

import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import java.util.Objects;

/**
 * What the installer needs for a managed identity cluster: the operators' role set (where each operator's
 * credentials go in the cluster) and the cluster identity's credential, with which it creates the
 * cluster's infrastructure instead of a service principal.
 */
public record WorkloadIdentityInstall(PlatformWorkloadIdentityRoleSet roleSet, WorkloadIdentityCloud.ClusterIdentityCertificate clusterIdentity) {
    public WorkloadIdentityInstall {
        Objects.requireNonNull(roleSet, "roleSet");
        Objects.requireNonNull(clusterIdentity, "clusterIdentity");
    }
}
