package io.aro.rp.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.database.Query.Condition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** The Subscriptions container: one document per subscription ARM told the RP about, partitioned by its own id. */
public final class Subscriptions extends LeasedContainer<SubscriptionDocument> {
    public static final ContainerSpec SPEC = new ContainerSpec("Subscriptions", "/id", List.of(), false);

    Subscriptions(DocumentStore store, ObjectMapper json, PreconditionRetry retry, LeaseSettings leases) {
        super(store.container(SPEC), json, SubscriptionDocument.class, retry, leases);
    }

    @Override
    String partitionKey(SubscriptionDocument document) {
        return document.getId();
    }

    @Override
    Query dequeueQuery(long nowSeconds) {
        return new Query(null, List.of(new Condition.IsTrue("deleting"), new Condition.LessThanOrAbsent("leaseExpires", nowSeconds)), null);
    }

    /** The subscription, or empty when ARM never told the RP about it. */
    public Optional<SubscriptionDocument> get(String subscriptionId) {
        String id = subscriptionId.toLowerCase(Locale.ROOT);
        return getDocument(id, id);
    }

    /**
     * Stores a new subscription.
     *
     * @throws DocumentConflictException when it exists already
     */
    public SubscriptionDocument create(SubscriptionDocument document) {
        document.setId(document.getId().toLowerCase(Locale.ROOT));
        return createDocument(document);
    }

    /** A read-modify-write of the subscription, retried when another writer got in between. */
    public SubscriptionDocument patch(String subscriptionId, Consumer<SubscriptionDocument> mutation) {
        String id = subscriptionId.toLowerCase(Locale.ROOT);
        return patchDocument(id, id, mutation);
    }

    /** Applies {@code mutation} and releases this process's lease on the subscription. */
    public SubscriptionDocument endLease(String subscriptionId, Consumer<SubscriptionDocument> mutation) {
        String id = subscriptionId.toLowerCase(Locale.ROOT);
        return endLease(id, id, mutation);
    }

    /** Releases this process's lease on the subscription so that no process takes it again before {@code delay} has passed. */
    public SubscriptionDocument retryLater(String subscriptionId, java.time.Duration delay) {
        String id = subscriptionId.toLowerCase(Locale.ROOT);
        return endLease(id, id, doc -> { }, delay);
    }
}
