package io.aro.rp.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.testing.Http.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists page with nextLink; following every nextLink yields every cluster once; a skip token cannot be forged or reused. */
class PagingTest {
    @Test
    void followingNextLinksYieldsEveryClusterOnce(@TempDir Path dir) {
        try (FrontendHarness rp = new FrontendHarness(dir, 4)) {
            String sub = UUID.randomUUID().toString();
            rp.subscription(sub, "Registered");
            Set<String> created = new HashSet<>();
            for (int i = 0; i < 11; i++) {
                String path = FrontendHarness.cluster(sub, i % 2 == 0 ? "even" : "odd", "cluster-" + i);
                assertEquals(201, rp.http.put(path + "?api-version=2023-11-22", FrontendHarness.createRequest("2023-11-22", sub)).status());
                created.add(path);
            }

            Set<String> seen = new HashSet<>();
            String next = "/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/openShiftClusters?api-version=2020-04-30";
            int pages = 0;
            String firstNextLink = null;
            while (next != null) {
                Reply page = rp.http.get(next);
                assertEquals(200, page.status(), page.toString());
                assertTrue(page.json().path("value").size() <= 4);
                page.json().path("value").forEach(c -> assertTrue(seen.add(c.path("id").asText()), "twice: " + c.path("id")));
                next = page.json().hasNonNull("nextLink") ? page.json().path("nextLink").asText().replaceFirst("^http://[^/]+", "") : null;
                if (pages == 0) {
                    firstNextLink = next;
                    assertTrue(next.contains("api-version=2020-04-30") && next.contains("$skipToken="), next);
                }
                pages++;
            }
            assertEquals(created, seen);
            assertEquals(3, pages);

            Set<String> even = new HashSet<>();
            next = "/subscriptions/" + sub + "/resourceGroups/even/providers/Microsoft.RedHatOpenShift/openShiftClusters?api-version=2023-11-22";
            while (next != null) {
                Reply page = rp.http.get(next);
                page.json().path("value").forEach(c -> even.add(c.path("name").asText()));
                next = page.json().hasNonNull("nextLink") ? page.json().path("nextLink").asText().replaceFirst("^http://[^/]+", "") : null;
            }
            assertEquals(Set.of("cluster-0", "cluster-2", "cluster-4", "cluster-6", "cluster-8", "cluster-10"), even);

            String token = URLDecoder.decode(firstNextLink.substring(firstNextLink.indexOf("$skipToken=") + 11), StandardCharsets.UTF_8);
            Reply otherList = rp.http.get("/subscriptions/" + sub + "/resourceGroups/even/providers/Microsoft.RedHatOpenShift/openShiftClusters"
                    + "?api-version=2023-11-22&$skipToken=" + token);
            assertEquals(400, otherList.status(), "a token is bound to its list");
            assertEquals("$skipToken", otherList.json().at("/error/target").asText());
            Reply forged = rp.http.get("/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/openShiftClusters"
                    + "?api-version=2023-11-22&$skipToken=eyJpZCI6ImFhYSJ9");
            assertEquals(400, forged.status());
            assertEquals("InvalidParameter", forged.code());
        }
    }
}
