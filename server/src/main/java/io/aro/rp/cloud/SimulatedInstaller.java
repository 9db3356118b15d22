package io.aro.rp.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.cloud.SimulatedCloud.Simulation;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SIMULATED Hive and installed cluster, used only by {@code ARO_CLOUD=simulated} (the local default)
 * and tests: the "management cluster" keeps a namespace and a ClusterDeployment per cluster in
 * {@link SimulatedResources}, reports them installed at once, and makes up credentials (kept, so that
 * asked again it gives the same ones). Nothing is installed anywhere.
 */
public final class SimulatedInstaller implements OpenShiftInstaller, ClusterApiServer {
    private final SimulatedResources resources;
    private final Duration stepDelay;
    private final SecureRandom random = new SecureRandom();

    public SimulatedInstaller(SimulatedResources resources, Duration stepDelay) {
        this.resources = resources;
        this.stepDelay = stepDelay;
    }

    @Override
    public void install(OpenShiftCluster cluster, OpenShiftVersion version, CorrelationData correlation, WorkloadIdentityInstall workloadIdentity) {
        Simulation.pause(stepDelay);
        String namespace = namespace(cluster);
        resources.create(namespace, "Namespace", Map.of());
        if (workloadIdentity != null) {
            // what Hive would hand the installer: the issuer the cluster's tokens name, and an operator credentials secret each
            resources.create(namespace + "/secrets/workload-identity-manifests", "Secret", Map.of(
                    "serviceAccountIssuer", cluster.getProperties().getClusterProfile().getOidcIssuer(),
                    "operators", String.join(",", cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().keySet())));
        }
        byte[] password = new byte[18];
        random.nextBytes(password);
        String domain = cluster.getProperties().getClusterProfile().getDomain();
        resources.create(namespace + "/secrets/admin", "Secret", Map.of(
                "kubeadminPassword", Base64.getUrlEncoder().withoutPadding().encodeToString(password),
                "kubeconfig", "apiVersion: v1\nkind: Config\nclusters:\n- name: " + cluster.getName() + "\n  cluster:\n    server: https://api."
                        + domain + ":6443\n"));
        resources.create(namespace + "/clusterdeployments/cluster", "ClusterDeployment", Map.of("releaseImage", version.openShiftPullspec(),
                "installerImage", version.installerPullspec()));
        // the machines the installer would create in the cluster's resource group
        String machines = cluster.getProperties().getClusterProfile().getResourceGroupId() + "/providers/Microsoft.Compute/virtualMachines/"
                + cluster.getProperties().getInfraId();
        for (int i = 0; i < 3; i++) {
            resources.create(machines + "-master-" + i, "Microsoft.Compute/virtualMachines", Map.of());
        }
    }

    @Override
    public InstallationStatus status(OpenShiftCluster cluster) {
        return resources.read(namespace(cluster) + "/clusterdeployments/cluster").isPresent()
                ? new InstallationStatus.Installed() : new InstallationStatus.InProgress("no ClusterDeployment");
    }

    @Override
    public ClusterAccess access(OpenShiftCluster cluster) {
        JsonNode admin = resources.read(namespace(cluster) + "/secrets/admin").orElseThrow(
                () -> new CloudError(500, new CloudErrorBody("InternalServerError", "The installed cluster has no admin credentials.", null, null))
                        .toException());
        String domain = cluster.getProperties().getClusterProfile().getDomain();
        return new ClusterAccess("https://api." + domain + ":6443", "https://console-openshift-console.apps." + domain,
                cluster.getProperties().getInfraId(), SecureString.of(admin.path("kubeadminPassword").asText()),
                SecureString.of(admin.path("kubeconfig").asText()));
    }

    @Override
    public void updateInstallation(OpenShiftCluster cluster, CorrelationData correlation) {
        Simulation.pause(stepDelay);
        String namespace = namespace(cluster);
        resources.create(namespace, "Namespace", Map.of());
        resources.replace(namespace + "/secrets/cluster-service-principal-secret", "Secret",
                Map.of("clientId", cluster.getProperties().getServicePrincipalProfile().getClientId()));
    }

    @Override
    public void deleteInstallation(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        String namespace = cluster.getProperties().getHiveProfile().getNamespace();
        if (namespace == null) {
            return;
        }
        String prefix = namespace(cluster).toLowerCase(Locale.ROOT);
        for (String id : resources.ids()) {
            if (id.startsWith(prefix + "/")) {
                resources.delete(id);
            }
        }
        resources.delete(prefix);
    }

    @Override
    public String ingressIp(OpenShiftCluster cluster) {
        return Simulation.ip(cluster.getProperties().getInfraId(), 2);
    }

    @Override
    public List<WorkerProfile> workerProfiles(OpenShiftCluster cluster) {
        List<WorkerProfile> running = new ArrayList<>();
        for (WorkerProfile requested : cluster.getProperties().getWorkerProfiles()) {
            WorkerProfile profile = new WorkerProfile();
            profile.setName(cluster.getProperties().getInfraId() + "-" + requested.getName() + "-" + cluster.getLocation());
            profile.setVmSize(requested.getVmSize());
            profile.setDiskSizeGB(requested.getDiskSizeGB());
            profile.setSubnetId(requested.getSubnetId());
            profile.setCount(requested.getCount());
            profile.setEncryptionAtHost(requested.getEncryptionAtHost());
            profile.setDiskEncryptionSetId(requested.getDiskEncryptionSetId());
            running.add(profile);
        }
        return running;
    }

    @Override
    public void updateServicePrincipal(OpenShiftCluster cluster) {
        Simulation.pause(stepDelay);
        // the cluster runs on the machines in its resource group: what is in it goes when the group goes
        resources.replace(cluster.getProperties().getClusterProfile().getResourceGroupId() + "/cluster/namespaces/kube-system/secrets/azure-credentials",
                "Secret",
                Map.of("azure_client_id", cluster.getProperties().getServicePrincipalProfile().getClientId()));
    }

    private static String namespace(OpenShiftCluster cluster) {
        String namespace = cluster.getProperties().getHiveProfile().getNamespace();
        if (namespace == null) {
            throw new IllegalStateException("the cluster has no Hive namespace yet");
        }
        return "hive/namespaces/" + namespace;
    }
}
