package io.aro.rp.database.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.database.ContainerSpec;
import io.aro.rp.database.DatabaseException;
import io.aro.rp.database.DocumentConflictException;
import io.aro.rp.database.DocumentContainer;
import io.aro.rp.database.DocumentNotFoundException;
import io.aro.rp.database.Page;
import io.aro.rp.database.PreconditionFailedException;
import io.aro.rp.database.Query;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A Cosmos DB container, its HTTP status codes mapped to the store's exceptions. */
final class CosmosDocumentContainer implements DocumentContainer {
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final int PRECONDITION_FAILED = 412;

    private final CosmosContainer container;
    private final ContainerSpec spec;

    CosmosDocumentContainer(CosmosContainer container, ContainerSpec spec) {
        this.container = container;
        this.spec = spec;
    }

    @Override
    public ObjectNode create(String partitionKey, ObjectNode document) {
        try {
            return container.createItem(document, new PartitionKey(partitionKey), new CosmosItemRequestOptions()).getItem();
        } catch (CosmosException e) {
            throw translate(e, "create", document.path("id").asText());
        }
    }

    @Override
    public Optional<ObjectNode> read(String partitionKey, String id) {
        try {
            return Optional.of(container.readItem(id, new PartitionKey(partitionKey), ObjectNode.class).getItem());
        } catch (CosmosException e) {
            if (e.getStatusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw translate(e, "read", id);
        }
    }

    @Override
    public ObjectNode replace(String partitionKey, ObjectNode document, String etag) {
        String id = document.path("id").asText();
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        if (etag != null) {
            options.setIfMatchETag(etag);
        }
        try {
            return container.replaceItem(document, id, new PartitionKey(partitionKey), options).getItem();
        } catch (CosmosException e) {
            throw translate(e, "replace", id);
        }
    }

    @Override
    public void delete(String partitionKey, String id, String etag) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        if (etag != null) {
            options.setIfMatchETag(etag);
        }
        try {
            container.deleteItem(id, new PartitionKey(partitionKey), options);
        } catch (CosmosException e) {
            throw translate(e, "delete", id);
        }
    }

    @Override
    public Page query(Query query, String continuation, int maxItems) {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
        if (query.partitionKey() != null) {
            options.setPartitionKey(new PartitionKey(query.partitionKey()));
        }
        try {
            Iterator<FeedResponse<ObjectNode>> pages = container
                    .queryItems(CosmosSql.toSql(query, spec.partitionKeyField()), options, ObjectNode.class)
                    .iterableByPage(continuation, maxItems)
                    .iterator();
            // Cosmos DB may answer with empty pages that still have a continuation; skip them.
            while (pages.hasNext()) {
                FeedResponse<ObjectNode> page = pages.next();
                if (!page.getResults().isEmpty() || page.getContinuationToken() == null) {
                    return new Page(page.getResults(), page.getContinuationToken());
                }
            }
            return new Page(List.of(), null);
        } catch (CosmosException e) {
            throw translate(e, "query", null);
        }
    }

    private DatabaseException translate(CosmosException e, String operation, String id) {
        String what = operation + " of " + (id == null ? "documents" : "document " + id) + " in " + spec.name();
        return switch (e.getStatusCode()) {
            case NOT_FOUND -> new DocumentNotFoundException(what + ": not found", e);
            case CONFLICT -> new DocumentConflictException(what + ": conflict", e);
            case PRECONDITION_FAILED -> new PreconditionFailedException(what + ": the document has changed", e);
            default -> new DatabaseException(what + " failed with " + e.getStatusCode() + ": " + e.getShortMessage(), e);
        };
    }
}
