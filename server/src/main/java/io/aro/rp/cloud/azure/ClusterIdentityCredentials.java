package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.cloud.WorkloadIdentityCloud.ClusterIdentityCertificate;

/**
 * The credential of a managed identity cluster's cluster identity, which the RP acts as to read the
 * customer's identities and federate the operators' ones (the customer grants the cluster identity those
 * rights, not the RP).
 */
public interface ClusterIdentityCredentials {
    /** The identity's certificate, as ARM's managed identity data plane issues it. */
    ClusterIdentityCertificate certificate(OpenShiftCluster cluster);

    /** A token credential of the identity. */
    TokenCredential credential(OpenShiftCluster cluster);
}
