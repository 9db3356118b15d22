package io.aro.rp.fault;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.backend.LifecycleHarness;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.database.cosmos.CosmosTestServer;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.CloudJournal;
import io.aro.rp.testing.Http;
import io.aro.rp.testing.Http.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real RP process (frontend and backend, simulated cloud) is killed with SIGKILL again and again while
 * clients create, update and delete clusters and the backend installs them; then it is started once more
 * and left to finish. Every write the RP acknowledged is there (or, for a delete, the cluster is gone),
 * every cluster ends terminal, and the cloud's journal shows no resource created twice. Once on the
 * embedded store, once on the Cosmos DB test server.
 */
class KillLoopTest {
    private static final String V = "?api-version=2023-11-22";
    private static final int CLIENTS = 6;
    private static final Set<String> TERMINAL = Set.of("Succeeded", "Failed");

    @TempDir
    Path dir;

    @Test
    void embeddedStoreLosesNoAcknowledgedWrite() throws Exception {
        killLoop(Map.of(), List.of());
    }

    @Test
    void cosmosLosesNoAcknowledgedWrite() throws Exception {
        CosmosTestServer server = CosmosTestServer.get();
        killLoop(Map.of("ARO_DATABASE", "cosmos", "ARO_COSMOS_ENDPOINT", server.endpoint(), "ARO_COSMOS_KEY", CosmosTestServer.KEY,
                "ARO_COSMOS_DATABASE", "kill-loop-" + UUID.randomUUID(), "ARO_COSMOS_ENDPOINT_DISCOVERY", "false"),
                List.of("-Djavax.net.ssl.trustStore=" + System.getProperty("javax.net.ssl.trustStore"),
                        "-Djavax.net.ssl.trustStorePassword=" + System.getProperty("javax.net.ssl.trustStorePassword"),
                        "-Djavax.net.ssl.trustStoreType=" + System.getProperty("javax.net.ssl.trustStoreType")));
    }

