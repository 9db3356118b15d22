package io.aro.rp.cloud.openshift;

import static io.aro.rp.cloud.hive.KubernetesCalls.call;
import static io.aro.rp.cloud.hive.KubernetesCalls.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.EncryptionAtHost;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.cloud.ClusterApiServer;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.openshift.api.model.machine.v1beta1.MachineSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Day 2 on an installed cluster through its own API server, with the admin kubeconfig stored (sealed) on
 * the cluster document: the default ingress controller's IP, the worker MachineSets, and the cluster's
 * Azure credentials after a service principal rotation (as ARO's updateOpenShiftSecret and
 * updateAROSecret do).
 */
public final class OpenShiftApiServer implements ClusterApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(OpenShiftApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String WORKER_ROLE_LABEL = "machine.openshift.io/cluster-api-machine-role";

    private final Duration requestTimeout;

    /** @param requestTimeout how long one request to a cluster's API server may take */
    public OpenShiftApiServer(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    @Override
    public String ingressIp(OpenShiftCluster cluster) {
        try (KubernetesClient client = connect(cluster)) {
            Service router = call(() -> client.services().inNamespace("openshift-ingress").withName("router-default").get(),
                    "reading the default router's service");
            if (router == null || router.getStatus() == null || router.getStatus().getLoadBalancer() == null
                    || router.getStatus().getLoadBalancer().getIngress() == null) {
                return null;
            }
            return router.getStatus().getLoadBalancer().getIngress().stream().map(LoadBalancerIngress::getIp).filter(ip -> ip != null && !ip.isEmpty())
                    .findFirst().orElse(null);
        }
    }

    @Override
    public List<WorkerProfile> workerProfiles(OpenShiftCluster cluster) {
        try (KubernetesClient client = connect(cluster)) {
            List<MachineSet> machineSets = call(() -> client.resources(MachineSet.class).inNamespace("openshift-machine-api").list().getItems(),
                    "listing the MachineSets");
            List<WorkerProfile> profiles = new ArrayList<>();
            for (MachineSet machineSet : machineSets) {
                if (isWorker(machineSet)) {
                    profiles.add(profile(cluster, machineSet));
                }
            }
            return profiles;
        }
    }

    @Override
    public void updateServicePrincipal(OpenShiftCluster cluster) {
        try (KubernetesClient client = connect(cluster)) {
            boolean changed = updateAzureCredentials(client, cluster);
            changed |= updateCloudProvider(client, cluster);
            if (changed) {
                // the cloud credential operator reads the secret at start: restarting it makes it hand out the new credentials
                run(() -> client.pods().inNamespace("openshift-cloud-credential-operator").withLabel("app", "cloud-credential-operator").delete(),
                        "restarting the cloud credential operator");
                LOG.info("the cluster's Azure credentials now name the rotated service principal");
            }
        }
    }

    /** kube-system/azure-credentials, which the cloud credential operator hands out to the cluster's operators. */
    private static boolean updateAzureCredentials(KubernetesClient client, OpenShiftCluster cluster) {
        var p = cluster.getProperties();
        String group = p.getClusterProfile().getResourceGroupId();
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("azure_subscription_id", cluster.getId().split("/")[2]);
        wanted.put("azure_resource_prefix", p.getHiveProfile().getInfraId() != null ? p.getHiveProfile().getInfraId() : p.getInfraId());
        wanted.put("azure_resourcegroup", group.substring(group.lastIndexOf('/') + 1));
        wanted.put("azure_region", cluster.getLocation());
        wanted.put("azure_client_id", p.getServicePrincipalProfile().getClientId());
        wanted.put("azure_client_secret", p.getServicePrincipalProfile().getClientSecret().reveal());
        wanted.put("azure_tenant_id", p.getServicePrincipalProfile().getTenantId());
        Map<String, String> data = new LinkedHashMap<>();
        wanted.forEach((key, value) -> data.put(key, encode(value == null ? "" : value)));

        Secret existing = call(() -> client.secrets().inNamespace("kube-system").withName("azure-credentials").get(), "reading kube-system/azure-credentials");
        if (existing == null) {
            Secret secret = new SecretBuilder().withNewMetadata().withName("azure-credentials").withNamespace("kube-system").endMetadata()
                    .withType("Opaque").withData(data).build();
            run(() -> client.secrets().inNamespace("kube-system").resource(secret).create(), "creating kube-system/azure-credentials");
            return true;
        }
        if (data.equals(existing.getData())) {
            return false;
        }
        run(() -> client.secrets().inNamespace("kube-system").withName("azure-credentials").edit(s -> new SecretBuilder(s).withData(data).build()),
                "updating kube-system/azure-credentials");
        return true;
    }

    /** kube-system/azure-cloud-provider's cloud-config, when the cluster has one (the in-tree cloud provider's credentials). */
    private static boolean updateCloudProvider(KubernetesClient client, OpenShiftCluster cluster) {
        Secret secret = call(() -> client.secrets().inNamespace("kube-system").withName("azure-cloud-provider").get(),
                "reading kube-system/azure-cloud-provider");
        if (secret == null || secret.getData() == null || !secret.getData().containsKey("cloud-config")) {
            return false; // not ours to create: the cluster does not use it
        }
        var sp = cluster.getProperties().getServicePrincipalProfile();
        try {
            ObjectNode config = (ObjectNode) JSON.readTree(Base64.getDecoder().decode(secret.getData().get("cloud-config")));
            if (sp.getClientId().equals(config.path("aadClientId").asText()) && sp.getClientSecret().reveal().equals(config.path("aadClientSecret").asText())) {
                return false;
            }
            config.put("aadClientId", sp.getClientId()).put("aadClientSecret", sp.getClientSecret().reveal());
            String encoded = encode(JSON.writeValueAsString(config));
            run(() -> client.secrets().inNamespace("kube-system").withName("azure-cloud-provider")
                    .edit(s -> new SecretBuilder(s).addToData("cloud-config", encoded).build()), "updating kube-system/azure-cloud-provider");
            return true;
        } catch (IOException | ClassCastException e) {
            LOG.warn("kube-system/azure-cloud-provider holds no JSON cloud-config; left as it is");
            return false;
        }
    }

    private static boolean isWorker(MachineSet machineSet) {
        var template = machineSet.getSpec() == null ? null : machineSet.getSpec().getTemplate();
        var labels = template == null || template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return labels != null && "worker".equals(labels.get(WORKER_ROLE_LABEL));
    }

    /** A worker profile as ARO reports it for a MachineSet: its name, replicas and the Azure machine provider spec. */
    private static WorkerProfile profile(OpenShiftCluster cluster, MachineSet machineSet) {
        WorkerProfile profile = new WorkerProfile();
        profile.setName(machineSet.getMetadata().getName());
        profile.setCount(machineSet.getSpec().getReplicas() == null ? 0 : machineSet.getSpec().getReplicas());
        var spec = machineSet.getSpec().getTemplate().getSpec();
        JsonNode provider = spec == null || spec.getProviderSpec() == null ? JSON.missingNode() : JSON.valueToTree(spec.getProviderSpec().getValue());
        profile.setVmSize(textOrNull(provider.path("vmSize")));
        if (provider.path("osDisk").path("diskSizeGB").isInt()) {
            profile.setDiskSizeGB(provider.path("osDisk").path("diskSizeGB").asInt());
        }
        String group = textOrNull(provider.path("networkResourceGroup"));
        String vnet = textOrNull(provider.path("vnet"));
        String subnet = textOrNull(provider.path("subnet"));
        if (group != null && vnet != null && subnet != null) {
            profile.setSubnetId("/subscriptions/" + cluster.getId().split("/")[2] + "/resourceGroups/" + group
                    + "/providers/Microsoft.Network/virtualNetworks/" + vnet + "/subnets/" + subnet);
        }
        profile.setEncryptionAtHost(provider.path("securityProfile").path("encryptionAtHost").asBoolean(false) ? EncryptionAtHost.ENABLED
                : EncryptionAtHost.DISABLED);
        profile.setDiskEncryptionSetId(textOrNull(provider.path("osDisk").path("managedDisk").path("diskEncryptionSet").path("id")));
        return profile;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private KubernetesClient connect(OpenShiftCluster cluster) {
        if (cluster.getProperties().getAdminKubeconfig() == null) {
            throw new IllegalStateException("the cluster has no admin kubeconfig: it was never installed");
        }
        Config config = Config.fromKubeconfig(cluster.getProperties().getAdminKubeconfig().reveal());
        config.setRequestTimeout((int) requestTimeout.toMillis());
        config.setConnectionTimeout((int) requestTimeout.toMillis());
        config.setRequestRetryBackoffLimit(0); // the step's own retry policy retries transient failures
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
