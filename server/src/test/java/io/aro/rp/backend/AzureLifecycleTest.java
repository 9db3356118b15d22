package io.aro.rp.backend;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.cloud.FederatedCredentials;
import io.aro.rp.cloud.ServiceAccountIssuer;
import io.aro.rp.cloud.azure.AzureClusterCloud;
import io.aro.rp.cloud.azure.AzureFixture;
import io.aro.rp.cloud.azure.AzureWorkloadIdentityCloud;
import io.aro.rp.cloud.azure.FakeArm;
import io.aro.rp.cloud.azure.FakeBlobStorage;
import io.aro.rp.cloud.azure.WorkloadIdentitySettings;
import io.aro.rp.cloud.hive.HiveInstaller;
import io.aro.rp.cloud.openshift.OpenShiftApiServer;
import io.aro.rp.config.PlatformWorkloadIdentityRoleSetSeed;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.FakeHive;
import io.aro.rp.testing.Http.Reply;
import io.aro.rp.testing.InstalledCluster;
import io.aro.rp.testing.MockKubernetes;
import io.aro.rp.testing.MutableClock;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.openshift.api.model.hive.v1.ClusterDeployment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole lifecycle through the API and the backend with nothing simulated: the real Azure SDK against
 * ARM served by WireMock, Hive's management cluster and the installed cluster served by fabric8's mock
 * API server, a test controller playing Hive.
 */
class AzureLifecycleTest {
    private static final String V = "?api-version=2023-11-22";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OIDC_ISSUER_ENDPOINT = "https://oidc.example.net/";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.ticking();
    LifecycleHarness rp;
    FakeArm arm;
    FakeBlobStorage blobs;
    AzureFixture azure;
    MockKubernetes hive;
    FakeHive fakeHive;
    InstalledCluster installedCluster;
    String sub;
    String cluster;
    OpenShiftClusterDocument installed;
    String clientId;

    @BeforeEach
    void start() {
        rp = new LifecycleHarness(EmbeddedDocumentStore.open(dir.resolve("rp.db"), clock, false, failure -> { }), clock, dir.resolve("cloud"));
        arm = new FakeArm();
        blobs = new FakeBlobStorage();
        sub = UUID.randomUUID().toString();
        azure = new AzureFixture(arm, sub);
        hive = new MockKubernetes();
        fakeHive = new FakeHive(hive.client());
        installedCluster = new InstalledCluster(sub, "aro-vnet", "aro-vnet", "worker");
        rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
        cluster = FrontendHarness.cluster(sub, "rg", "azure");
    }

    @AfterEach
    void stop() {
        rp.close();
        fakeHive.close();
        hive.close();
        installedCluster.close();
        arm.close();
        blobs.close();
    }

    private Backend backend(String owner, int workers, Duration heartbeat) {
        TokenCredential rpIdentity = FakeArm.principal(FakeArm.RP_PRINCIPAL);
        AzureClusterCloud cloud = new AzureClusterCloud(rpIdentity, AzureFixture.servicePrincipals(), azure.settings());
        AzureWorkloadIdentityCloud workloadIdentity = new AzureWorkloadIdentityCloud(rpIdentity, AzureFixture.clusterIdentity(), azure.settings(),
                new WorkloadIdentitySettings(blobs.uri(), URI.create(OIDC_ISSUER_ENDPOINT), "https://msi.invalid"));
        return rp.backend(owner, cloud, workloadIdentity, new HiveInstaller(hive.client(), "AzurePublicCloud"),
                new OpenShiftApiServer(Duration.ofSeconds(5)), workers, heartbeat, Duration.ofSeconds(2));
    }

    /** Hive installs the next clusters: the credentials are the installed cluster's, and the installer makes its load balancers. */
    private void hiveInstalls() {
        fakeHive.outcome(new FakeHive.Installs(installedCluster.kubeconfig(), "kubeadmin-from-hive", infraId -> azure.installerResources(
                rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getClusterProfile().getResourceGroupId(), infraId)));
    }

