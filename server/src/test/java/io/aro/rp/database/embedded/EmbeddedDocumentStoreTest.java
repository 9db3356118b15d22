package io.aro.rp.database.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.database.DocumentStore;
import io.aro.rp.database.DocumentStoreContract;
import io.aro.rp.database.Query;
import io.aro.rp.database.Query.Condition;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDocumentStoreTest extends DocumentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected DocumentStore openStore() {
        return EmbeddedDocumentStore.open(dir.resolve("rp.db"), Clock.systemUTC(), false, failure -> { });
    }

    @Test
    void documentsBeyondTheParsedCacheReadAndMatchAsStored() {
        // Twelve documents of a megabyte each: more than the cache of parsed documents keeps.
        String padding = "x".repeat(1 << 20);
        for (int i = 0; i < 12; i++) {
            things.create("p", thing("p", "big-" + i, "k-" + i).put("padding", padding).put("n", i).put("state", i % 2 == 0 ? "even" : "odd"));
        }
        for (int i = 0; i < 12; i++) {
            ObjectNode read = things.read("p", "big-" + i).orElseThrow();
            assertEquals(i, read.path("n").asInt());
            assertEquals(padding.length(), read.path("padding").asText().length());
        }
        List<ObjectNode> even = things.query(new Query("p", List.of(new Condition.Equals("state", "even")), null), null, 100).items();
        assertEquals(List.of(0, 10, 2, 4, 6, 8), even.stream().map(d -> d.path("n").asInt()).toList(), "in id order");
    }
}
