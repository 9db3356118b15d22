package io.aro.rp.cloud;

import io.aro.rp.api.SecureString;
import java.util.Objects;

/**
 * How to reach an installed cluster.
 *
 * @param consoleUrl the web console's URL
 * @param ingressIp the IP address of the default ingress
 * @param kubeadminPassword the password of the kubeadmin user
 * @param adminKubeconfig the admin kubeconfig
 */
public record ClusterAccess(String consoleUrl, String ingressIp, SecureString kubeadminPassword, SecureString adminKubeconfig) {
    public ClusterAccess {
        Objects.requireNonNull(consoleUrl, "consoleUrl");
        Objects.requireNonNull(kubeadminPassword, "kubeadminPassword");
        Objects.requireNonNull(adminKubeconfig, "adminKubeconfig");
    }

    @Override
    public String toString() {
        return "ClusterAccess[consoleUrl=" + consoleUrl + ", ingressIp=" + ingressIp + ", secrets redacted]";
    }
}