    private String create() {
        ObjectNode request = FrontendHarness.createRequest("2023-11-22", sub);
        ((ObjectNode) request.with("properties").with("clusterProfile")).put("domain", "azure." + AzureFixture.MANAGED_DOMAIN);
        clientId = request.at("/properties/servicePrincipalProfile/clientId").asText();
        azure.networkContributor(clientId);
        Reply put = rp.http.put(cluster + V, request, "x-ms-correlation-request-id", "corr-create");
        assertEquals(201, put.status(), put.toString());
        return local(put.header("Azure-AsyncOperation"));
    }

    private JsonNode awaitOperation(String statusUrl, String status) {
        JsonNode[] last = new JsonNode[1];
        await("the operation is " + status, WAIT, () -> {
            last[0] = rp.http.get(statusUrl).json();
            return status.equals(last[0].path("status").asText()) || "Failed".equals(last[0].path("status").asText());
        });
        assertEquals(status, last[0].path("status").asText(), last[0].toString());
        return last[0];
    }

    private static String local(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    /** The journal with this test's subscriptions, resource group, infrastructure IDs and role assignment names as placeholders. */
    private List<String> journal() {
        var properties = installed.getOpenShiftCluster().getProperties();
        String group = properties.getClusterProfile().getResourceGroupId();
        String groupName = group.substring(group.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String infra = properties.getInfraId().toLowerCase(Locale.ROOT);
        String hiveInfra = properties.getHiveProfile().getInfraId() == null ? "-" : properties.getHiveProfile().getInfraId().toLowerCase(Locale.ROOT);
        return arm.journal().stream().map(line -> line.replace("/subscriptions/" + sub.toLowerCase(Locale.ROOT), "/{sub}")
                .replace("/subscriptions/" + AzureFixture.RP_SUBSCRIPTION, "/{rpsub}")
                .replace("/resourcegroups/" + groupName, "/resourcegroups/{group}")
                .replace(hiveInfra, "{installer}")
                .replace(infra, "{infra}")
                .replaceAll("/roleassignments/[0-9a-f-]{36}", "/roleassignments/{name}")).toList();
    }

    private static final String VNET = "/{sub}/resourcegroups/aro-vnet/providers/microsoft.network/virtualnetworks/aro-vnet";
    private static final String GROUP = "/{sub}/resourcegroups/{group}";
    private static final String RP_ZONE = "/{rpsub}/resourcegroups/rp-eastus/providers/microsoft.network/dnszones/eastus.aroapp.io";
    private static final List<String> VALIDATE = List.of(
            "sp GET " + VNET + "/providers/microsoft.authorization/permissions",
            "rp GET " + VNET + "/providers/microsoft.authorization/permissions",
            "sp GET " + VNET,
            "sp GET " + VNET + "/subnets/master",
            "sp GET " + VNET + "/subnets/worker");

    /** A PUT that ARM runs long: sent, its Azure-AsyncOperation polled, the result read. */
    private static List<String> longRunningPut(String path) {
        return List.of("rp PUT " + path, "rp GET {operation}", "rp GET " + path);
    }

    private static List<String> concat(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(line -> all.add((String) line));
            } else {
                all.add((String) part);
            }
        }
        return all;
    }

    private ClusterDeployment clusterDeployment() {
        String namespace = installed.getOpenShiftCluster().getProperties().getHiveProfile().getNamespace();
        return hive.client().resources(ClusterDeployment.class).inNamespace(namespace).withName("cluster").get();
    }

