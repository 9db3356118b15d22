package io.aro.rp.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.AsyncOperation;
import io.aro.rp.api.ProvisioningState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The AsyncOperations container: one document per long-running operation, partitioned by its own id, kept for 7 days. */
public final class AsyncOperations extends TypedContainer<AsyncOperationDocument> {
    public static final ContainerSpec SPEC = new ContainerSpec("AsyncOperations", "/id", List.of(), true);
    /** How long an operation's status stays readable after its last change. */
    public static final Duration TIME_TO_LIVE = Duration.ofDays(7);

    AsyncOperations(DocumentStore store, ObjectMapper json, PreconditionRetry retry) {
        super(store.container(SPEC), json, AsyncOperationDocument.class, retry);
    }

    @Override
    String partitionKey(AsyncOperationDocument document) {
        return document.getId();
    }

    /** Stores a new operation; its id is the operation's id in lower case. */
    public AsyncOperationDocument create(AsyncOperationDocument document) {
        document.setId(document.getId().toLowerCase(Locale.ROOT));
        document.setTtl(TIME_TO_LIVE.toSeconds());
        return createDocument(document);
    }

    /**
     * Records a new operation on the cluster with {@code clusterKey} that puts it in {@code state}.
     *
     * @return the operation's id
     */
    public String start(String clusterKey, ProvisioningState state, Instant now) {
        String id = UUID.randomUUID().toString();
        AsyncOperation op = new AsyncOperation();
        op.setId(id);
        op.setName(id);
        op.setInitialProvisioningState(state);
        op.setProvisioningState(state);
        op.setStartTime(now);
        AsyncOperationDocument doc = new AsyncOperationDocument();
        doc.setId(id);
        doc.setOpenShiftClusterKey(clusterKey);
        doc.setAsyncOperation(op);
        create(doc);
        return id;
    }

    /** Removes an operation that was never accepted: the write that would have started it was refused. Gone already is fine. */
    public void discard(String operationId) {
        get(operationId).ifPresent(document -> {
            try {
                deleteDocument(document);
            } catch (DocumentNotFoundException | PreconditionFailedException e) {
                // removed, or changed, by another writer meanwhile: not ours to delete then
            }
        });
    }

    /** The operation, or empty when there is none or it has expired. */
    public Optional<AsyncOperationDocument> get(String operationId) {
        String id = operationId.toLowerCase(Locale.ROOT);
        return getDocument(id, id);
    }

    /** A read-modify-write of the operation, retried when another writer got in between. */
    public AsyncOperationDocument patch(String operationId, Consumer<AsyncOperationDocument> mutation) {
        String id = operationId.toLowerCase(Locale.ROOT);
        return patchDocument(id, id, document -> {
            mutation.accept(document);
            document.setTtl(TIME_TO_LIVE.toSeconds());
        });
    }
}
