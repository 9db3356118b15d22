package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every request is logged as structured data with ARM's correlation ids; no secret is ever logged; a fault is a generic 500. */
class LoggingTest {
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Logger root;
    private Level accessLevel;

    @TempDir
    Path dir;
    FrontendHarness rp;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("io.aro.rp.frontend.access");
        accessLevel = access.getLevel();
        access.setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("io.aro.rp")).setLevel(Level.DEBUG);
        events.start();
        root.addAppender(events);
        rp = new FrontendHarness(dir, 10);
    }

    @AfterEach
    void release() {
        rp.close();
        root.detachAppender(events);
        ((Logger) LoggerFactory.getLogger("io.aro.rp.frontend.access")).setLevel(accessLevel);
        ((Logger) LoggerFactory.getLogger("io.aro.rp")).setLevel(Level.INFO);
    }

    @Test
    void requestsAreLoggedWithTheirCorrelationIdsAndNoSecret() {
        String sub = UUID.randomUUID().toString();
        rp.subscription(sub, "Registered");
        String cluster = FrontendHarness.cluster(sub, "rg", "c");
        Reply put = rp.http.put(cluster + "?api-version=2023-11-22", FrontendHarness.createRequest("2023-11-22", sub),
                "x-ms-correlation-request-id", "corr-123", "x-ms-client-request-id", "client-456");
        assertEquals(201, put.status());
        rp.finish(cluster, io.aro.rp.api.ProvisioningState.SUCCEEDED);
        rp.http.post(cluster + "/listCredentials?api-version=2023-11-22", null);
        rp.http.post(cluster + "/listAdminCredentials?api-version=2023-11-22", null);

        ILoggingEvent served = events.list.stream()
                .filter(e -> e.getLoggerName().equals("io.aro.rp.frontend.access") && "corr-123".equals(e.getMDCPropertyMap().get("correlationRequestId")))
                .findFirst().orElseThrow();
        assertEquals("client-456", served.getMDCPropertyMap().get("clientRequestId"));
        assertEquals(put.header("x-ms-request-id"), served.getMDCPropertyMap().get("requestId"));
        Map<String, Object> fields = served.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
        assertEquals("PUT", fields.get("method"));
        assertEquals(201, fields.get("status"));
        assertEquals("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{resourceName}",
                fields.get("route"));
        assertNotNull(fields.get("latencyMs"));

        String everything = events.list.stream().map(LoggingTest::render).collect(Collectors.joining("\n"));
        for (String secret : List.of("example-client-secret", "ZXhhbXBsZTpleGFtcGxl", "kubeadmin-secret-password", "kind: Config")) {
            assertFalse(everything.contains(secret), "logged a secret: " + secret);
        }
    }

    @Test
    void anUnexpectedFaultIsAGeneric500WithTheRequestIdAndALoggedStack() {
        String sub = UUID.randomUUID().toString();
        rp.subscription(sub, "Registered");
        rp.database.close(); // the database goes away under the frontend

        Reply get = rp.http.get(FrontendHarness.cluster(sub, "rg", "c") + "?api-version=2023-11-22");

        assertEquals(500, get.status());
        assertEquals("InternalServerError", get.code());
        assertEquals("Internal server error. Request ID: " + get.header("x-ms-request-id") + ".", get.json().at("/error/message").asText());
        assertFalse(get.body().contains("Exception"));
        assertTrue(events.list.stream().anyMatch(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null
                && get.header("x-ms-request-id").equals(e.getMDCPropertyMap().get("requestId"))), "the fault is logged with its stack");
    }

    private static String render(ILoggingEvent e) {
        return e.getFormattedMessage() + " " + e.getKeyValuePairs() + " " + e.getMDCPropertyMap()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
    }
}
