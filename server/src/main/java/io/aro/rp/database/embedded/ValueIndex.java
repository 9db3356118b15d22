package io.aro.rp.database.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.database.QueryMatcher;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The documents of a container by the string value at one field path, each value's documents in id order:
 * what lets a query with an equality condition (the backend's dequeue: clusters in a non-terminal state)
 * read the few documents that can match instead of every document of the container, and stop after a page.
 *
 * <p>Entries are {@code id + SEPARATOR + partitionKey}. Written with the store's write lock held and read
 * without it: a reader checks every document it finds against the whole query, so an entry that is a write
 * ahead of the document costs a check, never a wrong result.
 */
final class ValueIndex {
    static final char SEPARATOR = '\u0000';

    private final String path;
    private final Map<String, NavigableSet<String>> entries = new ConcurrentHashMap<>();

    ValueIndex(String path) {
        this.path = path;
    }

    /** Records {@code document} (stored in {@code partitionKey}) under its value, if it has a string there. */
    void add(String partitionKey, ObjectNode document) {
        String value = value(document);
        if (value != null) {
            entries.computeIfAbsent(value, v -> new ConcurrentSkipListSet<>()).add(entry(partitionKey, document));
        }
    }

    /** Forgets {@code document} (stored in {@code partitionKey}) under its value. */
    void remove(String partitionKey, ObjectNode document) {
        String value = value(document);
        NavigableSet<String> documents = value == null ? null : entries.get(value);
        if (documents != null) {
            documents.remove(entry(partitionKey, document));
        }
    }

    /** The entries of the documents with {@code value}, in id order: a live view. */
    NavigableSet<String> entries(String value) {
        NavigableSet<String> documents = entries.get(value);
        return documents == null ? Collections.emptyNavigableSet() : documents;
    }

    private String value(ObjectNode document) {
        JsonNode value = QueryMatcher.value(document, path);
        return value.isTextual() ? value.textValue() : null;
    }

    private static String entry(String partitionKey, ObjectNode document) {
        return document.path("id").asText() + SEPARATOR + partitionKey;
    }
}
