package io.aro.rp.api.external;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.api.SecureString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two responses that carry a secret, the same in every API version that has them: listCredentials
 * (the kubeadmin user) and listAdminCredentials (the admin kubeconfig, base64 of the file).
 */
public final class CredentialsConverter {
    private CredentialsConverter() {
    }

    public static ObjectNode kubeadminCredentials(OpenShiftCluster cluster) {
        ObjectNode credentials = ExternalJson.MAPPER.createObjectNode().put("kubeadminUsername", ResourceNames.KUBEADMIN_USERNAME);
        SecureString password = cluster.getProperties().getKubeadminPassword();
        ExternalJson.put(credentials, "kubeadminPassword", password == null ? null : password.reveal());
        return credentials;
    }

    public static ObjectNode adminKubeconfig(OpenShiftCluster cluster) {
        ObjectNode kubeconfig = ExternalJson.MAPPER.createObjectNode();
        SecureString file = cluster.getProperties().getAdminKubeconfig();
        ExternalJson.put(kubeconfig, "kubeconfig",
                file == null ? null : Base64.getEncoder().encodeToString(file.reveal().getBytes(StandardCharsets.UTF_8)));
        return kubeconfig;
    }
}
