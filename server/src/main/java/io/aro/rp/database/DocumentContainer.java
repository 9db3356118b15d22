package io.aro.rp.database;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A container of JSON documents. Every document has an {@code id} unique in its partition and, once
 * stored, the system fields {@code _etag} (changes on every write) and {@code _ts} (seconds since the
 * epoch of the last write).
 */
public interface DocumentContainer {
    /**
     * Stores a new document.
     *
     * @return the document as stored, with its system fields
     * @throws DocumentConflictException when its id or a unique key is taken in its partition
     */
    ObjectNode create(String partitionKey, ObjectNode document);

    /** The document, or empty when there is none (or it has expired). */
    Optional<ObjectNode> read(String partitionKey, String id);

    /**
     * Replaces a document if it is still at {@code etag}.
     *
     * @return the document as stored
     * @throws PreconditionFailedException when the stored document's ETag is no longer {@code etag}
     * @throws DocumentNotFoundException when there is no such document
     * @throws DocumentConflictException when a changed unique key is taken
     */
    ObjectNode replace(String partitionKey, ObjectNode document, String etag);

    /**
     * Deletes a document if it is still at {@code etag} (any ETag when null).
     *
     * @throws PreconditionFailedException when the stored document's ETag is no longer {@code etag}
     * @throws DocumentNotFoundException when there is no such document
     */
    void delete(String partitionKey, String id, String etag);

    /**
     * One page of the documents that match {@code query}.
     *
     * @param continuation where the previous page ended, or null for the first page
     * @param maxItems the most documents the page may hold
     */
    Page query(Query query, String continuation, int maxItems);

    /**
     * How many documents a query that will most likely use only its first (the backend's dequeue) should ask for
     * at a time. Cosmos DB answers a page with one round trip, however long (a page of 5 made 100 clusters take
     * 35 s to install instead of 27 s on the test server); the embedded store reads and copies every document of a page.
     */
    default int dequeuePageSize() {
        return 50;
    }
}
