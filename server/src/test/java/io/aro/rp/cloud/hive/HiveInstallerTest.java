package io.aro.rp.cloud.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.SecureString;
import io.aro.rp.cloud.ClusterAccess;
import io.aro.rp.cloud.InstallationStatus;
import io.aro.rp.cloud.TransientCloudException;
import io.aro.rp.cloud.WorkloadIdentityCloud.ClusterIdentityCertificate;
import io.aro.rp.cloud.WorkloadIdentityInstall;
import io.aro.rp.cloud.azure.AzureFixture;
import io.aro.rp.cloud.azure.FakeArm;
import io.aro.rp.config.PlatformWorkloadIdentityRoleSetSeed;
import io.aro.rp.testing.FakeHive;
import io.aro.rp.testing.MockKubernetes;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Hive installer against fabric8's mock API server as Hive's management cluster, with a test controller playing Hive. */
class HiveInstallerTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenShiftVersion VERSION = new OpenShiftVersion("4.14.38", "registry.example/ocp-release@sha256:1111",
            "registry.example/aro-installer@sha256:2222");

    final FakeArm arm = new FakeArm();
    final MockKubernetes server = new MockKubernetes();
    final KubernetesClient hive = server.client();
    final HiveInstaller installer = new HiveInstaller(hive, "AzurePublicCloud");
    OpenShiftCluster oc;
    String namespace;

    @BeforeEach
    void cluster() {
        oc = new AzureFixture(arm, UUID.randomUUID().toString()).cluster("one");
        namespace = "aro-" + UUID.randomUUID();
        oc.getProperties().getHiveProfile().setNamespace(namespace);
        oc.getProperties().getServicePrincipalProfile().setTenantId("tenant-1");
        oc.getProperties().getClusterProfile().setPullSecret(SecureString.of("{\"auths\":{\"registry.redhat.io\":{\"auth\":\"eHl6\"}}}"));
        var install = new io.aro.rp.api.Install();
        install.setMachineNetworks(List.of("10.0.0.0/23", "10.0.2.0/23"));
        oc.getProperties().setInstall(install);
    }

    @AfterEach
    void stop() {
        server.close();
        arm.close();
    }

    private ClusterDeployment clusterDeployment() {
        return hive.resources(ClusterDeployment.class).inNamespace(namespace).withName("cluster").get();
    }

    private String secret(String name, String key) {
        Secret secret = hive.secrets().inNamespace(namespace).withName(name).get();
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void theInstallationIsANamespaceItsSecretsAndAClusterDeploymentAsAroWritesThem() throws Exception {
        installer.install(oc, VERSION, new CorrelationData("corr-1", "client-1", "request-1"), null);

        assertEquals(oc.getId(), hive.namespaces().withName(namespace).get().getMetadata().getAnnotations().get("aro.openshift.io/resource-id"));
        ClusterDeployment cd = clusterDeployment();
        assertEquals(Boolean.FALSE, cd.getSpec().getInstalled());
        assertEquals(Boolean.TRUE, cd.getSpec().getPreserveOnDelete(), "the RP deletes the Azure resources itself");
        assertEquals(Boolean.FALSE, cd.getSpec().getManageDNS());
        assertEquals(1, cd.getSpec().getInstallAttemptsLimit());
        assertEquals(VERSION.openShiftPullspec(), cd.getSpec().getProvisioning().getReleaseImage());
        assertEquals(VERSION.installerPullspec(), cd.getSpec().getProvisioning().getInstallerImageOverride());
        assertEquals("aro-installconfig", cd.getSpec().getProvisioning().getInstallConfigSecretRef().getName());
        assertEquals("aro-pullsecret", cd.getSpec().getPullSecretRef().getName());
        assertEquals("cluster-service-principal-secret", cd.getSpec().getPlatform().getAzure().getCredentialsSecretRef().getName());
        assertEquals("eastus", cd.getSpec().getPlatform().getAzure().getRegion());
        assertEquals("aro-one", cd.getSpec().getPlatform().getAzure().getBaseDomainResourceGroupName());
        assertEquals("example", cd.getSpec().getClusterName());
        assertEquals("contoso.com", cd.getSpec().getBaseDomain());
        assertEquals("corr-1", cd.getMetadata().getAnnotations().get("aro.openshift.io/correlation-request-id"));
        assertEquals("client-1", cd.getMetadata().getAnnotations().get("aro.openshift.io/client-request-id"));
        assertEquals("true", cd.getMetadata().getAnnotations().get("hive.openshift.io/infra-disabled"));
        assertEquals("eastus", cd.getMetadata().getLabels().get("hive.openshift.io/cluster-region"));

        assertEquals(oc.getProperties().getClusterProfile().getPullSecret().reveal(), secret("aro-pullsecret", ".dockerconfigjson"));
        assertEquals("kubernetes.io/dockerconfigjson", hive.secrets().inNamespace(namespace).withName("aro-pullsecret").get().getType());
        JsonNode sp = JSON.readTree(secret("cluster-service-principal-secret", "osServicePrincipal.json"));
        assertEquals(oc.getProperties().getServicePrincipalProfile().getClientId(), sp.path("clientId").asText());
        assertEquals(oc.getProperties().getServicePrincipalProfile().getClientSecret().reveal(), sp.path("clientSecret").asText());
        assertEquals("tenant-1", sp.path("tenantId").asText());
        assertEquals(oc.getId().split("/")[2], sp.path("subscriptionId").asText());

        JsonNode config = YAML.readTree(secret("aro-installconfig", "install-config.yaml"));
        assertEquals("example", config.at("/metadata/name").asText());
        assertEquals("contoso.com", config.at("/baseDomain").asText());
        assertEquals(3, config.at("/controlPlane/replicas").asInt());
        assertEquals(oc.getProperties().getMasterProfile().getVmSize(), config.at("/controlPlane/platform/azure/type").asText());
        assertEquals(3, config.at("/compute/0/replicas").asInt());
        assertEquals(oc.getProperties().getWorkerProfiles().get(0).getVmSize(), config.at("/compute/0/platform/azure/type").asText());
        assertEquals(oc.getProperties().getNetworkProfile().getPodCidr(), config.at("/networking/clusterNetwork/0/cidr").asText());
        assertEquals(oc.getProperties().getNetworkProfile().getServiceCidr(), config.at("/networking/serviceNetwork/0").asText());
        assertEquals("10.0.2.0/23", config.at("/networking/machineNetwork/1/cidr").asText());
        assertEquals("OVNKubernetes", config.at("/networking/networkType").asText());
        assertEquals("aro-one", config.at("/platform/azure/resourceGroupName").asText());
        assertEquals("aro-vnet", config.at("/platform/azure/virtualNetwork").asText());
        assertEquals("worker", config.at("/platform/azure/computeSubnet").asText());
        assertEquals("External", config.at("/publish").asText());
        assertTrue(config.path("pullSecret").isMissingNode(), "Hive adds the pull secret from pullSecretRef");
    }

    @Test
    void aManagedIdentityClusterGetsItsIdentityCertificateSigningKeyAndManifests() throws Exception {
        OpenShiftCluster mi = new AzureFixture(arm, UUID.randomUUID().toString()).workloadIdentityCluster("mi");
        mi.getProperties().getHiveProfile().setNamespace(namespace);
        mi.getProperties().getClusterProfile().setPullSecret(SecureString.of("{\"auths\":{}}"));
        mi.getProperties().setInstall(oc.getProperties().getInstall());
        mi.getProperties().getClusterProfile().setOidcIssuer("https://oidc.example.net/mi-abcde");
        mi.getProperties().getClusterProfile().setBoundServiceAccountSigningKey(SecureString.of("-----BEGIN PRIVATE KEY-----\nkey\n"));
        mi.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities()
                .forEach((operator, identity) -> identity.setClientId("client-of-" + operator));
        PlatformWorkloadIdentityRoleSet roleSet = PlatformWorkloadIdentityRoleSetSeed.read(null).stream()
                .filter(r -> r.getOpenShiftVersion().equals("4.14")).findFirst().orElseThrow();
        byte[] pfx = {1, 2, 3, (byte) 0xff};

        installer.install(mi, VERSION, null, new WorkloadIdentityInstall(roleSet, new ClusterIdentityCertificate("cluster-client", "tenant-9", pfx)));

        JsonNode credentials = JSON.readTree(secret("cluster-service-principal-secret", "osServicePrincipal.json"));
        assertEquals("cluster-client", credentials.path("clientId").asText());
        assertEquals("tenant-9", credentials.path("tenantId").asText());
        assertEquals("/.azure/cluster-identity.pfx", credentials.path("clientCertificate").asText());
        assertTrue(credentials.path("clientSecret").isMissingNode(), "no secret: the certificate is the credential");
        byte[] stored = Base64.getDecoder().decode(hive.secrets().inNamespace(namespace).withName("cluster-service-principal-secret").get()
                .getData().get("cluster-identity.pfx"));
        assertEquals(List.of(1, 2, 3, 255), List.of(stored[0] & 0xff, stored[1] & 0xff, stored[2] & 0xff, stored[3] & 0xff));
        assertEquals("-----BEGIN PRIVATE KEY-----\nkey\n", secret("aro-bound-service-account-signing-key", "bound-service-account-signing-key.key"));

        ClusterDeployment cd = clusterDeployment();
        assertEquals("aro-workload-identity-manifests", cd.getSpec().getProvisioning().getManifestsSecretRef().getName());
        assertEquals("aro-bound-service-account-signing-key", cd.getSpec().getBoundServiceAccountSigningKeySecretRef().getName());
        assertEquals("Manual", YAML.readTree(secret("aro-installconfig", "install-config.yaml")).path("credentialsMode").asText());

        JsonNode authentication = YAML.readTree(secret("aro-workload-identity-manifests", "cluster-authentication-02-config.yaml"));
        assertEquals("Authentication", authentication.path("kind").asText());
        assertEquals("https://oidc.example.net/mi-abcde", authentication.at("/spec/serviceAccountIssuer").asText());
        Secret manifests = hive.secrets().inNamespace(namespace).withName("aro-workload-identity-manifests").get();
        assertEquals(1 + roleSet.getPlatformWorkloadIdentityRoles().size(), manifests.getData().size(), manifests.getData().keySet().toString());
        for (var role : roleSet.getPlatformWorkloadIdentityRoles()) {
            JsonNode secret = YAML.readTree(secret("aro-workload-identity-manifests", "99_" + role.getOperatorName() + "-credentials.yaml"));
            assertEquals(role.getSecretLocation().getNamespace(), secret.at("/metadata/namespace").asText());
            assertEquals(role.getSecretLocation().getName(), secret.at("/metadata/name").asText());
            assertEquals("client-of-" + role.getOperatorName(), secret.at("/stringData/azure_client_id").asText());
            assertEquals("tenant-9", secret.at("/stringData/azure_tenant_id").asText());
            assertEquals("/var/run/secrets/openshift/serviceaccount/token", secret.at("/stringData/azure_federated_token_file").asText());
            assertEquals("aro-mi", secret.at("/stringData/azure_resourcegroup").asText());
        }

        mi.getProperties().getHiveProfile().setInfraId("mi-hive1");
        mi.getProperties().setAdminKubeconfig(SecureString.of("apiVersion: v1\nkind: Config\n"));
        installer.updateInstallation(mi, null);
        assertEquals("/.azure/cluster-identity.pfx", JSON.readTree(secret("cluster-service-principal-secret", "osServicePrincipal.json"))
                .path("clientCertificate").asText(), "an update leaves the identity's credentials alone");
    }

    @Test
    void installingAgainChangesNothingAndRecreatesNothing() {
        installer.install(oc, VERSION, null, null);
        String namespaceVersion = hive.namespaces().withName(namespace).get().getMetadata().getResourceVersion();
        String cdVersion = clusterDeployment().getMetadata().getResourceVersion();
        String secretVersion = hive.secrets().inNamespace(namespace).withName("aro-installconfig").get().getMetadata().getResourceVersion();

        installer.install(oc, VERSION, null, null);

        assertEquals(namespaceVersion, hive.namespaces().withName(namespace).get().getMetadata().getResourceVersion());
        assertEquals(cdVersion, clusterDeployment().getMetadata().getResourceVersion());
        assertEquals(secretVersion, hive.secrets().inNamespace(namespace).withName("aro-installconfig").get().getMetadata().getResourceVersion());
        assertEquals(1, hive.resources(ClusterDeployment.class).inAnyNamespace().list().getItems().size());
        assertEquals(3, hive.secrets().inNamespace(namespace).list().getItems().size());
    }

    @Test
    void statusFollowsHiveAndCredentialsAreReadFromItsSecrets() throws Exception {
        installer.install(oc, VERSION, null, null);
        assertInstanceOf(InstallationStatus.InProgress.class, installer.status(oc));
        assertThrows(TransientCloudException.class, () -> installer.access(oc), "no credentials before Hive records them");

        try (FakeHive fakeHive = new FakeHive(hive)) {
            fakeHive.outcome(new FakeHive.Installs("apiVersion: v1\nkind: Config\n# from hive\n", "kubeadmin-123", infra -> { }));
            awaitStatus(InstallationStatus.Installed.class);
        }
        ClusterAccess access = installer.access(oc);
        assertEquals("apiVersion: v1\nkind: Config\n# from hive\n", access.adminKubeconfig().reveal());
        assertEquals("kubeadmin-123", access.kubeadminPassword().reveal());
        assertEquals("https://api.example.contoso.com:6443", access.apiServerUrl());
        assertEquals("https://console-openshift-console.apps.example.contoso.com", access.consoleUrl());
        assertEquals(FakeHive.infraId(namespace), access.infraId());
    }

    @Test
    void aFailedProvisionIsTheCustomersCloudErrorWithArmsDetails() throws Exception {
        installer.install(oc, VERSION, null, null);
        try (FakeHive fakeHive = new FakeHive(hive)) {
            fakeHive.outcome(new FakeHive.Fails("AzureSkuNotAvailable", "SKU not available", "level=error msg=400: DeploymentFailed: : Deployment "
                    + "failed. Details: : : {\"code\":\"DeploymentFailed\",\"details\":[{\"code\":\"SkuNotAvailable\",\"message\":\"The requested "
                    + "size for resource 'm0' is currently not available in location 'eastus'.\"}]}"));
            InstallationStatus status = awaitStatus(InstallationStatus.Failed.class);
            var error = ((InstallationStatus.Failed) status).error();
            assertEquals("SkuNotAvailable", error.getCode());
            assertEquals("SkuNotAvailable", error.getDetails().get(0).getCode());
            assertTrue(error.getDetails().get(0).getMessage().contains("not available in location 'eastus'"));
        }
    }

    @Test
    void aRotatedServicePrincipalReachesHiveAndALostClusterDeploymentIsAdopted() throws Exception {
        installer.install(oc, VERSION, null, null);
        hive.resources(ClusterDeployment.class).inNamespace(namespace).withName("cluster").delete();
        oc.getProperties().getServicePrincipalProfile().setClientSecret(SecureString.of("rotated"));
        oc.getProperties().setAdminKubeconfig(SecureString.of("apiVersion: v1\nkind: Config\n# kept by the RP\n"));
        oc.getProperties().getHiveProfile().setInfraId("one-hive1");

        installer.updateInstallation(oc, new CorrelationData("corr-2", null, null));

        assertEquals("rotated", JSON.readTree(secret("cluster-service-principal-secret", "osServicePrincipal.json")).path("clientSecret").asText());
        ClusterDeployment adopted = clusterDeployment();
        assertNotNull(adopted, "the lost ClusterDeployment is back");
        assertEquals(Boolean.TRUE, adopted.getSpec().getInstalled(), "adopted as installed: Hive does not install it again");
        assertNull(adopted.getSpec().getProvisioning());
        assertEquals("aro-service-kubeconfig-secret", adopted.getSpec().getClusterMetadata().getAdminKubeconfigSecretRef().getName());
        assertEquals("apiVersion: v1\nkind: Config\n# kept by the RP\n", secret("aro-service-kubeconfig-secret", "kubeconfig"));
        assertEquals("one-hive1", adopted.getSpec().getClusterMetadata().getInfraID());
        assertEquals("corr-2", adopted.getMetadata().getAnnotations().get("aro.openshift.io/correlation-request-id"));
    }

    @Test
    void deletingRemovesTheNamespaceAndSucceedsWhenItIsGone() {
        installer.install(oc, VERSION, null, null);
        installer.deleteInstallation(oc);
        assertNull(hive.namespaces().withName(namespace).get());
        installer.deleteInstallation(oc);
        oc.getProperties().getHiveProfile().setNamespace(null);
        installer.deleteInstallation(oc); // an install that never named its namespace
    }

    @Test
    void aManagementClusterWithoutHiveIsRefusedAtStart() {
        assertTrue(assertThrows(IllegalStateException.class, () -> new HiveInstaller(
                new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(new io.fabric8.kubernetes.client.ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build(), "AzurePublicCloud").verify())
                .getMessage().contains("does not serve ClusterDeployments"));
        new HiveInstaller(hive, "AzurePublicCloud").verify();
    }

    private InstallationStatus awaitStatus(Class<? extends InstallationStatus> type) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        InstallationStatus status = installer.status(oc);
        while (!type.isInstance(status)) {
            assertTrue(System.nanoTime() < deadline, "Hive reported " + status);
            Thread.sleep(50);
            status = installer.status(oc);
        }
        return status;
    }
}
