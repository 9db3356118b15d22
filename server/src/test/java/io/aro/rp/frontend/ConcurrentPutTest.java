package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.AsyncOperations;
import io.aro.rp.database.Query;
import io.aro.rp.testing.Concurrently;
import io.aro.rp.testing.Http.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty clients write one cluster at once: one wins each round, the others are told why, nothing is lost, nothing fails with 500. */
class ConcurrentPutTest {
    @Test
    void twentyConcurrentCreatesMakeOneCluster(@TempDir Path dir) throws Exception {
        try (FrontendHarness rp = new FrontendHarness(dir, 10)) {
            String sub = UUID.randomUUID().toString();
            rp.subscription(sub, "Registered");
            String path = FrontendHarness.cluster(sub, "rg", "contended") + "?api-version=2023-11-22";
            var body = FrontendHarness.createRequest("2023-11-22", sub);

            List<Reply> replies = Concurrently.run(20, i -> rp.http.put(path, body));

            assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies.toString());
            assertTrue(replies.stream().allMatch(r -> r.status() == 201 || (r.status() == 409 && r.code().equals("RequestNotAllowed"))),
                    replies.toString());
            assertEquals(1, rp.database.openShiftClusters().listBySubscription(sub, null, 10).items().size());
            assertEquals(1, asyncOperations(rp), "the refused creates left no AsyncOperation behind");
        }
    }

    @Test
    void createsRefusedForADuplicateClientIdLeaveNothing(@TempDir Path dir) throws Exception {
        try (FrontendHarness rp = new FrontendHarness(dir, 10)) {
            String sub = UUID.randomUUID().toString();
            rp.subscription(sub, "Registered");
            var body = FrontendHarness.createRequest("2023-11-22", sub);
            assertEquals(201, rp.http.put(FrontendHarness.cluster(sub, "rg", "first") + "?api-version=2023-11-22", body).status());

            List<Reply> replies = Concurrently.run(20, i -> rp.http.put(FrontendHarness.cluster(sub, "rg", "copy-" + i) + "?api-version=2023-11-22", body));

            assertTrue(replies.stream().allMatch(r -> r.status() == 400 && r.code().equals("DuplicateClientID")), replies.toString());
            assertEquals(1, asyncOperations(rp), "only the accepted create's");
        }
    }

    private static int asyncOperations(FrontendHarness rp) {
        return rp.store.container(AsyncOperations.SPEC).query(new Query(null, List.of(), null), null, 1000).items().size();
    }

    @Test
    void twentyConcurrentUpdatesLoseNoWrite(@TempDir Path dir) throws Exception {
        try (FrontendHarness rp = new FrontendHarness(dir, 10)) {
            String sub = UUID.randomUUID().toString();
            rp.subscription(sub, "Registered");
            String cluster = FrontendHarness.cluster(sub, "rg", "contended");
            rp.http.put(cluster + "?api-version=2023-11-22", FrontendHarness.createRequest("2023-11-22", sub));
            rp.finish(cluster, ProvisioningState.SUCCEEDED);

            List<Reply> replies = Concurrently.run(20, i -> rp.http.patch(cluster + "?api-version=2023-11-22", Map.of("tags", Map.of("writer", "w" + i))));

            List<Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
            assertEquals(1, won.size(), replies.toString());
            assertTrue(replies.stream().allMatch(r -> r.status() == 200 || r.status() == 409), replies.toString());
            String tag = rp.http.get(cluster + "?api-version=2023-11-22").json().at("/tags/writer").asText();
            assertEquals(won.get(0).json().at("/tags/writer").asText(), tag, "the winner's write is the one stored");
        }
    }
}
