package io.aro.rp.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.sdk.v20250725.models.ManagedServiceIdentity;
import io.aro.rp.sdk.v20250725.models.ManagedServiceIdentityType;
import io.aro.rp.sdk.v20250725.models.OpenShiftCluster;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterCredentials;
import io.aro.rp.sdk.v20250725.models.OpenShiftClusterUpdate;
import io.aro.rp.sdk.v20250725.models.PlatformWorkloadIdentity;
import io.aro.rp.sdk.v20250725.models.PlatformWorkloadIdentityProfile;
import io.aro.rp.sdk.v20250725.models.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.sdk.v20250725.models.ProvisioningState;
import io.aro.rp.sdk.v20250725.models.UserAssignedIdentity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK end to end against the real RP (embedded store, simulated cloud) on a random port. */
class AroClientTest {
    @TempDir
    static Path dataDir;
    static LocalRp rp;
    static AroClient client;

    @BeforeAll
    static void start() {
        rp = new LocalRp(dataDir);
        client = rp.client();
    }

    @AfterAll
    static void stop() {
        rp.close();
    }

    @Test
    void createGetListCredentialsUpdateAndDelete() {
        OpenShiftCluster created = client.beginCreateOrUpdate("lifecycle", "one", rp.cluster()).waitForCompletion();
        assertEquals(ProvisioningState.SUCCEEDED, created.getProperties().getProvisioningState());
        assertTrue(created.getProperties().getConsoleProfile().getUrl().startsWith("https://console-openshift-console.apps."));

        OpenShiftCluster got = client.get("lifecycle", "one");
        assertEquals("one", got.getName());
        assertNull(got.getProperties().getServicePrincipalProfile().getClientSecret(), "the secret is never returned");

        OpenShiftClusterCredentials credentials = client.listCredentials("lifecycle", "one");
        assertEquals("kubeadmin", credentials.getKubeadminUsername());
        assertFalse(credentials.getKubeadminPassword().isEmpty());
        assertFalse(credentials.toString().contains(credentials.getKubeadminPassword()), "a logged model shows no secret");
        assertFalse(client.listAdminCredentials("lifecycle", "one").getKubeconfig().isEmpty());

        OpenShiftCluster updated = client.beginUpdate("lifecycle", "one", new OpenShiftClusterUpdate().tags(Map.of("owner", "sdk")))
                .waitForCompletion();
        assertEquals(Map.of("owner", "sdk"), updated.getTags());
        assertEquals(ProvisioningState.SUCCEEDED, updated.getProperties().getProvisioningState());

        assertNull(client.beginDelete("lifecycle", "one").waitForCompletion());
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> client.get("lifecycle", "one"));
        assertEquals("ResourceNotFound", gone.getCode());
        assertEquals(404, gone.getStatusCode());
    }

    @Test
    void listFollowsNextLinkAcrossPages() {
        List<LongRunningOperation<OpenShiftCluster>> creations = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            creations.add(client.beginCreateOrUpdate("paged", "cluster-" + i, rp.cluster()));
        }
        creations.forEach(LongRunningOperation::waitForCompletion);

        int pages = 0;
        int items = 0;
        for (PagedIterable.Page<OpenShiftCluster> page : client.list("paged").byPage()) {
            pages++;
            items += page.items().size();
        }
        assertTrue(pages >= 3, "pages: " + pages);
        assertEquals(23, items);
        assertEquals(23, client.list("paged").stream().map(OpenShiftCluster::getName).distinct().count());
        assertTrue(client.list().stream().count() >= 23);
    }

    @Test
    void aValidationErrorIsTypedWithTheServersCodeAndTarget() {
        OpenShiftCluster cluster = rp.cluster();
        cluster.getProperties().getMasterProfile().setVmSize("Standard_Tiny");
        AroException refused = assertThrows(AroException.class, () -> client.beginCreateOrUpdate("invalid", "tiny", cluster));
        assertEquals(400, refused.getStatusCode());
        assertEquals("InvalidParameter", refused.getCode());
        assertEquals("properties.masterProfile.vmSize", refused.getTarget());
        assertTrue(refused.getMessage().contains("Standard_Tiny"), refused.getMessage());
    }

    @Test
    void theOpenShiftVersionsOfTheRegion() {
        List<String> versions = client.listVersions(LocalRp.LOCATION).stream().map(v -> v.getProperties().getVersion()).toList();
        assertTrue(versions.contains("4.14.38"), versions.toString());
    }

    @Test
    void aManagedIdentityClusterWithTheOperatorsOfItsVersionsRoleSet() {
        PlatformWorkloadIdentityRoleSet roleSet = client.getPlatformWorkloadIdentityRoleSet(LocalRp.LOCATION, "4.14");
        assertEquals(List.of("4.14", "4.15"), client.listPlatformWorkloadIdentityRoleSets(LocalRp.LOCATION).stream()
                .map(r -> r.getProperties().getOpenShiftVersion()).toList());
        String identities = "/subscriptions/" + rp.subscriptionId() + "/resourceGroups/identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";
        Map<String, PlatformWorkloadIdentity> operators = new TreeMap<>();
        roleSet.getProperties().getPlatformWorkloadIdentityRoles()
                .forEach(role -> operators.put(role.getOperatorName(), new PlatformWorkloadIdentity().resourceId(identities + role.getOperatorName())));
        OpenShiftCluster request = rp.cluster().identity(new ManagedServiceIdentity().type(ManagedServiceIdentityType.USER_ASSIGNED)
                .userAssignedIdentities(Map.of(identities + "cluster", new UserAssignedIdentity())));
        request.getProperties().servicePrincipalProfile(null).getClusterProfile().version("4.14.38");
        request.getProperties().platformWorkloadIdentityProfile(new PlatformWorkloadIdentityProfile().platformWorkloadIdentities(operators));

        // ARM sends the identity's data plane URL and the home tenant with the PUT of a cluster that has a managed identity
        WireMockServer arm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        arm.start();
        try {
            arm.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(rp.uri().toString().replaceAll("/$", ""))
                    .withAdditionalRequestHeader("x-ms-identity-url", "https://eastus.identity.azure.net/credentials?tid=t&oid=o&aid=a")
                    .withAdditionalRequestHeader("x-ms-home-tenant-id", "7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e")));
            AroClient throughArm = new AroClientBuilder().endpoint(URI.create(arm.baseUrl())).subscriptionId(rp.subscriptionId())
                    .pollInterval(Duration.ofMillis(100)).operationTimeout(Duration.ofSeconds(60)).buildClient();

            OpenShiftCluster created = throughArm.beginCreateOrUpdate("managed-identity", "mi", request).waitForCompletion();

            assertEquals(ProvisioningState.SUCCEEDED, created.getProperties().getProvisioningState());
            assertNull(created.getProperties().getServicePrincipalProfile());
            assertTrue(created.getProperties().getClusterProfile().getOidcIssuer().toString().startsWith("https://"), created.toString());
            assertEquals("7f2e1c3b-4d5a-4b6c-8d7e-9f0a1b2c3d4e", created.getIdentity().getTenantId().toString());
            assertEquals(operators.keySet(), created.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().keySet());
            created.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().forEach((operator, identity) ->
                    assertNotNull(identity.getClientId(), operator + " has the client ID the RP read"));
            assertNotNull(created.getIdentity().getUserAssignedIdentities().get(identities + "cluster").getPrincipalId());
            assertNull(client.beginDelete("managed-identity", "mi").waitForCompletion());
        } finally {
            arm.stop();
        }
    }

    @Test
    void aThrottledRequestIsRetriedAfterRetryAfter() {
        WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        proxy.start();
        try {
            proxy.stubFor(any(anyUrl()).atPriority(1).inScenario("throttle").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                            .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Slow down.\"}}"))
                    .willSetStateTo("served"));
            proxy.stubFor(any(anyUrl()).atPriority(2).willReturn(aResponse().proxiedFrom(rp.uri().toString().replaceAll("/$", ""))));
            AroClient throughProxy = new AroClientBuilder().endpoint(URI.create(proxy.baseUrl())).subscriptionId(rp.subscriptionId())
                    .buildClient();

            long start = System.nanoTime();
            assertThrows(ResourceNotFoundException.class, () -> throughProxy.get("throttled", "absent"), "the retry reached the RP");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "waited for Retry-After");
            assertEquals(2, proxy.findAll(anyRequestedFor(anyUrl())).size());
        } finally {
            proxy.stop();
        }
    }

    @Test
    void anUnreachableServiceIsReportedAsSuch() {
        AroClient nowhere = new AroClientBuilder().endpoint(URI.create("http://127.0.0.1:1/")).subscriptionId(rp.subscriptionId())
                .maxRetries(1).retryDelay(Duration.ofMillis(10)).buildClient();
        assertThrows(ServiceUnreachableException.class, () -> nowhere.get("rg", "cluster"));
    }
}
