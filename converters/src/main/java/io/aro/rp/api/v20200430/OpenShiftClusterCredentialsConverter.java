package io.aro.rp.api.v20200430;

import io.aro.rp.api.ResourceNames;
import io.aro.rp.generated.v20200430.model.OpenShiftClusterCredentials;

/** The kubeadmin credentials of a cluster in 2020-04-30, the one response besides listAdminCredentials that carries a secret. */
public final class OpenShiftClusterCredentialsConverter {
    public OpenShiftClusterCredentials toExternal(io.aro.rp.api.OpenShiftCluster oc) {
        var password = oc.getProperties().getKubeadminPassword();
        return new OpenShiftClusterCredentials()
                .kubeadminUsername(ResourceNames.KUBEADMIN_USERNAME)
                .kubeadminPassword(password == null ? null : password.reveal());
    }
}
