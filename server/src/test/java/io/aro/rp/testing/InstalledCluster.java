package io.aro.rp.testing;

import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.machine.v1beta1.MachineSet;
import io.fabric8.openshift.api.model.machine.v1beta1.MachineSetBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An installed OpenShift cluster's API server for day-2 tests: a {@link MockKubernetes} holding what the
 * RP reads and writes there: the default router's service with its load balancer IP, the worker
 * MachineSets with their Azure provider spec, the Azure credentials secrets, and the cloud credential
 * operator's pod.
 */
public final class InstalledCluster implements AutoCloseable {
    public static final String ROUTER_IP = "20.40.60.80";

    public final MockKubernetes server = new MockKubernetes();
    private final KubernetesClient client = server.client();

    /** A cluster as the installer leaves it, in subscription {@code subscription}, with its workers on {@code workerSubnet} (vnet group/vnet/subnet). */
    public InstalledCluster(String subscription, String vnetGroup, String vnet, String workerSubnet) {
        Service router = new ServiceBuilder().withNewMetadata().withName("router-default").withNamespace("openshift-ingress").endMetadata()
                .withNewSpec().withType("LoadBalancer").endSpec()
                .withNewStatus().withNewLoadBalancer().withIngress(new LoadBalancerIngressBuilder().withIp(ROUTER_IP).build()).endLoadBalancer().endStatus()
                .build();
        client.services().inNamespace("openshift-ingress").resource(router).create();
        for (String zone : new String[] {"1", "2", "3"}) {
            client.resources(MachineSet.class).inNamespace("openshift-machine-api").resource(machineSet("cluster-worker-eastus" + zone, vnetGroup, vnet,
                    workerSubnet)).create();
        }
        client.resources(MachineSet.class).inNamespace("openshift-machine-api").resource(new MachineSetBuilder().withNewMetadata()
                .withName("cluster-infra-eastus1").withNamespace("openshift-machine-api").endMetadata().withNewSpec().withReplicas(2).withNewTemplate()
                .withNewMetadata().addToLabels("machine.openshift.io/cluster-api-machine-role", "infra").endMetadata().endTemplate().endSpec().build())
                .create();
        secret("kube-system", "azure-credentials", Map.of("azure_client_id", "installer-client", "azure_client_secret", "installer-secret"));
        secret("kube-system", "azure-cloud-provider", Map.of("cloud-config", "{\"cloud\":\"AzurePublicCloud\",\"aadClientId\":\"installer-client\","
                + "\"aadClientSecret\":\"installer-secret\",\"subscriptionId\":\"" + subscription + "\"}"));
        client.pods().inNamespace("openshift-cloud-credential-operator").resource(new PodBuilder().withNewMetadata().withName("cloud-credential-operator-0")
                .withNamespace("openshift-cloud-credential-operator").addToLabels("app", "cloud-credential-operator").endMetadata().build()).create();
    }

    private static MachineSet machineSet(String name, String vnetGroup, String vnet, String subnet) {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("apiVersion", "machine.openshift.io/v1beta1");
        provider.put("kind", "AzureMachineProviderSpec");
        provider.put("vmSize", "Standard_D4s_v3");
        provider.put("osDisk", Map.of("diskSizeGB", 128, "osType", "Linux"));
        provider.put("networkResourceGroup", vnetGroup);
        provider.put("vnet", vnet);
        provider.put("subnet", subnet);
        provider.put("securityProfile", Map.of("encryptionAtHost", false));
        return new MachineSetBuilder().withNewMetadata().withName(name).withNamespace("openshift-machine-api").endMetadata()
                .withNewSpec().withReplicas(1).withNewTemplate()
                .withNewMetadata().addToLabels("machine.openshift.io/cluster-api-machine-role", "worker").endMetadata()
                .withNewSpec().withNewProviderSpec().withValue(provider).endProviderSpec().endSpec()
                .endTemplate().endSpec().build();
    }

    private void secret(String namespace, String name, Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((k, v) -> data.put(k, encode(v)));
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withData(data).build()).create();
    }

    /** A value of a secret in the cluster, decoded. */
    public String secretValue(String namespace, String name, String key) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    public KubernetesClient client() {
        return client;
    }

    public String kubeconfig() {
        return server.kubeconfig("installed");
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
