package io.aro.rp.fault;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.ProvisioningState;
import io.aro.rp.backend.LifecycleHarness;
import io.aro.rp.database.AsyncOperationDocument;
import io.aro.rp.database.AsyncOperations;
import io.aro.rp.database.Query;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.Concurrently;
import io.aro.rp.testing.FaultInjectingCloud;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients on one cluster, with a backend running its operations: concurrent creates make one cluster
 * and one AsyncOperation; concurrent tag updates, each retried while the cluster is busy (409, as ARO),
 * are each stored in turn. Nothing is left non-terminal.
 */
class ConcurrencyTest {
    private static final String V = "?api-version=2023-11-22";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    LifecycleHarness rp;
    String sub;

    @BeforeEach
    void start() {
        rp = new LifecycleHarness(EmbeddedDocumentStore.open(dir.resolve("rp.db"), Clock.systemUTC(), true, failure -> { }), Clock.systemUTC(), dir.resolve("cloud"));
        FaultInjectingCloud cloud = rp.cloud();
        rp.backend("backend", cloud);
        sub = UUID.randomUUID().toString();
        rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
    }

    @AfterEach
    void stop() {
        rp.close();
    }

    @Test
    void twentyConcurrentCreatesMakeOneClusterAndOneOperation() throws Exception {
        String cluster = FrontendHarness.cluster(sub, "rg", "contended");
        var body = FrontendHarness.createRequest("2023-11-22", sub);

        List<Reply> replies = Concurrently.run(20, i -> rp.http.put(cluster + V, body));

        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies.toString());
        assertTrue(replies.stream().allMatch(r -> r.status() < 500), replies.toString());
        await("the cluster is installed", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);
        List<AsyncOperationDocument> operations = asyncOperations();
        assertEquals(1, operations.size(), "one AsyncOperation: " + operations);
        assertNoneNonTerminal(operations);
        FaultFigures.add("concurrentCreates", replies.size());
    }

    /**
     * ARO refuses an update while another runs (409) and a PATCH's tags replace the cluster's, so fifty
     * clients that each PATCH their own tag, retrying while refused, are served one after the other: each
     * acknowledged PATCH must be what was stored when its update ended, and the last one what stays.
     */
    @Test
    void fiftyConcurrentTagUpdatesArePersistedEach() throws Exception {
        String cluster = FrontendHarness.cluster(sub, "rg", "tagged");
        assertEquals(201, rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub)).status());
        await("the cluster is installed", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);

        List<Reply> replies = Concurrently.run(50, i -> {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Reply reply = rp.http.patch(cluster + V, Map.of("tags", Map.of("writer", "w" + i)));
                if (reply.status() != 409 || System.nanoTime() > deadline) {
                    return reply;
                }
                Thread.sleep(20); // another update runs: ARO refuses until it ends
            }
        });

        assertTrue(replies.stream().allMatch(r -> r.status() == 200 || r.status() == 202), replies.toString());
        await("the last update ends", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);
        List<AsyncOperationDocument> operations = asyncOperations();
        assertNoneNonTerminal(operations);
        Set<String> persisted = new HashSet<>();
        for (AsyncOperationDocument operation : operations) {
            Map<String, String> stored = operation.getOpenShiftCluster().getTags();
            if (stored != null && stored.containsKey("writer")) {
                assertEquals(1, stored.size(), "an update stored another's tags too: " + stored);
                persisted.add(stored.get("writer"));
            }
        }
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            if (!persisted.contains("w" + i)) {
                lost.add("w" + i);
            }
        }
        FaultFigures.add("concurrentPatches", replies.size());
        FaultFigures.add("lostPatches", lost.size());
        assertTrue(lost.isEmpty(), "acknowledged PATCHes whose update did not store them: " + lost);
        String last = rp.http.get(cluster + V).json().at("/tags/writer").asText();
        assertTrue(persisted.contains(last), "the stored tag " + last + " is an acknowledged PATCH's");
    }

    private List<AsyncOperationDocument> asyncOperations() {
        return rp.store.container(AsyncOperations.SPEC).query(new Query(null, List.of(), null), null, 1000).items().stream()
                .map(d -> rp.database.asyncOperations().get(d.path("id").asText()).orElseThrow()).toList();
    }

    private static void assertNoneNonTerminal(List<AsyncOperationDocument> operations) {
        for (AsyncOperationDocument operation : operations) {
            assertTrue(operation.getAsyncOperation().getProvisioningState().isTerminal(), "left " + operation.getAsyncOperation().getProvisioningState());
        }
    }
}
