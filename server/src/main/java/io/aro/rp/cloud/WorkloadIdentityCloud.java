package io.aro.rp.cloud;

import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import java.util.Map;

/**
 * What a managed identity cluster needs from Azure besides {@link ClusterCloud}, as ARO's install does
 * it: the identities' IDs, an OIDC issuer whose keys sign the cluster's service account tokens, a
 * federated credential per operator service account on the operator's identity (so that the operator
 * authenticates as it), and each operator identity's role. Every call is idempotent.
 */
public interface WorkloadIdentityCloud {
    /** The client and principal IDs of the cluster identity and of each operator's identity. */
    ManagedIdentityIds identityIds(OpenShiftCluster cluster);

    /**
     * Publishes the cluster's OIDC discovery document and the public key of {@code issuer}, where Entra ID
     * reads them to trust the cluster's service account tokens.
     *
     * @return the issuer URL, which the cluster's tokens carry and the federated credentials name
     */
    String publishOidcIssuer(OpenShiftCluster cluster, ServiceAccountIssuer issuer);

    /** On each operator's identity, a federated credential for each of the operator's service accounts. */
    void federateOperatorIdentities(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet);

    /** Each operator's identity holds its role on the cluster's managed resource group. */
    void grantOperatorRoles(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet);

    /** The cluster identity's certificate, with which the installer creates the cluster's infrastructure. */
    ClusterIdentityCertificate clusterIdentityCertificate(OpenShiftCluster cluster);

    /** The cluster's federated credentials and OIDC documents removed (its role assignments go with the resource group). */
    void deleteWorkloadIdentity(OpenShiftCluster cluster);

    /** The Azure IDs of a user-assigned identity. */
    record IdentityIds(String clientId, String principalId) {
    }

    /** The IDs of the cluster identity and of each operator's identity, by operator name. */
    record ManagedIdentityIds(IdentityIds cluster, Map<String, IdentityIds> operators) {
        public ManagedIdentityIds {
            operators = Map.copyOf(operators);
        }
    }

    /** A user-assigned identity's credential: its client ID, tenant and a PKCS#12 certificate with its key (a secret). */
    record ClusterIdentityCertificate(String clientId, String tenantId, byte[] pkcs12) {
        @Override
        public String toString() {
            return "ClusterIdentityCertificate[clientId=" + clientId + ", tenantId=" + tenantId + ", pkcs12=redacted]";
        }
    }
}
