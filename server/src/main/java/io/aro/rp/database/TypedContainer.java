package io.aro.rp.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the typed wrappers of the containers share: JSON mapping, conditional writes and retried read-modify-writes. */
abstract class TypedContainer<D extends Document> {
    protected final DocumentContainer container;
    private final ObjectMapper json;
    private final Class<D> type;
    private final RetryPolicy<Object> onPreconditionFailed;

    TypedContainer(DocumentContainer container, ObjectMapper json, Class<D> type, PreconditionRetry retry) {
        this.container = container;
        this.json = json;
        this.type = type;
        this.onPreconditionFailed = retry.policy();
    }

    RetryPolicy<Object> onPreconditionFailed() {
        return onPreconditionFailed;
    }

    /** The partition a document belongs to. */
    abstract String partitionKey(D document);

    D createDocument(D document) {
        return fromJson(container.create(partitionKey(document), toJson(document)));
    }

    Optional<D> getDocument(String partitionKey, String id) {
        return container.read(partitionKey, id).map(this::fromJson);
    }

    Optional<Stored> getStored(String partitionKey, String id) {
        return container.read(partitionKey, id).map(Stored::new);
    }

    /** A document as read, made into a {@code D} only when asked: a reader that needs only its id and ETag pays for no more. */
    public final class Stored {
        private final ObjectNode node;

        private Stored(ObjectNode node) {
            this.node = node;
        }

        public String id() {
            return node.path("id").asText();
        }

        /** The ETag of this version of the document. */
        public String etag() {
            return node.path("_etag").asText(null);
        }

        public D document() {
            return fromJson(node);
        }
    }

    /**
     * Reads the document, applies {@code mutation} and writes it back if nobody wrote it in between,
     * retrying from the read when somebody did (ARO's RetryOnPreconditionFailed). A mutation that throws
     * aborts without writing.
     *
     * @throws DocumentNotFoundException when there is no such document
     * @throws PreconditionFailedException when other writers won every attempt
     */
    D patchDocument(String partitionKey, String id, Consumer<D> mutation) {
        return Failsafe.with(onPreconditionFailed).get(() -> {
            D document = getDocument(partitionKey, id).orElseThrow(
                    () -> new DocumentNotFoundException("no document " + id + " in partition " + partitionKey));
            mutation.accept(document);
            return replaceDocument(document);
        });
    }

    /** Writes {@code document} if it is still at the ETag it was read with. */
    D replaceDocument(D document) {
        return fromJson(container.replace(partitionKey(document), toJson(document), document.getEtag()));
    }

    /** Deletes {@code document} if it is still at the ETag it was read with. */
    void deleteDocument(D document) {
        container.delete(partitionKey(document), document.getId(), document.getEtag());
    }

    ResultPage<D> queryDocuments(Query query, String continuation, int maxItems) {
        Page page = container.query(query, continuation, maxItems);
        List<D> items = new ArrayList<>();
        page.items().forEach(item -> items.add(fromJson(item)));
        return new ResultPage<>(items, page.continuation());
    }

    ObjectNode toJson(D document) {
        return json.valueToTree(document);
    }

    D fromJson(ObjectNode node) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new DatabaseException("a " + type.getSimpleName() + " in the database cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
