package io.aro.rp.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.database.Query.Condition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DocumentStore} does alike; run against the embedded store and against Cosmos DB. */
public abstract class DocumentStoreContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContainerSpec SPEC = new ContainerSpec("Things", "/partitionKey", List.of("/key"), false);

    protected DocumentStore store;
    protected DocumentContainer things;

    /** A new, empty store. */
    protected abstract DocumentStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
        things = store.container(SPEC);
    }

    @AfterEach
    void close() {
        store.close();
    }

    protected static ObjectNode thing(String partition, String id, String key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id).put("partitionKey", partition).put("key", key);
        return node;
    }

    @Test
    void createThenReadGivesTheDocumentWithSystemFields() {
        ObjectNode created = things.create("p1", thing("p1", "a", "k-a").put("n", 1));

        ObjectNode read = things.read("p1", "a").orElseThrow();

        assertEquals(1, read.path("n").asInt());
        assertTrue(read.path("_etag").isTextual());
        assertTrue(read.path("_ts").isNumber());
        assertEquals(created.path("_etag"), read.path("_etag"));
    }

    @Test
    void readingAMissingDocumentGivesNothing() {
        assertTrue(things.read("p1", "missing").isEmpty());
        things.create("p1", thing("p1", "a", "k-a"));
        assertTrue(things.read("p2", "a").isEmpty(), "a document is found only in its own partition");
    }

    @Test
    void aTakenIdIsAConflict() {
        things.create("p1", thing("p1", "a", "k-a"));
        assertThrows(DocumentConflictException.class, () -> things.create("p1", thing("p1", "a", "k-other")));
        things.create("p2", thing("p2", "a", "k-a")); // ids and unique keys are unique per partition
    }

    @Test
    void aTakenUniqueKeyIsAConflict() {
        things.create("p1", thing("p1", "a", "k-a"));
        assertThrows(DocumentConflictException.class, () -> things.create("p1", thing("p1", "b", "k-a")));

        things.create("p1", thing("p1", "b", "k-b"));
        ObjectNode b = things.read("p1", "b").orElseThrow();
        assertThrows(DocumentConflictException.class, () -> things.replace("p1", b.deepCopy().put("key", "k-a"), b.path("_etag").asText()));
    }

    @Test
    void aReplaceWithTheCurrentEtagWinsAndAStaleOneFails() {
        ObjectNode v1 = things.create("p1", thing("p1", "a", "k-a").put("n", 1));

        ObjectNode v2 = things.replace("p1", v1.deepCopy().put("n", 2), v1.path("_etag").asText());

        assertNotEquals(v1.path("_etag"), v2.path("_etag"));
        assertThrows(PreconditionFailedException.class, () -> things.replace("p1", v1.deepCopy().put("n", 3), v1.path("_etag").asText()));
        assertEquals(2, things.read("p1", "a").orElseThrow().path("n").asInt());
    }

    @Test
    void replacingOrDeletingAMissingDocumentIsNotFound() {
        assertThrows(DocumentNotFoundException.class, () -> things.replace("p1", thing("p1", "x", "k-x"), null));
        assertThrows(DocumentNotFoundException.class, () -> things.delete("p1", "x", null));
    }

    @Test
    void deleteHonoursTheEtag() {
        ObjectNode v1 = things.create("p1", thing("p1", "a", "k-a"));
        things.replace("p1", v1.deepCopy().put("n", 2), v1.path("_etag").asText());

        assertThrows(PreconditionFailedException.class, () -> things.delete("p1", "a", v1.path("_etag").asText()));
        things.delete("p1", "a", things.read("p1", "a").orElseThrow().path("_etag").asText());

        assertTrue(things.read("p1", "a").isEmpty());
        things.create("p1", thing("p1", "a2", "k-a")); // the unique key is free again
    }

    @Test
    void queriesSelectTheSameDocuments() {
        things.create("p1", thing("p1", "a", "/subscriptions/s/resourcegroups/rg1/x/a").put("state", "Creating").put("leaseExpires", 100));
        things.create("p1", thing("p1", "b", "/subscriptions/s/resourcegroups/rg1/x/b").put("state", "Succeeded"));
        things.create("p1", thing("p1", "c", "/subscriptions/s/resourcegroups/rg2/x/c").put("state", "Deleting").put("deleting", true));
        things.create("p2", thing("p2", "d", "/subscriptions/t/resourcegroups/rg1/x/d").put("state", "Updating").put("leaseExpires", 300));
        things.create("p2", thing("p2", "e", "/subscriptions/t/resourcegroups/rg1/x/e").put("state", "Failed").put("deleting", false));

        assertEquals(Set.of("a", "b", "c"), ids(new Query("p1", List.of(), null)));
        assertEquals(Set.of("a", "b"), ids(new Query("p1", List.of(new Condition.StartsWith("key", "/subscriptions/s/resourcegroups/rg1/")), "key")));
        assertEquals(Set.of("a", "c", "d"),
                ids(new Query(null, List.of(new Condition.In("state", List.of("Creating", "Deleting", "Updating"))), null)));
        assertEquals(Set.of("a", "c"), ids(new Query(null, List.of(
                new Condition.In("state", List.of("Creating", "Deleting", "Updating")), new Condition.LessThanOrAbsent("leaseExpires", 200)), null)));
        assertEquals(Set.of("c"), ids(new Query(null, List.of(new Condition.IsTrue("deleting")), null)));
        assertEquals(Set.of("e"), ids(new Query("p2", List.of(new Condition.Equals("state", "Failed")), null)));
        assertEquals(Set.of(), ids(new Query("p3", List.of(), null)));
    }

    @Test
    void queriesOnAValueFollowEveryWrite() {
        things.create("p1", thing("p1", "a", "k-a").put("state", "Creating"));
        things.create("p1", thing("p1", "b", "k-b").put("state", "Succeeded"));
        Query working = new Query(null, List.of(new Condition.In("state", List.of("Creating", "Deleting"))), null);
        assertEquals(Set.of("a"), ids(working));

        ObjectNode b = things.read("p1", "b").orElseThrow();
        things.replace("p1", b.deepCopy().put("state", "Deleting"), b.path("_etag").asText());
        ObjectNode a = things.read("p1", "a").orElseThrow();
        things.replace("p1", a.deepCopy().put("state", "Succeeded"), a.path("_etag").asText());
        things.create("p2", thing("p2", "c", "k-c").put("state", "Creating"));
        assertEquals(Set.of("b", "c"), ids(working));
        assertEquals(Set.of("c"), ids(new Query("p2", List.of(new Condition.Equals("state", "Creating")), null)));
        assertEquals(Set.of(), ids(new Query("p1", List.of(new Condition.Equals("state", "Creating")), null)));

        things.delete("p1", "b", null);
        things.create("p1", thing("p1", "b", "k-b2").put("state", "Failed"));
        assertEquals(Set.of("c"), ids(working));
        assertEquals(Set.of("a"), ids(new Query(null, List.of(new Condition.Equals("state", "Succeeded")), null)));
    }

    @Test
    void pagesOfAQueryOnValuesAcrossPartitionsGiveEveryMatchOnce() {
        List<String> expected = new ArrayList<>();
        String[] states = {"Creating", "Deleting", "Updating", "Succeeded"};
        for (int i = 0; i < 40; i++) {
            String id = "doc-" + UUID.randomUUID();
            String partition = i % 3 == 0 ? "p1" : "p2";
            things.create(partition, thing(partition, id, "key-" + i).put("state", states[i % 4]).put("leaseExpires", i % 5 == 0 ? 900 : 0));
            if (i % 4 != 3 && i % 5 != 0) {
                expected.add(id);
            }
        }
        expected.sort(null);
        Query query = new Query(null, List.of(new Condition.In("state", List.of("Creating", "Deleting", "Updating")),
                new Condition.LessThanOrAbsent("leaseExpires", 100)), null);

        List<String> seen = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            Page page = things.query(query, continuation, 4);
            assertTrue(page.items().size() <= 4);
            page.items().forEach(d -> seen.add(d.path("id").asText()));
            continuation = page.continuation();
            pages++;
        } while (continuation != null && pages < 50);

        seen.sort(null); // without orderBy, Cosmos DB promises no order
        assertEquals(expected, seen, "every matching document once");
    }

    @Test
    void pagesFollowTheirContinuationsToEveryDocumentExactlyOnce() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = "doc-" + UUID.randomUUID();
            things.create("p1", thing("p1", id, String.format("key-%02d", i)));
            expected.add(String.format("key-%02d", i));
        }
        things.create("p2", thing("p2", "other", "key-other"));

        List<String> seen = new ArrayList<>();
        int pages = 0;
        String continuation = null;
        do {
            Page page = things.query(new Query("p1", List.of(), "key"), continuation, 5);
            assertTrue(page.items().size() <= 5);
            page.items().forEach(d -> seen.add(d.path("key").asText()));
            continuation = page.continuation();
            pages++;
        } while (continuation != null && pages < 50);

        assertEquals(expected, seen, "every document once, in key order");
        assertTrue(pages >= 5, "23 documents in pages of 5 take at least 5 pages, took " + pages);
    }

    @Test
    void aLastPageHasNoContinuation() {
        things.create("p1", thing("p1", "a", "k-a"));
        Page page = things.query(new Query("p1", List.of(), "key"), null, 10);
        assertEquals(1, page.items().size());
        assertNull(page.continuation());
    }

    private Set<String> ids(Query query) {
        Set<String> ids = new HashSet<>();
        String continuation = null;
        do {
            Page page = things.query(query, continuation, 2);
            page.items().forEach(d -> assertFalse(!ids.add(d.path("id").asText()), "returned twice: " + d));
            continuation = page.continuation();
        } while (continuation != null);
        return ids;
    }
}
