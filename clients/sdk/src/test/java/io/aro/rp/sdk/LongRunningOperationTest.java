package io.aro.rp.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.sdk.v20250725.models.OpenShiftCluster;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ARM's asynchronous pattern as the SDK follows it, against a service served by WireMock. */
class LongRunningOperationTest {
    private static final String SUBSCRIPTION = "7e1d5c9a-3b2f-4a6d-8c0e-1f2a3b4c5d6e";
    private static final String CLUSTER = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c";
    final WireMockServer arm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final AroClient client;

    LongRunningOperationTest() {
        arm.start();
        client = new AroClientBuilder().endpoint(URI.create(arm.baseUrl())).subscriptionId(SUBSCRIPTION).pollInterval(Duration.ofMillis(50))
                .retryDelay(Duration.ofMillis(10)).buildClient();
    }

    @AfterEach
    void stop() {
        arm.stop();
    }

    private void acceptPut(String retryAfter) {
        arm.stubFor(put(urlPathEqualTo(CLUSTER)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withHeader("Azure-AsyncOperation", arm.baseUrl() + "/operationsstatus/1").withHeader("Retry-After", retryAfter)
                .withBody("{\"name\":\"c\",\"properties\":{\"provisioningState\":\"Creating\"}}")));
    }

    private void status(String scenarioState, String next, String body) {
        arm.stubFor(get(urlPathEqualTo("/operationsstatus/1")).inScenario("op").whenScenarioStateIs(scenarioState)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)).willSetStateTo(next));
    }

    @Test
    void pollsTheAsyncOperationAsOftenAsRetryAfterAsksThenReadsTheResource() {
        acceptPut("1");
        status(STARTED, "second", "{\"status\":\"InProgress\"}");
        status("second", "done", "{\"status\":\"Succeeded\"}");
        arm.stubFor(get(urlPathEqualTo(CLUSTER)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"c\",\"properties\":{\"provisioningState\":\"Succeeded\"}}")));

        List<String> seen = new ArrayList<>();
        long start = System.nanoTime();
        OpenShiftCluster done = client.beginCreateOrUpdate("rg", "c", new OpenShiftCluster().location("eastus"))
                .waitForCompletion(Duration.ofSeconds(10), status -> seen.add(status.status()));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "the first poll waited for Retry-After");
        assertEquals(List.of("InProgress", "Succeeded"), seen);
        assertEquals("Succeeded", done.getProperties().getProvisioningState().getValue());
        arm.verify(2, getRequestedFor(urlPathEqualTo("/operationsstatus/1")));
    }

    @Test
    void aFailedOperationThrowsItsError() {
        acceptPut("0");
        status(STARTED, "done", "{\"status\":\"Failed\",\"error\":{\"code\":\"InvalidLinkedVNet\",\"message\":\"The subnet is too small.\","
                + "\"target\":\"properties.masterProfile.subnetId\"}}");
        OperationFailedException failed = assertThrows(OperationFailedException.class,
                () -> client.beginCreateOrUpdate("rg", "c", new OpenShiftCluster()).waitForCompletion());
        assertEquals("Failed", failed.getStatus());
        assertEquals("InvalidLinkedVNet", failed.getCode());
        assertEquals("properties.masterProfile.subnetId", failed.getTarget());
    }

    @Test
    void anOperationThatOutlastsTheTimeoutIsReportedAndGoesOn() {
        acceptPut("0");
        arm.stubFor(get(urlPathEqualTo("/operationsstatus/1")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"InProgress\"}")));
        LongRunningOperation<OpenShiftCluster> creating = client.beginCreateOrUpdate("rg", "c", new OpenShiftCluster());
        assertThrows(OperationTimeoutException.class, () -> creating.waitForCompletion(Duration.ofMillis(300), s -> { }));
        assertEquals("InProgress", creating.status().status());
    }

    @Test
    void aDeleteWithOnlyLocationIsPolledUntilItStopsAnswering202() {
        arm.stubFor(delete(urlPathEqualTo(CLUSTER)).willReturn(aResponse().withStatus(202).withHeader("Location", arm.baseUrl() + "/operationresults/1")));
        arm.stubFor(get(urlPathMatching("/operationresults/1")).inScenario("result").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(202).withHeader("Location", arm.baseUrl() + "/operationresults/1")).willSetStateTo("done"));
        arm.stubFor(get(urlPathMatching("/operationresults/1")).inScenario("result").whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(204)));
        assertNull(client.beginDelete("rg", "c").waitForCompletion());
        arm.verify(2, getRequestedFor(urlPathEqualTo("/operationresults/1")));
    }

    @Test
    void deletingWhatIsAbsentEndsAtOnce() {
        arm.stubFor(delete(urlPathEqualTo(CLUSTER)).willReturn(aResponse().withStatus(204)));
        LongRunningOperation<Void> deleting = client.beginDelete("rg", "c");
        assertTrue(deleting.status().isSucceeded());
        assertNull(deleting.waitForCompletion());
    }
}
