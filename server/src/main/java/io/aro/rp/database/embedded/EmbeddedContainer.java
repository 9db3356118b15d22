package io.aro.rp.database.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentConflictException;
import io.aro.rp.database.DocumentContainer;
import io.aro.rp.database.DocumentNotFoundException;
import io.aro.rp.database.Page;
import io.aro.rp.database.PreconditionFailedException;
import io.aro.rp.database.Query;
import io.aro.rp.database.Query.Condition;
import io.aro.rp.database.QueryMatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A container of the embedded store: one MVStore map of documents keyed by partition and id, and one map
 * of unique keys. Reads run without locks on MVStore's snapshots; writes take the store's write lock.
 */
final class EmbeddedContainer implements DocumentContainer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char SEPARATOR = '\u0000';
    private static final String NULL_VALUE = "\u0001null";
    /**
     * How much JSON the cache of parsed documents holds, in characters: about 3,000 clusters and operations. Its trees took
     * about 20 MiB of heap (8 Mi characters took 50 MiB, half the live heap after a run of creates, docs/performance.md).
     */
    private static final long PARSED_CHARACTERS = 2L << 20;

    private final EmbeddedDocumentStore store;
    private final ContainerSpec spec;
    private final MVMap<String, String> documents;
    private final MVMap<String, String> uniqueKeys;
    /**
     * Parsed documents by key, bounded by the length of their JSON: a parsed tree takes several times its text,
     * so an unbounded cache would outgrow the heap with the number of clusters stored. Its upkeep (evictions) runs in
     * the calling thread: handed to the common pool, it woke a thread for nearly every write, 5 % of a create's CPU.
     */
    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(PARSED_CHARACTERS)
            .weigher((String key, Parsed value) -> value.json().length()).build();
    /** Indexes of the field paths that queries have asked for equal values, built on first use. */
    private final Map<String, ValueIndex> indexes = new ConcurrentHashMap<>();

    EmbeddedContainer(EmbeddedDocumentStore store, ContainerSpec spec) {
        this.store = store;
        this.spec = spec;
        this.documents = store.mvStore().openMap(spec.name());
        this.uniqueKeys = store.mvStore().openMap(spec.name() + "$uniqueKeys");
    }

    @Override
    public ObjectNode create(String partitionKey, ObjectNode document) {
        String id = requireId(document);
        checkPartitionKey(partitionKey, document);
        return store.write(() -> {
            String key = key(partitionKey, id);
            ObjectNode existing = live(key, documents.get(key));
            if (existing == null && documents.containsKey(key)) {
                remove(partitionKey, key, parsed(key, documents.get(key)));
            }
            if (existing != null) {
                throw new DocumentConflictException("a document with id " + id + " already exists in partition " + partitionKey);
            }
            checkUniqueKeys(partitionKey, id, document);
            return write(partitionKey, id, document, null);
        });
    }

    @Override
    public Optional<ObjectNode> read(String partitionKey, String id) {
        store.requireOpen();
        String key = key(partitionKey, id);
        return Optional.ofNullable(live(key, documents.get(key))).map(ObjectNode::deepCopy);
    }

    @Override
    public ObjectNode replace(String partitionKey, ObjectNode document, String etag) {
        String id = requireId(document);
        checkPartitionKey(partitionKey, document);
        return store.write(() -> {
            ObjectNode existing = existing(partitionKey, id);
            checkEtag(existing, etag);
            checkUniqueKeys(partitionKey, id, document);
            return write(partitionKey, id, document, existing);
        });
    }

    /** The live document {@code id}, or DocumentNotFoundException. */
    private ObjectNode existing(String partitionKey, String id) {
        String key = key(partitionKey, id);
        ObjectNode existing = live(key, documents.get(key));
        if (existing == null) {
            throw new DocumentNotFoundException("no document with id " + id + " in partition " + partitionKey);
        }
        return existing;
    }

    @Override
    public void delete(String partitionKey, String id, String etag) {
        store.write(() -> {
            ObjectNode existing = existing(partitionKey, id);
            checkEtag(existing, etag);
            remove(partitionKey, key(partitionKey, id), existing);
            return null;
        });
    }

    /**
     * A dequeue's candidates a few at a time: each is read (parsed, when the cache no longer holds it) and copied,
     * and a page of 50 was a fifth of the process's CPU with a backlog of thousands of clusters.
     */
    @Override
    public int dequeuePageSize() {
        return 5;
    }

    @Override
    public Page query(Query query, String continuation, int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be positive");
        }
        store.requireOpen();
        Condition indexed = query.conditions().stream()
                .filter(c -> c instanceof Condition.Equals || c instanceof Condition.In).findFirst().orElse(null);
        ObjectNode after = continuation == null ? null : decodeContinuation(continuation);
        List<ObjectNode> matches = indexed == null ? scan(query) : lookUp(query, indexed, after, maxItems);
        Comparator<ObjectNode> order = Comparator.comparing((ObjectNode d) -> sortValue(query, d))
                .thenComparing(d -> d.path("id").asText());
        matches.sort(order);

        int start = 0;
        if (after != null) {
            while (start < matches.size() && order.compare(matches.get(start), after) <= 0) {
                start++;
            }
        }
        int end = Math.min(matches.size(), start + maxItems);
        List<ObjectNode> items = matches.subList(start, end).stream().map(ObjectNode::deepCopy).toList();
        String next = end < matches.size() ? encodeContinuation(query, items.get(items.size() - 1)) : null;
        return new Page(items, next);
    }

    /** Every live document of the query's partition (or of all) that matches it: shared with the cache, not to be changed. */
    private List<ObjectNode> scan(Query query) {
        // A partition is the key range that starts with its key and the separator.
        String from = query.partitionKey() == null ? null : query.partitionKey() + SEPARATOR;
        String to = query.partitionKey() == null ? null : query.partitionKey() + (char) (SEPARATOR + 1);
        Cursor<String, String> cursor = documents.cursor(from, to, false);
        List<ObjectNode> matches = new ArrayList<>();
        while (cursor.hasNext()) {
            cursor.next();
            ObjectNode document = live(cursor.getKey(), cursor.getValue());
            if (document != null && QueryMatcher.matches(query, document)) {
                matches.add(document);
            }
        }
        return matches;
    }

    /**
     * The live documents that match the query, found through the index of {@code indexed}'s path. In id order
     * (no orderBy), each value's documents are read from the continuation on and only until a page and one
     * more have matched: the first of all of them in order are among those. Shared with the cache, not to be
     * changed: only the page returned is copied.
     */
    private List<ObjectNode> lookUp(Query query, Condition indexed, ObjectNode after, int maxItems) {
        ValueIndex index = index(indexed.path());
        List<String> values = indexed instanceof Condition.Equals c ? List.of(c.value()) : ((Condition.In) indexed).values();
        boolean idOrder = query.orderBy() == null;
        List<ObjectNode> matches = new ArrayList<>();
        for (String value : new LinkedHashSet<>(values)) {
            NavigableSet<String> entries = index.entries(value);
            if (idOrder && after != null) {
                // Entries are "id, separator, partition": this skips every id up to and including the last one returned.
                entries = entries.tailSet(after.path("id").asText() + (char) (ValueIndex.SEPARATOR + 1), true);
            }
            int found = 0;
            for (String entry : entries) {
                int separator = entry.indexOf(ValueIndex.SEPARATOR);
                String partitionKey = entry.substring(separator + 1);
                if (query.partitionKey() != null && !query.partitionKey().equals(partitionKey)) {
                    continue;
                }
                String key = key(partitionKey, entry.substring(0, separator));
                ObjectNode document = live(key, documents.get(key));
                if (document != null && QueryMatcher.matches(query, document)) {
                    matches.add(document);
                    if (idOrder && ++found > maxItems) {
                        break;
                    }
                }
            }
        }
        return matches;
    }

    /** The index of {@code path}, built from every stored document under the write lock the first time, so that no write is missed. */
    private ValueIndex index(String path) {
        ValueIndex index = indexes.get(path);
        if (index != null) {
            return index;
        }
        synchronized (store.writeLock()) {
            return indexes.computeIfAbsent(path, p -> {
                ValueIndex built = new ValueIndex(p);
                Cursor<String, String> cursor = documents.cursor(null, null, false);
                while (cursor.hasNext()) {
                    String key = cursor.next();
                    built.add(key.substring(0, key.indexOf(SEPARATOR)), parsed(key, cursor.getValue()));
                }
                return built;
            });
        }
    }

    private static String sortValue(Query query, ObjectNode document) {
        return query.orderBy() == null ? "" : QueryMatcher.value(document, query.orderBy()).asText("");
    }

    /** The position after {@code last}: its sort value and id, as a document the comparator can read. */
    private static String encodeContinuation(Query query, ObjectNode last) {
        ObjectNode position = JSON.createObjectNode();
        position.put("id", last.path("id").asText());
        if (query.orderBy() != null) {
            ObjectNode parent = position;
            String[] fields = query.orderBy().split("\\.");
            for (int i = 0; i < fields.length - 1; i++) {
                parent = parent.putObject(fields[i]);
            }
            parent.put(fields[fields.length - 1], sortValue(query, last));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode decodeContinuation(String continuation) {
        try {
            return parse(new String(Base64.getUrlDecoder().decode(continuation), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DatabaseException e) {
            throw new IllegalArgumentException("not a continuation token of this store", e);
        }
    }

    /** Refuses a unique key value that a live document other than {@code id} holds; forgets those expired documents held. */
    private void checkUniqueKeys(String partitionKey, String id, ObjectNode document) {
        for (String path : spec.uniqueKeyPaths()) {
            String uniqueKey = uniqueKey(path, partitionKey, document);
            String holder = uniqueKeys.get(uniqueKey);
            if (holder == null || holder.equals(id)) {
                continue;
            }
            String heldKey = key(partitionKey, holder);
            String held = documents.get(heldKey);
            if (live(heldKey, held) != null) {
                throw new DocumentConflictException("unique key " + path + " is taken in partition " + partitionKey);
            }
            if (held != null) {
                remove(partitionKey, heldKey, parsed(heldKey, held));
            }
            store.remove(uniqueKeys, uniqueKey);
        }
    }

    /**
     * Stores the document and its unique keys (replacing those of {@code previous}); called in a store
     * write, so that one log record holds all of them.
     */
    private ObjectNode write(String partitionKey, String id, ObjectNode document, ObjectNode previous) {
        ObjectNode stored = stamp(document);
        if (previous != null) {
            for (String path : spec.uniqueKeyPaths()) {
                store.remove(uniqueKeys, uniqueKey(path, partitionKey, previous));
            }
            indexes.values().forEach(index -> index.remove(partitionKey, previous));
        }
        String key = key(partitionKey, id);
        String json = stored.toString();
        store.put(documents, key, json);
        parsed.put(key, new Parsed(json, stored));
        indexes.values().forEach(index -> index.add(partitionKey, stored));
        for (String path : spec.uniqueKeyPaths()) {
            store.put(uniqueKeys, uniqueKey(path, partitionKey, stored), id);
        }
        return stored.deepCopy();
    }

    private void remove(String partitionKey, String key, ObjectNode existing) {
        store.remove(documents, key);
        parsed.invalidate(key);
        indexes.values().forEach(index -> index.remove(partitionKey, existing));
        for (String path : spec.uniqueKeyPaths()) {
            String uniqueKey = uniqueKey(path, partitionKey, existing);
            if (existing.path("id").asText().equals(uniqueKeys.get(uniqueKey))) {
                store.remove(uniqueKeys, uniqueKey);
            }
        }
    }

    private ObjectNode stamp(ObjectNode document) {
        ObjectNode stored = document.deepCopy();
        stored.put("_etag", "\"" + UUID.randomUUID() + "\"");
        stored.put("_ts", store.clock().instant().getEpochSecond());
        return stored;
    }

    /** The parsed document stored at {@code key} as {@code json} (shared: not to be changed), or null when there is none or it has expired. */
    private ObjectNode live(String key, String json) {
        if (json == null) {
            return null;
        }
        ObjectNode document = parsed(key, json);
        if (spec.timeToLive() && document.path("ttl").asLong(0) > 0
                && document.path("_ts").asLong() + document.path("ttl").asLong() <= store.clock().instant().getEpochSecond()) {
            return null;
        }
        return document;
    }

    private static void checkEtag(ObjectNode existing, String etag) {
        if (etag != null && !etag.equals(existing.path("_etag").asText())) {
            throw new PreconditionFailedException("the document " + existing.path("id").asText() + " has changed since it was read");
        }
    }

    private void checkPartitionKey(String partitionKey, ObjectNode document) {
        JsonNode value = document.path(spec.partitionKeyField());
        if (!value.isTextual() || !value.textValue().equals(partitionKey)) {
            throw new IllegalArgumentException("the document's " + spec.partitionKeyField() + " is not its partition key " + partitionKey);
        }
    }

    private static String requireId(ObjectNode document) {
        JsonNode id = document.path("id");
        if (!id.isTextual() || id.textValue().isEmpty()) {
            throw new IllegalArgumentException("a document needs a string id");
        }
        return id.textValue();
    }

    private static String key(String partitionKey, String id) {
        return partitionKey + SEPARATOR + id;
    }

    /** Cosmos DB counts a missing unique key value as null, and null as a value like any other. */
    private static String uniqueKey(String path, String partitionKey, ObjectNode document) {
        JsonNode value = document.path(path.substring(1));
        return path + SEPARATOR + partitionKey + SEPARATOR + (value.isMissingNode() || value.isNull() ? NULL_VALUE : value.toString());
    }

    /**
     * {@code json}, the document stored at {@code key}, parsed once: queries (the backend's dequeue scans a
     * container) would otherwise parse every document each time. The cache follows the map, since this
     * process is the store's only writer; an entry whose text is not the stored one, or that the bounded
     * cache let go, is parsed again.
     */
    private ObjectNode parsed(String key, String json) {
        Parsed cached = parsed.getIfPresent(key);
        if (cached != null && (cached.json() == json || cached.json().equals(json))) {
            return cached.node();
        }
        ObjectNode node = parse(json);
        parsed.put(key, new Parsed(json, node));
        return node;
    }

    private record Parsed(String json, ObjectNode node) {
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("a stored document is not JSON", e);
        }
    }
}
