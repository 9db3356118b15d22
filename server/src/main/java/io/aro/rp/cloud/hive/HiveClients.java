package io.aro.rp.cloud.hive;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The client of Hive's management cluster. */
public final class HiveClients {
    private HiveClients() {
    }

    /**
     * A client of the management cluster described by {@code kubeconfig}, or of the cluster this process
     * runs in (its pod's service account) when it is null.
     */
    public static KubernetesClient connect(Path kubeconfig) {
        if (kubeconfig == null) {
            return new KubernetesClientBuilder().build();
        }
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ARO_HIVE_KUBECONFIG " + kubeconfig, e);
        }
    }
}
