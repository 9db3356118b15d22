package io.aro.rp.cloud;

import io.aro.rp.api.SecureString;
import java.util.Objects;

/**
 * How to reach an installed cluster, as its installer recorded it.
 *
 * @param apiServerUrl the API server's URL, for example {@code https://api.example.contoso.com:6443}
 * @param consoleUrl the web console's URL
 * @param infraId the infrastructure ID that prefixes the Azure resources the installer created
 * @param kubeadminPassword the password of the kubeadmin user
 * @param adminKubeconfig the admin kubeconfig
 */
public record ClusterAccess(String apiServerUrl, String consoleUrl, String infraId, SecureString kubeadminPassword, SecureString adminKubeconfig) {
    public ClusterAccess {
        Objects.requireNonNull(apiServerUrl, "apiServerUrl");
        Objects.requireNonNull(consoleUrl, "consoleUrl");
        Objects.requireNonNull(kubeadminPassword, "kubeadminPassword");
        Objects.requireNonNull(adminKubeconfig, "adminKubeconfig");
    }

    @Override
    public String toString() {
        return "ClusterAccess[apiServerUrl=" + apiServerUrl + ", consoleUrl=" + consoleUrl + ", infraId=" + infraId + ", secrets redacted]";
    }
}
