package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import io.aro.rp.api.OpenShiftCluster;

/** The credential of a cluster's own service principal, for the checks ARO makes as the customer's principal. */
@FunctionalInterface
public interface ServicePrincipals {
    TokenCredential of(OpenShiftCluster cluster);
}
