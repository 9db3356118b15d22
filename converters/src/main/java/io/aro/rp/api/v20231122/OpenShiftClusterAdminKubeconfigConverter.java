package io.aro.rp.api.v20231122;

import io.aro.rp.generated.v20231122.model.OpenShiftClusterAdminKubeconfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The admin kubeconfig of a cluster in 2023-11-22 (base64 of the file), for listAdminCredentials. */
public final class OpenShiftClusterAdminKubeconfigConverter {
    public OpenShiftClusterAdminKubeconfig toExternal(io.aro.rp.api.OpenShiftCluster oc) {
        var kubeconfig = oc.getProperties().getAdminKubeconfig();
        return new OpenShiftClusterAdminKubeconfig().kubeconfig(kubeconfig == null ? null
                : Base64.getEncoder().encodeToString(kubeconfig.reveal().getBytes(StandardCharsets.UTF_8)));
    }
}