    private String hiveSecret(String name, String key) {
        String namespace = installed.getOpenShiftCluster().getProperties().getHiveProfile().getNamespace();
        Secret secret = hive.client().secrets().inNamespace(namespace).withName(name).get();
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void installRotateAndDeleteThroughArmAndHive() throws Exception {
        hiveInstalls();
        backend("backend", 4, Duration.ofMillis(200));
        awaitOperation(create(), "Succeeded");
        installed = rp.cluster(cluster).orElseThrow();

        // what the RP sent to ARM before Hive took over, and after
        assertEquals(concat(
                VALIDATE,
                "rp GET " + GROUP,
                "rp PUT " + GROUP,
                "rp GET " + GROUP + "/providers/microsoft.resources/deployments/storage",
                longRunningPut(GROUP + "/providers/microsoft.resources/deployments/storage"),
                "rp GET " + VNET + "/subnets/master",
                longRunningPut(VNET + "/subnets/master"),
                "rp GET " + VNET + "/subnets/worker",
                longRunningPut(VNET + "/subnets/worker"),
                "rp GET " + GROUP + "/providers/microsoft.authorization/roleassignments/{name}",
                "rp PUT " + GROUP + "/providers/microsoft.authorization/roleassignments/{name}",
                "rp GET " + GROUP + "/providers/microsoft.network/dnszones/eastus.aroapp.io",
                "rp PUT " + GROUP + "/providers/microsoft.network/dnszones/eastus.aroapp.io",
                "rp GET " + RP_ZONE + "/ns/azure",
                "rp PUT " + RP_ZONE + "/ns/azure",
                "rp GET " + VNET + "/subnets/master",
                "rp GET " + VNET + "/subnets/worker",
                "rp GET " + GROUP + "/providers/microsoft.network/publicipaddresses/{installer}-pip-v4"), journal());
        assertEquals(cluster.toLowerCase(), arm.get(installed.getOpenShiftCluster().getProperties().getClusterProfile().getResourceGroupId())
                .path("managedBy").asText().toLowerCase(), "the managed resource group is managed by the cluster");

        // what the RP gave Hive
        ClusterDeployment cd = clusterDeployment();
        assertEquals(Boolean.TRUE, cd.getSpec().getPreserveOnDelete());
        assertEquals(1, cd.getSpec().getInstallAttemptsLimit());
        assertEquals("quay.io/openshift-release-dev/ocp-release:4.14.38-x86_64", cd.getSpec().getProvisioning().getReleaseImage());
        assertEquals("arosvc.azurecr.io/aro-installer:release-4.14", cd.getSpec().getProvisioning().getInstallerImageOverride());
        assertEquals(cluster, cd.getMetadata().getAnnotations().get("aro.openshift.io/resource-id"));
        assertEquals("corr-create", cd.getMetadata().getAnnotations().get("aro.openshift.io/correlation-request-id"));
        assertEquals("azure", cd.getSpec().getClusterName());
        assertEquals("eastus.aroapp.io", cd.getSpec().getBaseDomain());
        JsonNode installConfig = YAML.readTree(hiveSecret("aro-installconfig", "install-config.yaml"));
        assertEquals("azure", installConfig.at("/metadata/name").asText());
        assertEquals("[{\"cidr\":\"10.0.0.0/23\"},{\"cidr\":\"10.0.2.0/23\"}]", installConfig.at("/networking/machineNetwork").toString());
        assertEquals("aro-vnet", installConfig.at("/platform/azure/networkResourceGroupName").asText());
        assertEquals("master", installConfig.at("/platform/azure/controlPlaneSubnet").asText());
        String groupId = installed.getOpenShiftCluster().getProperties().getClusterProfile().getResourceGroupId();
        assertEquals(groupId.substring(groupId.lastIndexOf('/') + 1), installConfig.at("/platform/azure/resourceGroupName").asText());
        assertEquals(clientId, JSON.readTree(hiveSecret("cluster-service-principal-secret", "osServicePrincipal.json")).path("clientId").asText());

        // what the cluster told, and the credentials exactly as Hive wrote them
        JsonNode get = rp.http.get(cluster + V).json();
        assertEquals("https://api.azure.eastus.aroapp.io:6443", get.at("/properties/apiserverProfile/url").asText());
        assertEquals(AzureFixture.API_SERVER_IP, get.at("/properties/apiserverProfile/ip").asText());
        assertEquals("https://console-openshift-console.apps.azure.eastus.aroapp.io", get.at("/properties/consoleProfile/url").asText());
        assertEquals(InstalledCluster.ROUTER_IP, get.at("/properties/ingressProfiles/0/ip").asText());
        assertEquals(3, get.at("/properties/workerProfilesStatus").size(), get.toString());
        assertEquals("cluster-worker-eastus1", get.at("/properties/workerProfilesStatus/0/name").asText());
        assertEquals("Standard_D4s_v3", get.at("/properties/workerProfilesStatus/0/vmSize").asText());
        assertEquals(azure.workerSubnet(), get.at("/properties/workerProfilesStatus/0/subnetId").asText());
        JsonNode admin = rp.http.post(cluster + "/listAdminCredentials" + V, null).json();
        assertEquals(installedCluster.kubeconfig(), new String(Base64.getDecoder().decode(admin.path("kubeconfig").asText()), StandardCharsets.UTF_8));
        assertEquals("kubeadmin-from-hive", rp.http.post(cluster + "/listCredentials" + V, null).json().path("kubeadminPassword").asText());

        // the cluster's zone delegated from the RP's
        JsonNode zone = arm.get(groupId + "/providers/Microsoft.Network/dnszones/eastus.aroapp.io");
        assertEquals(zone.at("/properties/nameServers/0").asText(), arm.get(azure.rpZoneId() + "/NS/azure").at("/properties/NSRecords/0/nsdname").asText());
        arm.resetJournal();

        // the service principal rotated: ARM, Hive and the cluster get the new one
        String rotated = UUID.randomUUID().toString();
        azure.networkContributor(rotated);
        Reply patch = rp.http.patch(cluster + V, Map.of("properties", Map.of("servicePrincipalProfile", Map.of("clientId", rotated,
                "clientSecret", "rotated-secret"))), "x-ms-correlation-request-id", "corr-rotate");
        assertEquals(200, patch.status(), patch.toString());
        awaitOperation(local(patch.header("Azure-AsyncOperation")), "Succeeded");
        assertEquals(concat(
                VALIDATE,
                "rp GET " + GROUP,
                "rp GET " + GROUP + "/providers/microsoft.authorization/roleassignments/{name}",
                "rp PUT " + GROUP + "/providers/microsoft.authorization/roleassignments/{name}"), journal().stream()
                .map(l -> l.replaceFirst("^sp ", "sp ")).toList());
        assertEquals(rotated, installedCluster.secretValue("kube-system", "azure-credentials", "azure_client_id"));
        assertEquals("rotated-secret", installedCluster.secretValue("kube-system", "azure-credentials", "azure_client_secret"));
        assertEquals(rotated, JSON.readTree(installedCluster.secretValue("kube-system", "azure-cloud-provider", "cloud-config")).path("aadClientId").asText());
        assertTrue(installedCluster.client().pods().inNamespace("openshift-cloud-credential-operator").list().getItems().isEmpty(),
                "the cloud credential operator was restarted to pick the new credentials up");
        assertEquals(rotated, JSON.readTree(hiveSecret("cluster-service-principal-secret", "osServicePrincipal.json")).path("clientId").asText());
        assertEquals("corr-rotate", clusterDeployment().getMetadata().getAnnotations().get("aro.openshift.io/correlation-request-id"));
        arm.resetJournal();

        // deleted: the RP removes the Azure resources itself, then the Hive namespace
        String namespace = installed.getOpenShiftCluster().getProperties().getHiveProfile().getNamespace();
        Reply delete = rp.http.delete(cluster + V);
        String result = local(delete.header("Location"));
        await("the deletion is over", WAIT, () -> rp.http.get(result).status() == 204);
        assertEquals(concat(
                "rp GET " + GROUP,
                "rp GET " + VNET + "/subnets/master",
                longRunningPut(VNET + "/subnets/master"),
                "rp GET " + VNET + "/subnets/worker",
                longRunningPut(VNET + "/subnets/worker"),
                "rp DELETE " + RP_ZONE + "/ns/azure",
                // a resource group's deletion is polled through its Location
                "rp DELETE " + GROUP,
                "rp GET {operation}"), journal());
        assertEquals(List.of(azure.vnetGroup(), azure.vnetId(), azure.masterSubnet(), azure.workerSubnet(), azure.rpGroup(), azure.rpZoneId()).stream()
                .map(String::toLowerCase).toList(), arm.ids(), "only the customer's network and the RP's zone are left");
        assertTrue(arm.get(azure.masterSubnet()).at("/properties/networkSecurityGroup").isMissingNode());
        assertNull(hive.client().namespaces().withName(namespace).get(), "the Hive namespace is deleted");
    }

    @Test
    void aManagedIdentityClusterGetsItsIssuerFederatedCredentialsAndRolesThroughArm() throws Exception {
        hiveInstalls();
        backend("backend", 4, Duration.ofMillis(200));
        ObjectNode request = FrontendHarness.createRequest("2025-07-25", sub);
        ((ObjectNode) request.with("properties").with("clusterProfile")).put("domain", "azure." + AzureFixture.MANAGED_DOMAIN);
        List<String> identities = new ArrayList<>();
        request.at("/identity/userAssignedIdentities").fieldNames().forEachRemaining(identities::add);
        request.at("/properties/platformWorkloadIdentityProfile/platformWorkloadIdentities").forEach(i -> identities.add(i.path("resourceId").asText()));
        azure.identities(identities);
        Reply put = rp.http.put(cluster + "?api-version=2025-07-25", request, "x-ms-identity-url", FrontendHarness.IDENTITY_URL,
                "x-ms-home-tenant-id", FrontendHarness.HOME_TENANT_ID, "x-ms-correlation-request-id", "corr-mi");
        assertEquals(201, put.status(), put.toString());
        awaitOperation(local(put.header("Azure-AsyncOperation")), "Succeeded");
        installed = rp.cluster(cluster).orElseThrow();
        var properties = installed.getOpenShiftCluster().getProperties();
        String groupId = properties.getClusterProfile().getResourceGroupId();
        String issuer = OIDC_ISSUER_ENDPOINT + properties.getInfraId();
        assertEquals(issuer, properties.getClusterProfile().getOidcIssuer());
        PlatformWorkloadIdentityRoleSet roleSet = PlatformWorkloadIdentityRoleSetSeed.read(null).stream()
                .filter(r -> r.getOpenShiftVersion().equals("4.14")).findFirst().orElseThrow();

        // the OIDC issuer, published by the RP in its storage account's $web container
        var discovery = blobs.get("$web/" + properties.getInfraId() + "/.well-known/openid-configuration");
        assertNotNull(discovery, "the discovery document is published: " + blobs.paths() + " " + blobs.journal());
        assertEquals("application/json", discovery.contentType());
        assertEquals(FakeArm.RP_PRINCIPAL, discovery.writer());
        assertEquals(issuer, JSON.readTree(discovery.content()).path("issuer").asText());
        assertEquals(issuer + "/openid/v1/jwks", JSON.readTree(discovery.content()).path("jwks_uri").asText());
        JsonNode jwks = JSON.readTree(blobs.get("$web/" + properties.getInfraId() + "/openid/v1/jwks").content());
        assertEquals(ServiceAccountIssuer.of(properties.getClusterProfile().getBoundServiceAccountSigningKey()).keyId(),
                jwks.at("/keys/0/kid").asText(), "the published key is the one that signs the cluster's tokens");

        // on each operator's identity, a federated credential per service account, written as the cluster identity
        int credentials = 0;
        for (PlatformWorkloadIdentityRoleSet.PlatformWorkloadIdentityRole role : roleSet.getPlatformWorkloadIdentityRoles()) {
            String identity = properties.getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().get(role.getOperatorName()).getResourceId();
            for (String subject : role.getServiceAccounts()) {
                JsonNode credential = arm.get(identity + "/federatedIdentityCredentials/" + FederatedCredentials.name(installed.getOpenShiftCluster(), subject));
                assertEquals(issuer, credential.at("/properties/issuer").asText(), subject);
                assertEquals(subject, credential.at("/properties/subject").asText());
                assertTrue(subject.matches("system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+"), subject);
                assertEquals("[\"openshift\"]", credential.at("/properties/audiences").toString());
                credentials++;
            }
        }
        assertEquals(credentials, arm.ids().stream().filter(id -> id.contains("/federatedidentitycredentials/")).count(), "no other credential");

        // each operator's identity holds its role on the managed resource group, granted by the RP
        List<JsonNode> assignments = arm.ids().stream().filter(id -> id.startsWith(groupId.toLowerCase(Locale.ROOT)
                + "/providers/microsoft.authorization/roleassignments/")).map(id -> (JsonNode) arm.get(id)).toList();
        assertEquals(roleSet.getPlatformWorkloadIdentityRoles().size(), assignments.size(), "one per operator, none for a service principal");
        for (PlatformWorkloadIdentityRoleSet.PlatformWorkloadIdentityRole role : roleSet.getPlatformWorkloadIdentityRoles()) {
            String principal = AzureFixture.identityIds(properties.getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities()
                    .get(role.getOperatorName()).getResourceId()).principalId();
            String definition = "/subscriptions/" + sub + role.getRoleDefinitionId();
            assertTrue(assignments.stream().anyMatch(a -> a.at("/properties/principalId").asText().equals(principal)
                    && a.at("/properties/roleDefinitionId").asText().equalsIgnoreCase(definition)
                    && a.at("/properties/scope").asText().equalsIgnoreCase(groupId)), role.getOperatorName() + ": " + assignments);
        }
        List<String> journal = journal();
        assertTrue(journal.stream().noneMatch(l -> l.startsWith("sp ")), "no service principal: " + journal);
        assertTrue(journal.stream().filter(l -> l.contains("/federatedidentitycredentials/") || l.contains("/userassignedidentities/"))
                .allMatch(l -> l.startsWith("cluster-identity ")), "the customer's identities are read and federated as the cluster identity: " + journal);
        assertEquals(identities.size(), journal.stream().filter(l -> l.startsWith("cluster-identity GET ") && l.matches(".*/userassignedidentities/[^/]+$"))
                .distinct().count(), "every identity read: " + journal);

        // what Hive got: the cluster identity's certificate, the signing key and the manifests; the installer in manual credentials mode
        ClusterDeployment cd = clusterDeployment();
        assertEquals("aro-workload-identity-manifests", cd.getSpec().getProvisioning().getManifestsSecretRef().getName());
        assertEquals("aro-bound-service-account-signing-key", cd.getSpec().getBoundServiceAccountSigningKeySecretRef().getName());
        JsonNode credentialsFile = JSON.readTree(hiveSecret("cluster-service-principal-secret", "osServicePrincipal.json"));
        assertEquals(AzureFixture.identityIds(identities.get(0)).clientId(), credentialsFile.path("clientId").asText());
        assertEquals("/.azure/cluster-identity.pfx", credentialsFile.path("clientCertificate").asText());
        assertTrue(credentialsFile.path("clientSecret").isMissingNode());
        assertEquals("Manual", YAML.readTree(hiveSecret("aro-installconfig", "install-config.yaml")).path("credentialsMode").asText());
        assertTrue(hiveSecret("aro-workload-identity-manifests", "cluster-authentication-02-config.yaml").contains("serviceAccountIssuer: \"" + issuer + "\""));

        // what the customer reads
        JsonNode get = rp.http.get(cluster + "?api-version=2025-07-25").json();
        assertEquals(issuer, get.at("/properties/clusterProfile/oidcIssuer").asText());
        assertEquals(AzureFixture.identityIds(identities.get(1)).clientId(), get.at("/properties/platformWorkloadIdentityProfile/platformWorkloadIdentities")
                .elements().next().path("clientId").asText());
        assertEquals(AzureFixture.identityIds(identities.get(0)).principalId(), get.at("/identity/userAssignedIdentities").elements().next()
                .path("principalId").asText());
        arm.resetJournal();

        // deleted: the credentials and the issuer go; the customer's identities stay
        Reply delete = rp.http.delete(cluster + "?api-version=2025-07-25");
        String result = local(delete.header("Location"));
        await("the deletion is over", WAIT, () -> rp.http.get(result).status() == 204);
        assertTrue(arm.ids().stream().noneMatch(id -> id.contains("/federatedidentitycredentials/")), arm.ids().toString());
        assertTrue(identities.stream().allMatch(arm::exists), "the customer's identities are theirs");
        assertEquals(List.of(), blobs.paths(), "the OIDC documents are deleted");
    }

    @Test
    void anInstallationHiveFailsFailsTheClusterWithTheCustomersError() {
        fakeHive.outcome(new FakeHive.Fails("AzureQuotaExceeded", "Quota exceeded", "level=error msg=Error: creating Virtual Machine: "
                + "{\"error\":{\"code\":\"OperationNotAllowed\",\"message\":\"Operation could not be completed as it results in exceeding approved "
                + "standardDSv3Family Cores quota.\"}}"));
        backend("backend", 4, Duration.ofMillis(200));
        JsonNode failed = awaitOperation(create(), "Failed");
        assertEquals("ResourceQuotaExceeded", failed.at("/error/code").asText(), failed.toString());
        assertEquals("OperationNotAllowed", failed.at("/error/details/0/code").asText(), failed.toString());
        assertTrue(failed.at("/error/details/0/message").asText().contains("standardDSv3Family Cores quota"), failed.toString());
        assertEquals(ProvisioningState.FAILED, rp.state(cluster));
    }

    @Test
    void anInstallationThatOutlastsItsLimitFails() {
        backend("backend", 4, Duration.ofMillis(200)); // Hive never finishes
        String status = create();
        await("the installation is being waited for", WAIT, () -> {
            var install = rp.cluster(cluster).orElseThrow().getOpenShiftCluster().getProperties().getInstall();
            return install != null && install.getInstallerStarted() != null && rp.cluster(cluster).orElseThrow().getLeaseOwner() == null
                    && install.getPhase() == io.aro.rp.api.InstallPhase.AWAIT_INSTALLATION;
        });
        assertEquals(0, rp.cluster(cluster).orElseThrow().getDequeues(), "waiting on Hive is progress, not a failed attempt");
        clock.advance(LifecycleHarness.INSTALL_TIMEOUT.plusMinutes(1));
        JsonNode failed = awaitOperation(status, "Failed");
        assertEquals("InternalServerError", failed.at("/error/code").asText());
        assertTrue(failed.at("/error/message").asText().contains("did not complete within 60 minutes"), failed.toString());
    }

    @Test
    void aForbiddenVnetFailsTheClusterWithInvalidServicePrincipalPermissions() {
        arm.fail("GET", "virtualnetworks/aro-vnet$", null, 99, 403, "AuthorizationFailed", Map.of());
        backend("backend", 4, Duration.ofMillis(200));
        JsonNode failed = awaitOperation(create(), "Failed");
        assertEquals("InvalidServicePrincipalPermissions", failed.at("/error/code").asText(), failed.toString());
        assertTrue(failed.at("/error/message").asText().contains("does not have Network Contributor permission on vnet"), failed.toString());
        assertEquals(ProvisioningState.FAILED, rp.state(cluster));
        assertTrue(arm.journal().stream().noneMatch(l -> l.contains(" PUT ")), "nothing was created: " + arm.journal());
        assertTrue(hive.client().namespaces().list().getItems().isEmpty(), "nor given to Hive");
    }

    @Test
    void aBackendKilledDuringTheInstallIsResumedWithoutASecondPutNamespaceOrClusterDeployment() throws Exception {
        hiveInstalls();
        FakeArm.Hold stuck = arm.hold("GET", "/publicipaddresses/");
        Backend crashing = backend("crashing", 1, Duration.ofHours(1));
        create();
        assertTrue(stuck.arrived().await(30, TimeUnit.SECONDS), "the worker reached the end of the install");
        assertEquals("crashing", rp.cluster(cluster).orElseThrow().getLeaseOwner());

        clock.advance(LifecycleHarness.TTL.plusSeconds(2));
        backend("survivor", 4, Duration.ofMillis(200));
        await("the install succeeds", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);
        crashing.close(); // the dead process's thread ends at last
        stuck.release().countDown();

        installed = rp.cluster(cluster).orElseThrow();
        assertNull(installed.getLeaseOwner(), "the abandoned worker took nothing back");
        assertEquals(ProvisioningState.SUCCEEDED, installed.getOpenShiftCluster().getProperties().getProvisioningState());
        List<String> journal = journal();
        Map<String, Long> puts = journal.stream().filter(l -> l.contains(" PUT ")).collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        puts.forEach((put, times) -> assertEquals(1, times, put + " was sent " + times + " times: " + journal));
        assertEquals(7, puts.size(), "group, storage, two subnets, role, zone, delegation: " + puts);
        assertEquals(1, hive.client().namespaces().list().getItems().size(), "one Hive namespace");
        assertEquals(1, hive.client().resources(ClusterDeployment.class).inAnyNamespace().list().getItems().size(), "one ClusterDeployment");
        assertFalse(installed.getOpenShiftCluster().getProperties().getKubeadminPassword().reveal().isEmpty());
    }
}
