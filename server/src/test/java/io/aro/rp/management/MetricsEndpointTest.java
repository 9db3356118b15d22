package io.aro.rp.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.ResourceProvider;
import io.aro.rp.config.RpConfiguration;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.Http;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management listener of a real RP, scraped after real requests and a cluster's lifecycle. */
class MetricsEndpointTest {
    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(scrape);
        assertTrue(line.find(), "no " + series + " in\n" + scrape);
        return Double.parseDouble(line.group(1));
    }

    private static double sum(String scrape, String metric, String labelsContaining) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} ([0-9.Ee+-]+)$").matcher(scrape);
        double total = 0;
        while (line.find()) {
            if (line.group(1).contains(labelsContaining)) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    @Test
    void requestsTheBackendTheDatabaseAndTheJvmAreMeasured(@TempDir Path dir) throws InterruptedException {
        try (ResourceProvider rp = ResourceProvider.start(ResourceProvider.Role.ALL, RpConfiguration.fromEnvironment(Map.of(
                "ARO_LISTEN", "http://127.0.0.1:0/", "ARO_MANAGEMENT_LISTEN", "http://127.0.0.1:0/", "ARO_DATA_DIR", dir.toString(),
                "ARO_EMBEDDED_FSYNC", "false", "ARO_SIMULATED_STEP_DELAY", "PT0S", "ARO_POLL_INTERVAL", "PT0.05S", "ARO_SHUTDOWN_GRACE", "PT1S")))) {
            Http api = new Http(rp.frontend().uri());
            Http management = new Http(rp.management().uri());
            assertEquals(200, management.get("/healthz/live").status());
            assertEquals(200, management.get("/healthz/ready").status(), "serving, and the database answers");

            String sub = UUID.randomUUID().toString();
            api.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
            String cluster = FrontendHarness.cluster(sub, "rg", "measured");
            Reply put = api.put(cluster + "?api-version=2023-11-22", FrontendHarness.createRequest("2023-11-22", sub));
            assertEquals(201, put.status(), put.toString());
            String status = put.header("Azure-AsyncOperation").replaceFirst("^https?://[^/]+", "");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"Succeeded".equals(api.get(status).json().path("status").asText())) {
                assertTrue(System.nanoTime() < deadline, "the cluster was not created in time");
                Thread.sleep(50);
            }
            assertEquals(404, api.get(FrontendHarness.cluster(sub, "rg", "absent") + "?api-version=2023-11-22").status());

            String scrape = management.get("/metrics").response().body();
            String route = "route=\"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{resourceName}\"";
            assertEquals(1, value(scrape, "aro_frontend_requests_seconds_count{apiVersion=\"2023-11-22\",method=\"PUT\"," + route + ",statusClass=\"2xx\"}"));
            assertEquals(1, value(scrape, "aro_frontend_requests_seconds_count{apiVersion=\"2023-11-22\",method=\"GET\"," + route + ",statusClass=\"4xx\"}"));
            assertTrue(scrape.contains("aro_frontend_requests_seconds_bucket{apiVersion=\"2023-11-22\",method=\"PUT\","), "a latency histogram");
            assertEquals(1, value(scrape, "aro_backend_operations_total{errorCode=\"\",operation=\"Creating\",outcome=\"Succeeded\"}"));
            assertTrue(sum(scrape, "aro_backend_steps_seconds_count", "outcome=\"ok\"") >= 5, "the install's steps, timed");
            assertTrue(sum(scrape, "aro_backend_dequeue_delay_seconds_count", "kind=\"cluster\"") >= 1);
            assertTrue(sum(scrape, "aro_database_requests_seconds_count", "container=\"OpenShiftClusters\",operation=\"replace\",outcome=\"ok\"") >= 2);
            assertTrue(sum(scrape, "aro_database_requests_seconds_count", "outcome=\"notFound\"") >= 1, "the 404's read, and the readiness probe's");
            assertEquals(0, value(scrape, "aro_backend_clusters_waiting{state=\"Creating\"}"), "the queue's length, now empty");
            assertTrue(scrape.contains("jvm_gc_"), "the JVM's meters");
            assertTrue(value(scrape, "process_uptime_seconds") > 0);
        }
    }
}
