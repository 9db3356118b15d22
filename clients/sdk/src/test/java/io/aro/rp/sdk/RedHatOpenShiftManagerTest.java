package io.aro.rp.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.sdk.fluent.OpenShiftClustersClient;
import io.aro.rp.sdk.fluent.models.OpenShiftClusterInner;
import io.aro.rp.sdk.models.ManagedServiceIdentity;
import io.aro.rp.sdk.models.ManagedServiceIdentityType;
import io.aro.rp.sdk.models.OpenShiftCluster;
import io.aro.rp.sdk.models.OpenShiftClusterCredentials;
import io.aro.rp.sdk.models.PlatformWorkloadIdentity;
import io.aro.rp.sdk.models.PlatformWorkloadIdentityProfile;
import io.aro.rp.sdk.models.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.sdk.models.ProvisioningState;
import io.aro.rp.sdk.models.UserAssignedIdentity;
import io.aro.rp.sdk.models.Visibility;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated SDK end to end against the real RP (embedded store, simulated cloud) on a random port. */
class RedHatOpenShiftManagerTest {
    @TempDir
    static Path dataDir;
    static LocalRp rp;
    static RedHatOpenShiftManager manager;
    static OpenShiftClustersClient clusters;

    @BeforeAll
    static void start() {
        rp = new LocalRp(dataDir);
        manager = rp.manager();
        clusters = manager.serviceClient().getOpenShiftClusters();
    }

    @AfterAll
    static void stop() {
        rp.close();
    }

    private static OpenShiftCluster.DefinitionStages.WithCreate define(String resourceGroup, String name) {
        OpenShiftClusterInner c = rp.cluster();
        return manager.openShiftClusters().define(name).withRegion(Region.US_EAST).withExistingResourceGroup(resourceGroup)
                .withTags(c.tags()).withClusterProfile(c.clusterProfile()).withServicePrincipalProfile(c.servicePrincipalProfile())
                .withNetworkProfile(c.networkProfile()).withMasterProfile(c.masterProfile()).withWorkerProfiles(c.workerProfiles())
                .withApiserverProfile(c.apiserverProfile()).withIngressProfiles(c.ingressProfiles());
    }

    @Test
    void theFluentLifecycle() {
        OpenShiftCluster created = define("lifecycle", "one").create();
        assertEquals(ProvisioningState.SUCCEEDED, created.provisioningState(), "create() waits for the operation");
        assertTrue(created.consoleProfile().url().startsWith("https://console-openshift-console.apps."), created.consoleProfile().url());
        assertEquals("eastus", created.regionName());
        assertEquals("lifecycle", created.resourceGroupName());

        OpenShiftCluster got = manager.openShiftClusters().getByResourceGroup("lifecycle", "one");
        assertEquals(created.id(), got.id());
        assertNull(got.servicePrincipalProfile().clientSecret(), "the secret is never returned");

        OpenShiftClusterCredentials credentials = got.listCredentials();
        assertEquals("kubeadmin", credentials.kubeadminUsername());
        assertFalse(credentials.kubeadminPassword().isEmpty());
        String kubeconfig = new String(Base64.getDecoder().decode(got.listAdminCredentials().kubeconfig()), StandardCharsets.UTF_8);
        assertTrue(kubeconfig.contains("clusters:"), kubeconfig);

        OpenShiftCluster updated = got.update().withTags(Map.of("owner", "sdk")).apply();
        assertEquals(Map.of("owner", "sdk"), updated.tags(), "PATCH replaces the tags, as in ARO");
        assertEquals(ProvisioningState.SUCCEEDED, updated.refresh().provisioningState());

        manager.openShiftClusters().deleteById(created.id());
        ManagementException gone = assertThrows(ManagementException.class, () -> manager.openShiftClusters().getById(created.id()));
        assertEquals(404, gone.getResponse().getStatusCode());
        assertEquals("ResourceNotFound", gone.getValue().getCode());
    }

    @Test
    void pollersWaitForTheOperation() {
        SyncPoller<PollResult<OpenShiftClusterInner>, OpenShiftClusterInner> create = clusters.beginCreateOrUpdate("pollers", "polled", rp.cluster());
        assertEquals(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, create.waitForCompletion().getStatus());
        assertEquals(ProvisioningState.SUCCEEDED, create.getFinalResult().provisioningState());

        SyncPoller<PollResult<Void>, Void> delete = clusters.beginDelete("pollers", "polled");
        assertEquals(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED, delete.waitForCompletion().getStatus());
        assertEquals(0, clusters.listByResourceGroup("pollers").stream().count());
    }

    @Test
    void listsFollowNextLinkAcrossPages() {
        List<SyncPoller<PollResult<OpenShiftClusterInner>, OpenShiftClusterInner>> creations = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            creations.add(clusters.beginCreateOrUpdate("paged", "cluster-" + i, rp.cluster()));
        }
        creations.forEach(SyncPoller::waitForCompletion);

