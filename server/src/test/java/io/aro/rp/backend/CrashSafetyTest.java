package io.aro.rp.backend;

import static io.aro.rp.backend.LifecycleHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.frontend.FrontendHarness;
import io.aro.rp.testing.FaultInjectingCloud;
import io.aro.rp.testing.FaultInjectingCloud.Step;
import io.aro.rp.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A worker abandoned in the middle of a step, its lease never renewed nor ended, as a crashed process's:
 * once the lease's TTL has passed another backend takes the cluster, resumes the phase and finishes;
 * the cloud's journal shows every resource created once, and the abandoned worker, stopped at last,
 * changes nothing.
 */
class CrashSafetyTest {
    private static final String V = "?api-version=2023-11-22";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.startingNow();
    LifecycleHarness rp;
    String sub;
    String cluster;

    @BeforeEach
    void start() {
        rp = new LifecycleHarness(EmbeddedDocumentStore.open(dir.resolve("rp.db"), clock, false, failure -> { }), clock, dir.resolve("cloud"));
        sub = UUID.randomUUID().toString();
        rp.http.put("/subscriptions/" + sub + "?api-version=2.0", Map.of("state", "Registered", "properties", Map.of("tenantId", "t")));
        cluster = FrontendHarness.cluster(sub, "rg", "crash");
    }

    @AfterEach
    void stop() {
        rp.close();
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"DEPLOY_STORAGE", "CREATE_DNS", "START_INSTALLATION", "READ_ACCESS", "UPDATE", "UPDATE_SERVICE_PRINCIPAL",
        "DELETE", "DELETE_INSTALLATION"})
    void anotherBackendResumesAfterTheLeaseExpires(Step step) throws Exception {
        boolean update = step == Step.UPDATE || step == Step.UPDATE_SERVICE_PRINCIPAL;
        boolean delete = step == Step.DELETE || step == Step.DELETE_INSTALLATION;
        boolean install = !update && !delete;
        if (!install) {
            Backend setup = rp.backend("setup", rp.cloud());
            rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub));
            await("the cluster is installed", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);
            setup.close();
        }

        CountDownLatch never = new CountDownLatch(1);
        FaultInjectingCloud stuck = rp.cloud();
        stuck.stallAt(step, never);
        Backend crashing = rp.crashingBackend("crashing", stuck);
        if (install) {
            rp.http.put(cluster + V, FrontendHarness.createRequest("2023-11-22", sub));
        } else if (update) {
            rp.http.patch(cluster + V, Map.of("tags", Map.of("team", "blue")));
        } else {
            rp.http.delete(cluster + V);
        }
        await("the worker is stuck at " + step, WAIT, () -> stuck.calls(step) > 0);
        assertEquals("crashing", rp.cluster(cluster).orElseThrow().getLeaseOwner());

        clock.advance(LifecycleHarness.TTL.plusSeconds(2));
        FaultInjectingCloud healthy = rp.cloud();
        rp.backend("survivor", healthy);
        if (delete) {
            await("the cluster is deleted", WAIT, () -> rp.cluster(cluster).isEmpty());
        } else {
            await("the operation succeeds", WAIT, () -> rp.state(cluster) == ProvisioningState.SUCCEEDED);
            assertEquals(0, rp.cluster(cluster).orElseThrow().getDequeues(), "dequeues reset on success");
        }

        crashing.close(); // the dead process's thread ends at last: interrupted in the step it never finished
        if (delete) {
            assertTrue(rp.cluster(cluster).isEmpty(), "the stuck worker recreated nothing");
        } else {
            var doc = rp.cluster(cluster).orElseThrow();
            assertEquals(ProvisioningState.SUCCEEDED, doc.getOpenShiftCluster().getProperties().getProvisioningState());
            assertNull(doc.getLeaseOwner(), "the stuck worker took nothing back");
        }
        assertEveryResourceCreatedOnce(rp.resources.journal());
        if (delete) {
            assertTrue(rp.resources.ids().isEmpty(), rp.resources.ids().toString());
        }
    }

    private static void assertEveryResourceCreatedOnce(List<String> journal) {
        Map<String, Integer> created = new HashMap<>();
        journal.stream().filter(line -> line.startsWith("created ")).forEach(line -> created.merge(line.substring(8), 1, Integer::sum));
        created.forEach((id, times) -> assertEquals(1, times, id + " was created " + times + " times"));
        assertTrue(created.size() > 10, "the journal records the install: " + created.size());
    }
}
