package io.aro.rp.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.sdk.v20231122.models.OpenShiftCluster;
import io.aro.rp.sdk.v20231122.models.OpenShiftClusterCredentials;
import io.aro.rp.sdk.v20231122.models.OpenShiftClusterUpdate;
import io.aro.rp.sdk.v20231122.models.ProvisioningState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
