package io.aro.rp.cloud.openshift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.EncryptionAtHost;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.cloud.TransientCloudException;
import io.aro.rp.cloud.azure.AzureFixture;
import io.aro.rp.cloud.azure.FakeArm;
import io.aro.rp.testing.InstalledCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Day 2 through an installed cluster's API server (fabric8's mock API server), with the admin kubeconfig the RP keeps. */
class OpenShiftApiServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeArm arm = new FakeArm();
    final String subscription = UUID.randomUUID().toString();
    final InstalledCluster cluster = new InstalledCluster(subscription, "aro-vnet", "aro-vnet", "worker");
    final OpenShiftApiServer apiServer = new OpenShiftApiServer(Duration.ofSeconds(5));
    OpenShiftCluster oc;

    @BeforeEach
    void installed() {
        oc = new AzureFixture(arm, subscription).cluster("one");
        oc.getProperties().setAdminKubeconfig(SecureString.of(cluster.kubeconfig()));
        oc.getProperties().getServicePrincipalProfile().setTenantId("tenant-1");
        oc.getProperties().getHiveProfile().setInfraId("one-hive1");
    }

    @AfterEach
    void stop() {
        cluster.close();
        arm.close();
    }

    @Test
    void theIngressIpIsTheDefaultRoutersLoadBalancer() {
        assertEquals(InstalledCluster.ROUTER_IP, apiServer.ingressIp(oc));
        cluster.client().services().inNamespace("openshift-ingress").withName("router-default").edit(s -> {
            s.getStatus().getLoadBalancer().setIngress(List.of());
            return s;
        });
        assertNull(apiServer.ingressIp(oc), "no IP yet: the caller waits");
    }

    @Test
    void theWorkerProfilesAreTheWorkerMachineSets() {
        List<WorkerProfile> profiles = apiServer.workerProfiles(oc);
        assertEquals(List.of("cluster-worker-eastus1", "cluster-worker-eastus2", "cluster-worker-eastus3"),
                profiles.stream().map(WorkerProfile::getName).toList(), "infra machine sets are not workers");
        WorkerProfile first = profiles.get(0);
        assertEquals("Standard_D4s_v3", first.getVmSize());
        assertEquals(128, first.getDiskSizeGB());
        assertEquals(1, first.getCount());
        assertEquals(EncryptionAtHost.DISABLED, first.getEncryptionAtHost());
        assertEquals("/subscriptions/" + subscription + "/resourceGroups/aro-vnet/providers/Microsoft.Network/virtualNetworks/aro-vnet/subnets/worker",
                first.getSubnetId());
    }

    @Test
    void aRotatedServicePrincipalReplacesTheClustersAzureCredentialsAndRestartsTheCredentialOperator() throws Exception {
        apiServer.updateServicePrincipal(oc);
        var sp = oc.getProperties().getServicePrincipalProfile();
        assertEquals(sp.getClientId(), cluster.secretValue("kube-system", "azure-credentials", "azure_client_id"));
        assertEquals(sp.getClientSecret().reveal(), cluster.secretValue("kube-system", "azure-credentials", "azure_client_secret"));
        assertEquals("tenant-1", cluster.secretValue("kube-system", "azure-credentials", "azure_tenant_id"));
        assertEquals("aro-one", cluster.secretValue("kube-system", "azure-credentials", "azure_resourcegroup"));
        assertEquals("one-hive1", cluster.secretValue("kube-system", "azure-credentials", "azure_resource_prefix"));
        var cloudConfig = JSON.readTree(cluster.secretValue("kube-system", "azure-cloud-provider", "cloud-config"));
        assertEquals(sp.getClientId(), cloudConfig.path("aadClientId").asText());
        assertEquals(subscription, cloudConfig.path("subscriptionId").asText(), "the rest of the cloud config is kept");
        assertTrue(cluster.client().pods().inNamespace("openshift-cloud-credential-operator").list().getItems().isEmpty());

        // run again with nothing to change: the operator is left alone
        cluster.client().pods().inNamespace("openshift-cloud-credential-operator").resource(new PodBuilder().withNewMetadata()
                .withName("cloud-credential-operator-1").addToLabels("app", "cloud-credential-operator").endMetadata().build()).create();
        String version = cluster.client().secrets().inNamespace("kube-system").withName("azure-credentials").get().getMetadata().getResourceVersion();
        apiServer.updateServicePrincipal(oc);
        assertEquals(version, cluster.client().secrets().inNamespace("kube-system").withName("azure-credentials").get().getMetadata().getResourceVersion());
        assertEquals(1, cluster.client().pods().inNamespace("openshift-cloud-credential-operator").list().getItems().size());
    }

    @Test
    void anUnreachableApiServerIsTransient() {
        oc.getProperties().setAdminKubeconfig(SecureString.of(cluster.kubeconfig().replaceAll("server: http\\S+", "server: http://127.0.0.1:1")));
        assertThrows(TransientCloudException.class, () -> apiServer.ingressIp(oc));
    }
}
