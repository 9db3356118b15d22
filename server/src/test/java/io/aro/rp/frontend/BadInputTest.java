package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.external.ExternalJson;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input of every kind answers with a 4xx CloudError naming the problem: never a 500, never a stack trace. */
class BadInputTest {
    static final String SUB = UUID.randomUUID().toString();
    static final String CLUSTER = FrontendHarness.cluster(SUB, "rg", "c");

    @TempDir
    static Path dir;
    static FrontendHarness rp;

    @BeforeAll
    static void start() {
        rp = new FrontendHarness(dir, 10);
        rp.subscription(SUB, "Registered");
    }

    @AfterAll
    static void stop() {
        rp.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "GET    | CLUSTER                                     | 400 | MissingApiVersionParameter",
        "GET    | CLUSTER?api-version=                        | 400 | MissingApiVersionParameter",
        "GET    | CLUSTER?api-version=2019-12-31-preview      | 400 | InvalidApiVersionParameter",
        "PUT    | CLUSTER?api-version=2021-09-01-preview      | 400 | InvalidApiVersionParameter",
        "GET    | /subscriptions/x/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c?api-version=2023-11-22 | 400 | InvalidSubscriptionID",
        "GET    | /subscriptions/SUB/resourceGroups/rg*/providers/Microsoft.RedHatOpenShift/openShiftClusters/c?api-version=2023-11-22 | 400 | ResourceGroupNotFound",
        "GET    | /subscriptions/SUB/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/c*?api-version=2023-11-22 | 400 | ResourceNotFound",
        "GET    | /subscriptions/SUB/resourceGroups/rg/providers/Microsoft.Compute/openShiftClusters/c?api-version=2023-11-22 | 400 | InvalidResourceNamespace",
        "GET    | /subscriptions/SUB/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/machinePools/c?api-version=2023-11-22 | 400 | InvalidResourceType",
        "GET    | /subscriptions/SUB/providers/Microsoft.RedHatOpenShift/locations/westeurope/openShiftVersions?api-version=2023-11-22 | 400 | InvalidLocation",
        "GET    | /subscriptions/SUB/providers/Microsoft.RedHatOpenShift/locations/eastus/operationsstatus/abc?api-version=2023-11-22 | 400 | InvalidOperationID",
        "GET    | /unknown/route                              | 404 | NotFound",
        "GET    | CLUSTER/unknownAction?api-version=2023-11-22 | 404 | NotFound",
        "POST   | CLUSTER?api-version=2023-11-22              | 405 | MethodNotAllowed",
        "GET    | CLUSTER?api-version=2023-11-22              | 404 | ResourceNotFound",
        "PATCH  | CLUSTER?api-version=2023-11-22              | 404 | ResourceNotFound",
        "PUT    | /subscriptions/SUB?api-version=2023-11-22   | 400 | InvalidApiVersionParameter",
    })
    void routeErrors(String method, String path, int status, String code) {
        Reply reply = rp.http.send(method, path.replace("CLUSTER", CLUSTER).replace("SUB", SUB), method.equals("GET") ? null : "{}",
                method.equals("GET") ? null : "application/json");
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.code(), reply.toString());
        assertCleanError(reply);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                 | {\"location\":                                    | application/json  | 400 | InvalidRequestContent",
        "a JSON array             | []                                                | application/json  | 400 | InvalidRequestContent",
        "a string where a number  | {\"location\":\"eastus\",\"properties\":{\"workerProfiles\":[{\"count\":\"three\"}]}} | application/json | 400 | InvalidRequestContent",
        "text/plain               | {}                                                | text/plain        | 415 | UnsupportedMediaType",
        "XML                      | <cluster/>                                        | application/xml   | 415 | UnsupportedMediaType",
        "an empty body            | ''                                                | application/json  | 400 | InvalidRequestContent",
        "an unknown location      | {\"location\":\"westus\"}                         | application/json  | 400 | InvalidParameter",
    })
    void bodyErrors(String name, String body, String contentType, int status, String code) {
        Reply reply = rp.http.send("PUT", CLUSTER + "?api-version=2023-11-22", body.equals("''") ? "" : body, contentType);
        assertEquals(status, reply.status(), reply.toString());
        assertEquals(code, reply.code(), reply.toString());
        assertCleanError(reply);
    }

    @Test
    void aWrongTypeNamesTheProperty() {
        Reply reply = rp.http.put(CLUSTER + "?api-version=2023-11-22",
                "{\"location\":\"eastus\",\"properties\":{\"workerProfiles\":[{\"count\":\"three\"}]}}");
        assertEquals("properties.workerProfiles[0].count", reply.json().at("/error/target").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a fraction for an integer       | {\"location\":\"eastus\",\"properties\":{\"workerProfiles\":[{\"count\":3.99}]}}   | properties.workerProfiles[0].count",
        "a string of digits for an integer | {\"location\":\"eastus\",\"properties\":{\"workerProfiles\":[{\"count\":\"4\"}]}} | properties.workerProfiles[0].count",
        "a boolean for a string          | {\"location\":\"eastus\",\"properties\":{\"clusterProfile\":{\"domain\":true}}}     | properties.clusterProfile.domain",
        "a number for a string           | {\"location\":\"eastus\",\"properties\":{\"clusterProfile\":{\"domain\":42}}}       | properties.clusterProfile.domain",
    })
    void jsonTypesAreNotCoerced(String name, String body, String target) {
        Reply reply = rp.http.put(CLUSTER + "?api-version=2023-11-22", body);
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("InvalidRequestContent", reply.code(), reply.toString());
        assertEquals(target, reply.json().at("/error/target").asText(), reply.toString());
        assertCleanError(reply);
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefused() {
        // An unknown property, which the API ignores at any reasonable depth: only the limit refuses this one.
        String valid = FrontendHarness.createRequest("2023-11-22", SUB).toString();
        String deep = valid.substring(0, valid.length() - 1) + ",\"ignored\":" + "[".repeat(ExternalJson.MAX_NESTING_DEPTH + 8)
                + "]".repeat(ExternalJson.MAX_NESTING_DEPTH + 8) + "}";
        Reply reply = rp.http.send("PUT", CLUSTER + "?api-version=2023-11-22", deep, "application/json");
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("InvalidRequestContent", reply.code(), reply.toString());
        assertCleanError(reply);
    }

    @Test
    void bytesAfterTheJsonAreRefused() {
        var body = FrontendHarness.createRequest("2023-11-22", SUB);
        Reply reply = rp.http.send("PUT", CLUSTER + "?api-version=2023-11-22", body.toString() + " {\"location\":\"x\"}", "application/json");
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("InvalidRequestContent", reply.code(), reply.toString());
        assertCleanError(reply);
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        String big = "{\"location\":\"eastus\",\"tags\":{\"big\":\"" + "x".repeat(1024 * 1024) + "\"}}";
        Reply reply = rp.http.put(CLUSTER + "?api-version=2023-11-22", big);
        assertEquals(400, reply.status());
        assertEquals("InvalidResource", reply.code());
        assertCleanError(reply);
    }

    @Test
    void aValidationErrorNamesItsTarget() {
        var body = FrontendHarness.createRequest("2023-11-22", SUB);
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.at("/properties/networkProfile")).put("podCidr", "10.0.0.0/24");
        Reply reply = rp.http.put(CLUSTER + "?api-version=2023-11-22", body);
        assertEquals(400, reply.status());
        assertEquals("InvalidParameter", reply.code());
        assertEquals("properties.networkProfile.podCidr", reply.json().at("/error/target").asText());
        assertEquals("The provided pod CIDR '10.0.0.0/24' is invalid: must be /18 or larger.", reply.json().at("/error/message").asText());
    }

    private static void assertCleanError(Reply reply) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
        assertTrue(reply.json().path("error").path("message").isTextual(), reply.toString());
        assertEquals("application/json", reply.header("Content-Type"));
        assertFalse(reply.body().contains("Exception"), reply.body());
        assertFalse(reply.body().contains("at io."), reply.body());
        assertFalse(reply.body().contains("jackson"), reply.body());
    }
}
