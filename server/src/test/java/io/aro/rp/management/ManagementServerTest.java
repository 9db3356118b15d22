package io.aro.rp.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ManagementServerTest {
    private static HttpResponse<String> send(URI uri, String method) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void probesFollowReadinessAndMetricsAreScraped() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(true);
        try (ProcessMetrics metrics = new ProcessMetrics();
                ManagementServer server = ManagementServer.start(URI.create("http://127.0.0.1:0/"), metrics.registry(), ready::get)) {
            metrics.registry().counter("aro.test.things", "kind", "a").increment(3);
            assertEquals(200, send(server.uri().resolve("/healthz/live"), "GET").statusCode());
            assertEquals(200, send(server.uri().resolve("/healthz/ready"), "GET").statusCode());

            ready.set(false);
            HttpResponse<String> notReady = send(server.uri().resolve("/healthz/ready"), "GET");
            assertEquals(503, notReady.statusCode());
            assertTrue(notReady.body().contains("\"code\":\"ServiceUnavailable\""), notReady.body());
            assertEquals(200, send(server.uri().resolve("/healthz/live"), "GET").statusCode(), "alive while not ready");

            metrics.awaitJvmMeters();
            HttpResponse<String> scraped = send(server.uri().resolve("/metrics"), "GET");
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            assertTrue(scraped.body().contains("aro_test_things_total{kind=\"a\"} 3.0"), scraped.body());
            assertTrue(scraped.body().contains("jvm_memory_used_bytes{"), "the JVM's meters");
            assertTrue(scraped.body().contains("process_cpu_usage "), "the process's meters");
            assertEquals(405, send(server.uri().resolve("/metrics"), "POST").statusCode());
        }
    }
}