    private void killLoop(Map<String, String> database, List<String> jvmOptions) throws Exception {
        FaultScale scale = FaultScale.current();
        int port = freePort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        Http http = new Http(uri);
        String sub = UUID.randomUUID().toString();
        Random random = new Random(FaultScale.seed());
        Ledger ledger = new Ledger();

        Process last = null;
        for (int cycle = 0; cycle <= scale.killCycles(); cycle++) {
            Process rp = start(port, database, jvmOptions, "rp-" + cycle);
            try {
                awaitReady(http, rp);
                if (cycle == 0) {
                    assertEquals(200, http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties",
                            Map.of("tenantId", "t"))).status());
                }
                if (cycle == scale.killCycles()) {
                    last = rp; // the last start is left to finish everything
                    break;
                }
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    Thread thread = new Thread(() -> burst(http, sub, client, ledger, running), "client-" + c);
                    thread.start();
                    clients.add(thread);
                }
                Thread.sleep(1500 + random.nextInt(2500));
                rp.destroyForcibly(); // SIGKILL: whatever is in flight is cut off
                assertTrue(rp.waitFor(30, TimeUnit.SECONDS));
                running.set(false);
                for (Thread client : clients) {
                    client.join();
                }
                FaultFigures.add("killCycles", 1);
            } catch (Throwable t) {
                rp.destroyForcibly();
                throw t;
            }
        }

        try {
            await("every cluster ends terminal", Duration.ofMinutes(4), () -> ledger.clusters.keySet().stream().allMatch(c -> {
                Reply reply = http.get(c + V);
                return reply.status() == 404 || TERMINAL.contains(reply.json().at("/properties/provisioningState").asText());
            }));

            List<String> lost = new ArrayList<>();
            int nonTerminal = 0;
            for (Map.Entry<String, Track> entry : ledger.clusters.entrySet()) {
                Track track = entry.getValue();
                Reply reply = http.get(entry.getKey() + V);
                if (track.deleteAcknowledged) {
                    if (reply.status() != 404) {
                        lost.add("delete of " + entry.getKey());
                    }
                    continue;
                }
                if (reply.status() == 404) {
                    if (track.createAcknowledged && !track.deleteSent) {
                        lost.add("create of " + entry.getKey());
                    }
                    continue;
                }
                if (!TERMINAL.contains(reply.json().at("/properties/provisioningState").asText())) {
                    nonTerminal++;
                }
                String tag = reply.json().at("/tags/mark").asText(null);
                if (track.lastAcknowledgedMark != null && !track.possibleMarks().contains(tag)) {
                    lost.add("update of " + entry.getKey() + " (" + track.lastAcknowledgedMark + ", stored " + tag + ")");
                }
            }
            List<String> createdTwice = CloudJournal.createdTwice(new SimulatedResources(dir.resolve("simulated-cloud")).journal());
            long duplicated = createdTwice.size();

            FaultFigures.add("acknowledgedWrites", ledger.acknowledged.get());
            FaultFigures.add("lostWrites", lost.size());
            FaultFigures.add("nonTerminalClusters", nonTerminal);
            FaultFigures.add("duplicatedCloudResources", duplicated);
            assertTrue(ledger.acknowledged.get() > 0, "no write was acknowledged");
            assertTrue(lost.isEmpty(), "acknowledged writes lost: " + lost);
            assertEquals(0, nonTerminal, "clusters not terminal");
            assertEquals(0, duplicated, "cloud resources created twice: " + createdTwice);
        } finally {
            if (last != null) {
                last.destroy();
                last.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** One client until told to stop: creates clusters, updates the tags of and deletes its own, recording what the RP acknowledged. */
    private static void burst(Http http, String sub, int client, Ledger ledger, AtomicBoolean running) {
        Random random = new Random();
        List<String> mine = new ArrayList<>();
        int n = 0;
        while (running.get()) {
            try {
                int choice = random.nextInt(10);
                if (mine.isEmpty() || choice < 6) {
                    String cluster = FrontendHarness.cluster(sub, "rg", "k" + client + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + n++);
                    Track track = ledger.track(cluster);
                    mine.add(cluster);
                    if (http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub)).status() == 201) {
                        track.createAcknowledged = true;
                        ledger.acknowledged.incrementAndGet();
                    }
                } else if (choice < 9) {
                    String cluster = mine.get(random.nextInt(mine.size()));
                    Track track = ledger.track(cluster);
                    if (track.deleteSent) {
                        continue;
                    }
                    String mark = UUID.randomUUID().toString();
                    track.unacknowledgedMarks.add(mark);
                    int status = http.patch(cluster + V, Map.of("tags", Map.of("mark", mark))).status();
                    if (status == 200 || status == 202) {
                        track.lastAcknowledgedMark = mark;
                        track.unacknowledgedMarks.clear();
                        ledger.acknowledged.incrementAndGet();
                    } else if (status < 500) {
                        track.unacknowledgedMarks.remove(mark); // refused (409 while busy, 404): nothing was written
                    }
                } else {
                    String cluster = mine.get(random.nextInt(mine.size()));
                    Track track = ledger.track(cluster);
                    track.deleteSent = true;
                    int status = http.delete(cluster + V).status();
                    if (status == 202 || status == 204) {
                        track.deleteAcknowledged = true;
                        ledger.acknowledged.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                // The process was killed under the request: it was not acknowledged, whatever the RP did with it.
            }
        }
    }

    /** What the clients did to the clusters and what the RP acknowledged. */
    private static final class Ledger {
        final Map<String, Track> clusters = new ConcurrentHashMap<>();
        final AtomicInteger acknowledged = new AtomicInteger();

        Track track(String cluster) {
            return clusters.computeIfAbsent(cluster, c -> new Track());
        }
    }

    /** One cluster's writes, by the one client that owns it. */
    private static final class Track {
        volatile boolean createAcknowledged;
        volatile boolean deleteSent;
        volatile boolean deleteAcknowledged;
        volatile String lastAcknowledgedMark;
        /** Updates sent after the last acknowledged one whose outcome is unknown (the process died under them): any may be stored. */
        final Set<String> unacknowledgedMarks = ConcurrentHashMap.newKeySet();

        Set<String> possibleMarks() {
            Set<String> marks = new java.util.HashSet<>(unacknowledgedMarks);
            marks.add(lastAcknowledgedMark);
            return marks;
        }
    }

    private Process start(int port, Map<String, String> database, List<String> jvmOptions, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add("io.aro.rp.Main");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("ARO_LISTEN", "http://127.0.0.1:" + port + "/");
        env.put("ARO_MANAGEMENT_LISTEN", "");
        env.put("ARO_DATA_DIR", dir.toString());
        env.put("ARO_ENCRYPTION_KEYS", LifecycleHarness.KEYS);
        env.put("ARO_SIMULATED_STEP_DELAY", "PT0.05S");
        env.put("ARO_LEASE_TTL", "PT3S");
        env.put("ARO_HEARTBEAT", "PT1S");
        env.put("ARO_POLL_INTERVAL", "PT0.2S");
        env.put("ARO_SHUTDOWN_GRACE", "PT2S");
        env.putAll(database);
        return builder.start();
    }

    private static void awaitReady(Http http, Process rp) {
        await("the RP serves", Duration.ofSeconds(90), () -> {
            assertTrue(rp.isAlive(), "the RP process exited with " + (rp.isAlive() ? "" : rp.exitValue()));
            try {
                return http.get("/healthz").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
