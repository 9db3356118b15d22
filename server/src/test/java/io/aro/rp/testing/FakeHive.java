package io.aro.rp.testing;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeployment;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeploymentCondition;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeploymentStatus;
import io.fabric8.openshift.api.model.hive.v1.ClusterMetadata;
import io.fabric8.openshift.api.model.hive.v1.ClusterProvision;
import io.fabric8.openshift.api.model.hive.v1.ClusterProvisionSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A small controller that plays Hive on a {@link MockKubernetes} management cluster: it watches for
 * ClusterDeployments (by polling) and, as Hive would once the installer ran, either writes the admin
 * kubeconfig and kubeadmin password secrets, sets {@code spec.clusterMetadata}, {@code spec.installed}
 * and the API and console URLs, or sets a failure condition with the installer's log in a
 * ClusterProvision. What it does is chosen per test; it never acts twice on one ClusterDeployment.
 */
public final class FakeHive implements AutoCloseable {
    /** What Hive does with the next installations. */
    public sealed interface Outcome {
    }

    /** The installer succeeds: the cluster's credentials are these; {@code onInstalled} gets the installer's infraID (to create its Azure resources). */
    public record Installs(String kubeconfig, String password, Consumer<String> onInstalled) implements Outcome {
    }

    /** The installer fails with this condition reason and message, and this install log. */
    public record Fails(String reason, String message, String installLog) implements Outcome {
    }

    /** Hive never finishes. */
    public record Hangs() implements Outcome {
    }

    private final KubernetesClient client;
    private final Thread thread;
    private final Map<String, Boolean> handled = new ConcurrentHashMap<>();
    private volatile Outcome outcome = new Hangs();
    private volatile boolean running = true;

    public FakeHive(KubernetesClient client) {
        this.client = client;
        this.thread = new Thread(this::loop, "fake-hive");
        thread.setDaemon(true);
        thread.start();
    }

    public void outcome(Outcome outcome) {
        this.outcome = outcome;
    }

    /** The infraID Hive gives the cluster of {@code namespace}. */
    public static String infraId(String namespace) {
        return "hive-" + namespace.substring(namespace.length() - 5);
    }

    private void loop() {
        while (running) {
            try {
                for (ClusterDeployment cd : client.resources(ClusterDeployment.class).inAnyNamespace().list().getItems()) {
                    String key = cd.getMetadata().getNamespace() + "/" + cd.getMetadata().getUid();
                    if (!Boolean.TRUE.equals(cd.getSpec().getInstalled()) && !(outcome instanceof Hangs) && handled.putIfAbsent(key, true) == null) {
                        act(cd, outcome);
                    }
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            } catch (KubernetesClientException e) {
                // the server is stopping, or a namespace went away under the listing: look again
            }
        }
    }

    private void act(ClusterDeployment cd, Outcome what) {
        String namespace = cd.getMetadata().getNamespace();
        String name = cd.getMetadata().getName();
        if (what instanceof Installs installs) {
            secret(namespace, name + "-admin-kubeconfig", Map.of("kubeconfig", installs.kubeconfig(), "raw-kubeconfig", installs.kubeconfig()));
            secret(namespace, name + "-admin-password", Map.of("username", "kubeadmin", "password", installs.password()));
            String infraId = infraId(namespace);
            installs.onInstalled().accept(infraId);
            client.resources(ClusterDeployment.class).inNamespace(namespace).withName(name).edit(current -> {
                ClusterMetadata metadata = new ClusterMetadata();
                metadata.setAdminKubeconfigSecretRef(new LocalObjectReference(name + "-admin-kubeconfig"));
                metadata.setAdminPasswordSecretRef(new LocalObjectReference(name + "-admin-password"));
                metadata.setClusterID(java.util.UUID.randomUUID().toString());
                metadata.setInfraID(infraId);
                current.getSpec().setClusterMetadata(metadata);
                current.getSpec().setInstalled(true);
                ClusterDeploymentStatus status = new ClusterDeploymentStatus();
                String domain = current.getSpec().getClusterName() + "." + current.getSpec().getBaseDomain();
                status.setApiURL("https://api." + domain + ":6443");
                status.setWebConsoleURL("https://console-openshift-console.apps." + domain);
                status.setConditions(List.of(condition("Provisioned", "True", "ProvisionedSuccessfully", "Cluster is provisioned")));
                current.setStatus(status);
                return current;
            });
        } else if (what instanceof Fails fails) {
            ClusterProvision provision = new ClusterProvision();
            provision.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name + "-0-abcde").withNamespace(namespace).build());
            ClusterProvisionSpec spec = new ClusterProvisionSpec();
            spec.setInstallLog(fails.installLog());
            spec.setStage("failed");
            provision.setSpec(spec);
            client.resources(ClusterProvision.class).inNamespace(namespace).resource(provision).create();
            client.resources(ClusterDeployment.class).inNamespace(namespace).withName(name).edit(current -> {
                ClusterDeploymentStatus status = new ClusterDeploymentStatus();
                status.setProvisionRef(new LocalObjectReference(name + "-0-abcde"));
                List<ClusterDeploymentCondition> conditions = new ArrayList<>();
                conditions.add(condition("ProvisionFailed", "True", fails.reason(), fails.message()));
                conditions.add(condition("ProvisionStopped", "True", "InstallAttemptsLimitReached", "Install attempts limit reached"));
                status.setConditions(conditions);
                current.setStatus(status);
                return current;
            });
        }
    }

    private void secret(String namespace, String name, Map<String, String> values) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withData(data).build()).create();
    }

    private static ClusterDeploymentCondition condition(String type, String status, String reason, String message) {
        ClusterDeploymentCondition condition = new ClusterDeploymentCondition();
        condition.setType(type);
        condition.setStatus(status);
        condition.setReason(reason);
        condition.setMessage(message);
        return condition;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
