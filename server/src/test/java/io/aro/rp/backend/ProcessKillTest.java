package io.aro.rp.backend;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.database.cosmos.CosmosDocumentStore;
import io.aro.rp.database.cosmos.CosmosTestServer;
import io.aro.rp.frontend.FrontendHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real backend processes share a Cosmos DB (the test server) and a simulated cloud; one is killed
 * with SIGKILL in the middle of installing 20 clusters. The other finishes every one of them, and the
 * cloud's journal shows every resource created once.
 */
class ProcessKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLUSTERS = 20;

    @TempDir
    Path dir;

    @Test
    void killingABackendProcessLosesNoCluster() throws Exception {
        CosmosTestServer server = CosmosTestServer.get();
        String databaseName = "kill-" + UUID.randomUUID();
        List<String> clusters = new ArrayList<>();
        try (LifecycleHarness rp = new LifecycleHarness(CosmosDocumentStore.open(server.settings(databaseName), new SimpleMeterRegistry()),
                Clock.systemUTC(), dir.resolve("simulated-cloud"))) {
            String sub = UUID.randomUUID().toString();
            rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
            for (int i = 0; i < CLUSTERS; i++) {
                String cluster = FrontendHarness.cluster(sub, "rg", "c" + i);
                assertEquals(201, rp.http.put(cluster + "?api-version=2023-11-22", FrontendHarness.createRequest("2023-11-22", sub)).status());
                clusters.add(cluster);
            }

            Process victim = backendProcess(server, databaseName, "victim");
            Process survivor = backendProcess(server, databaseName, "survivor");
            try {
                String victimOwner = leaseOwner(dir.resolve("victim.log"));
                await("the victim works on clusters", Duration.ofSeconds(60),
                        () -> clusters.stream().anyMatch(c -> victimOwner.equals(rp.cluster(c).orElseThrow().getLeaseOwner())));
                victim.destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
                assertTrue(victim.waitFor(10, TimeUnit.SECONDS));

                await("every cluster is installed", Duration.ofSeconds(180),
                        () -> clusters.stream().allMatch(c -> rp.state(c) == ProvisioningState.SUCCEEDED));
            } finally {
                victim.destroyForcibly();
                survivor.destroy();
                survivor.waitFor(60, TimeUnit.SECONDS);
            }
            assertTrue(clusters.stream().allMatch(c -> rp.cluster(c).orElseThrow().getLeaseOwner() == null), "every lease was released");
        }

        Map<String, Integer> created = new HashMap<>();
        new SimulatedResources(dir.resolve("simulated-cloud")).journal().stream().filter(l -> l.startsWith("created "))
                .forEach(l -> created.merge(l.substring(8), 1, Integer::sum));
        created.forEach((id, times) -> assertEquals(1, times, id + " was created " + times + " times"));
        assertTrue(created.size() >= CLUSTERS * 9, "the journal records " + created.size() + " creations");
    }

    /** {@code java io.aro.rp.Main backend} with this JVM's classpath and trust store, configured like a production backend. */
    private Process backendProcess(CosmosTestServer server, String databaseName, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djavax.net.ssl.trustStore=" + System.getProperty("javax.net.ssl.trustStore"),
                "-Djavax.net.ssl.trustStorePassword=" + System.getProperty("javax.net.ssl.trustStorePassword"),
                "-Djavax.net.ssl.trustStoreType=" + System.getProperty("javax.net.ssl.trustStoreType"),
                "io.aro.rp.Main", "backend")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("ARO_DATABASE", "cosmos");
        env.put("ARO_COSMOS_ENDPOINT", server.endpoint());
        env.put("ARO_COSMOS_KEY", CosmosTestServer.KEY);
        env.put("ARO_COSMOS_DATABASE", databaseName);
        env.put("ARO_COSMOS_ENDPOINT_DISCOVERY", "false");
        env.put("ARO_ENCRYPTION_KEYS", LifecycleHarness.KEYS);
        env.put("ARO_DATA_DIR", dir.toString());
        env.put("ARO_MANAGEMENT_LISTEN", "http://127.0.0.1:0/");
        env.put("ARO_SIMULATED_STEP_DELAY", "PT0.2S");
        env.put("ARO_LEASE_TTL", "PT3S");
        env.put("ARO_HEARTBEAT", "PT1S");
        env.put("ARO_POLL_INTERVAL", "PT0.2S");
        env.put("ARO_WORKERS", "10");
        env.put("ARO_SHUTDOWN_GRACE", "PT5S");
        return builder.start();
    }

    /** The lease owner a backend process logs when it starts. */
    private static String leaseOwner(Path log) {
        String[] owner = new String[1];
        await("the backend process started", Duration.ofSeconds(60), () -> {
            try {
                for (String line : Files.readAllLines(log)) {
                    int at = line.indexOf("leaseOwner=\"");
                    if (at >= 0) {
                        owner[0] = line.substring(at + 12, line.indexOf('"', at + 12));
                        return true;
                    }
                    if (line.startsWith("{") && line.contains("leaseOwner")) {
                        JsonNode json = JSON.readTree(line);
                        owner[0] = json.path("leaseOwner").asText();
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        return owner[0];
    }
}