        List<Integer> pageSizes = new ArrayList<>();
        for (PagedResponse<OpenShiftCluster> page : manager.openShiftClusters().listByResourceGroup("paged").iterableByPage()) {
            pageSizes.add(page.getValue().size());
        }
        assertTrue(pageSizes.size() >= 3, "pages: " + pageSizes);
        assertEquals(23, pageSizes.stream().mapToInt(Integer::intValue).sum());
        assertEquals(23, manager.openShiftClusters().listByResourceGroup("paged").stream().map(OpenShiftCluster::name).distinct().count());
        assertEquals(23, manager.openShiftClusters().list().stream().filter(c -> c.resourceGroupName().equals("paged")).count());
    }

    @Test
    void aRefusedRequestIsAManagementExceptionWithTheCloudError() {
        OpenShiftClusterInner cluster = rp.cluster();
        cluster.masterProfile().withVmSize("Standard_Tiny");
        ManagementException refused = assertThrows(ManagementException.class, () -> clusters.beginCreateOrUpdate("invalid", "tiny", cluster));
        assertEquals(400, refused.getResponse().getStatusCode());
        assertEquals("InvalidParameter", refused.getValue().getCode());
        assertEquals("properties.masterProfile.vmSize", refused.getValue().getTarget());
        assertTrue(refused.getValue().getMessage().contains("Standard_Tiny"), refused.getValue().getMessage());
    }

    @Test
    void versionsAndOperations() {
        List<String> versions = manager.openShiftVersions().list(LocalRp.LOCATION).stream().map(v -> v.version()).toList();
        assertTrue(versions.contains("4.14.38"), versions.toString());
        assertEquals("4.14.38", manager.openShiftVersions().get(LocalRp.LOCATION, "4.14.38").version());
        assertTrue(manager.operations().list().stream().anyMatch(o -> o.name().equals("Microsoft.RedHatOpenShift/openShiftClusters/read")));
    }

    @Test
    void aManagedIdentityClusterWithTheOperatorsOfItsVersionsRoleSet() {
        PlatformWorkloadIdentityRoleSet roleSet = manager.platformWorkloadIdentityRoleSets().get(LocalRp.LOCATION, "4.14");
        assertEquals(List.of("4.14", "4.15"), manager.platformWorkloadIdentityRoleSets().list(LocalRp.LOCATION).stream()
                .map(PlatformWorkloadIdentityRoleSet::openShiftVersion).toList());
        String identities = "/subscriptions/" + rp.subscriptionId() + "/resourceGroups/identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";
        Map<String, PlatformWorkloadIdentity> operators = new TreeMap<>();
        roleSet.platformWorkloadIdentityRoles()
                .forEach(role -> operators.put(role.operatorName(), new PlatformWorkloadIdentity().withResourceId(identities + role.operatorName())));
        OpenShiftClusterInner request = rp.cluster().withIdentity(new ManagedServiceIdentity().withType(ManagedServiceIdentityType.USER_ASSIGNED)
                .withUserAssignedIdentities(Map.of(identities + "cluster", new UserAssignedIdentity())));
        request.withServicePrincipalProfile(null).clusterProfile().withVersion("4.14.38");
        request.withPlatformWorkloadIdentityProfile(new PlatformWorkloadIdentityProfile().withPlatformWorkloadIdentities(operators));

        // ARM sends the identity's data plane URL and the home tenant with the PUT of a cluster that has a managed identity
        WireMockServer arm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        arm.start();
        try {
            arm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(rp.uri().toString().replaceAll("/$", ""))
                    .withAdditionalRequestHeader("x-ms-identity-url", "https://eastus.identity.azure.net/credentials?tid=t&oid=o&aid=a")
                    .withAdditionalRequestHeader("x-ms-home-tenant-id", "7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e")));
            OpenShiftClustersClient throughArm = rp.manager(URI.create(arm.baseUrl())).serviceClient().getOpenShiftClusters();

            OpenShiftClusterInner created = throughArm.createOrUpdate("managed-identity", "mi", request);

            assertEquals(ProvisioningState.SUCCEEDED, created.provisioningState());
            assertNull(created.servicePrincipalProfile());
            assertTrue(created.clusterProfile().oidcIssuer().startsWith("https://"), created.clusterProfile().oidcIssuer());
            assertEquals("7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e", created.identity().tenantId());
            assertEquals(operators.keySet(), created.platformWorkloadIdentityProfile().platformWorkloadIdentities().keySet());
            created.platformWorkloadIdentityProfile().platformWorkloadIdentities().forEach((operator, identity) ->
                    assertNotNull(identity.clientId(), operator + " has the client ID the RP read"));
            assertNotNull(created.identity().userAssignedIdentities().get(identities + "cluster").principalId());
            clusters.delete("managed-identity", "mi");
        } finally {
            arm.stop();
        }
    }

    @Test
    void anUnknownEnumValueSurvivesAReadModifyWrite() {
        // A newer RP may answer values this SDK does not know: they are kept, and sent back as they came.
        String id = "/subscriptions/" + rp.subscriptionId() + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/future";
        String cluster = "{\"id\":\"" + id + "\",\"name\":\"future\",\"type\":\"Microsoft.RedHatOpenShift/openShiftClusters\",\"location\":\"eastus\","
                + "\"properties\":{\"provisioningState\":\"Succeeded\",\"apiserverProfile\":{\"visibility\":\"Internal\"},"
                + "\"networkProfile\":{\"outboundType\":\"NatGateway\"}}}";
        WireMockServer arm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        arm.start();
        try {
            arm.stubFor(get(urlPathEqualTo(id)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(cluster)));
            arm.stubFor(put(urlPathEqualTo(id)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(cluster)));
            OpenShiftClustersClient future = rp.manager(URI.create(arm.baseUrl())).serviceClient().getOpenShiftClusters();

            OpenShiftClusterInner read = future.getByResourceGroup("rg", "future");
            assertEquals(Visibility.fromString("Internal"), read.apiserverProfile().visibility());
            assertEquals("NatGateway", read.networkProfile().outboundType().toString());
            future.createOrUpdate("rg", "future", read.withTags(Map.of("changed", "yes")));

            arm.verify(putRequestedFor(urlPathEqualTo(id))
                    .withRequestBody(matchingJsonPath("$.properties.apiserverProfile.visibility", equalTo("Internal")))
                    .withRequestBody(matchingJsonPath("$.properties.networkProfile.outboundType", equalTo("NatGateway")))
                    .withRequestBody(matchingJsonPath("$.tags.changed", equalTo("yes"))));
        } finally {
            arm.stop();
        }
    }
}
