package io.aro.rp.database;

/**
 * A document database: Azure Cosmos DB in production, an embedded store on local disk by default.
 * Both give the same semantics: JSON documents in containers, partitioned, with ETags, conditional
 * replaces (412 when the ETag is stale), unique keys (409) and paged queries.
 */
public interface DocumentStore extends AutoCloseable {
    /** The container described by {@code spec}, created if it does not exist. */
    DocumentContainer container(ContainerSpec spec);

    @Override
    void close();
}
