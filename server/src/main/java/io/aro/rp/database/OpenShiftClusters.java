package io.aro.rp.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.Query.Condition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The OpenShiftClusters container: one document per cluster, partitioned by the lower-case
 * subscription ID, unique by the lower-case resource ID ({@code key}), the cluster's resource group and
 * its service principal. A document's id is derived from its key, so a GET is one point read.
 */
public final class OpenShiftClusters extends LeasedContainer<OpenShiftClusterDocument> {
    public static final ContainerSpec SPEC = new ContainerSpec("OpenShiftClusters", "/partitionKey",
            List.of("/key", "/clusterResourceGroupIdKey", "/clientIdKey"), false);
    /** The states in which the backend has work to do on a cluster. */
    static final List<String> NON_TERMINAL = List.of(ProvisioningState.CREATING.toString(), ProvisioningState.UPDATING.toString(),
            ProvisioningState.ADMIN_UPDATING.toString(), ProvisioningState.DELETING.toString());

    /** A digest per thread: looking one up is most of the cost of hashing a key (every request does). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    /**
     * The ids of recently used keys: hashing a key was 4 % of a GET's CPU, and clusters are read far more often than created.
     * Upkeep runs in the calling thread, not in the common pool (a thread wake-up costs more than the upkeep).
     */
    private static final Cache<String, String> IDS = Caffeine.newBuilder().executor(Runnable::run).maximumSize(4096).build();

    /** Work given in this process since a backend last looked: permits, drained when it wakes. */
    private final Semaphore work = new Semaphore(0);

    OpenShiftClusters(DocumentStore store, ObjectMapper json, PreconditionRetry retry, LeaseSettings leases) {
        super(store.container(SPEC), json, OpenShiftClusterDocument.class, retry, leases);
    }

    /** The key of the cluster with this resource ID: the ID in lower case. */
    public static String key(String resourceId) {
        return resourceId.toLowerCase(Locale.ROOT);
    }

    /** The document id of the cluster with this key. */
    public static String id(String key) {
        return IDS.get(key, k -> HexFormat.of().formatHex(SHA_256.get().digest(k.getBytes(StandardCharsets.UTF_8))));
    }

    /** The partition of the cluster with this key: its subscription ID, lower case. */
    public static String partition(String key) {
        String[] segments = key.split("/");
        if (segments.length < 3 || !segments[1].equals("subscriptions")) {
            throw new IllegalArgumentException("not a resource ID: " + key);
        }
        return segments[2].toLowerCase(Locale.ROOT);
    }

    @Override
    String partitionKey(OpenShiftClusterDocument document) {
        return document.getPartitionKey();
    }

    @Override
    Query dequeueQuery(long nowSeconds) {
        return new Query(null, List.of(
                new Condition.In("openShiftCluster.properties.provisioningState", NON_TERMINAL),
                new Condition.LessThanOrAbsent("leaseExpires", nowSeconds)), null);
    }

    /**
     * Stores a new cluster; its key, id and partition follow from {@code document.getKey()}.
     *
     * @throws DocumentConflictException when a cluster with the same key, resource group or client ID exists in the subscription
     */
    public OpenShiftClusterDocument create(OpenShiftClusterDocument document) {
        document.setKey(key(document.getKey()));
        document.setId(id(document.getKey()));
        document.setPartitionKey(partition(document.getKey()));
        return createDocument(document);
    }

    /** The cluster with this resource ID (any casing), or empty. */
    public Optional<OpenShiftClusterDocument> get(String resourceId) {
        String key = key(resourceId);
        return getDocument(partition(key), id(key));
    }

    /** The cluster with this resource ID (any casing) as stored, or empty. */
    public Optional<Stored> getStored(String resourceId) {
        String key = key(resourceId);
        return getStored(partition(key), id(key));
    }

    /**
     * Writes {@code document} if it is still at the ETag it was read with.
     *
     * @throws PreconditionFailedException when it changed since
     * @throws DocumentConflictException when its new client ID or resource group is another cluster's
     */
    public OpenShiftClusterDocument update(OpenShiftClusterDocument document) {
        return replaceDocument(document);
    }

    /** Tells a backend of this process waiting in {@link #awaitWork} that a cluster has work now. */
    public void signalWork() {
        work.release();
    }

    /**
     * Waits until this process gives a cluster work ({@link #signalWork}) or {@code timeout} passes: a backend
     * polls the database at its poll interval, and a frontend in the same process wakes it at once.
     */
    public void awaitWork(Duration timeout) throws InterruptedException {
        if (work.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            work.drainPermits();
        }
    }

    /** A read-modify-write of the cluster, retried when another writer got in between. */
    public OpenShiftClusterDocument patch(String resourceId, Consumer<OpenShiftClusterDocument> mutation) {
        String key = key(resourceId);
        return patchDocument(partition(key), id(key), mutation);
    }

    /** A read-modify-write as the holder of the cluster's lease. */
    public OpenShiftClusterDocument patchWithLease(String resourceId, Consumer<OpenShiftClusterDocument> mutation) {
        String key = key(resourceId);
        return patchWithLease(partition(key), id(key), mutation);
    }

    /** Checks that this process still holds an unexpired lease on the cluster. */
    public void requireLiveLease(String resourceId) {
        String key = key(resourceId);
        requireLiveLease(partition(key), id(key));
    }

    /** Extends this process's lease on the cluster. */
    public OpenShiftClusterDocument renewLease(String resourceId) {
        String key = key(resourceId);
        return renewLease(partition(key), id(key));
    }

    /** Applies {@code mutation} and releases this process's lease on the cluster. */
    public OpenShiftClusterDocument endLease(String resourceId, Consumer<OpenShiftClusterDocument> mutation) {
        String key = key(resourceId);
        return endLease(partition(key), id(key), mutation);
    }

    /** Applies {@code mutation} and releases the lease, but no process takes the cluster again before {@code notBefore} has passed. */
    public OpenShiftClusterDocument endLease(String resourceId, Consumer<OpenShiftClusterDocument> mutation, java.time.Duration notBefore) {
        String key = key(resourceId);
        return endLease(partition(key), id(key), mutation, notBefore);
    }

    /** Deletes the cluster's document as the holder of its lease: the last step of a deletion. */
    public void deleteWithLease(String resourceId) {
        String key = key(resourceId);
        deleteWithLease(partition(key), id(key));
    }

    /** Deletes the cluster's document if it is still at the ETag it was read with. */
    public void delete(OpenShiftClusterDocument document) {
        deleteDocument(document);
    }

    /** A page of the subscription's clusters, in resource ID order. */
    public ResultPage<OpenShiftClusterDocument> listBySubscription(String subscriptionId, String continuation, int maxItems) {
        return queryDocuments(new Query(subscriptionId.toLowerCase(Locale.ROOT), List.of(), "key"), continuation, maxItems);
    }

    /** A page of every subscription's clusters, in resource ID order: the admin API's list. */
    public ResultPage<OpenShiftClusterDocument> listAll(String continuation, int maxItems) {
        return queryDocuments(new Query(null, List.of(), "key"), continuation, maxItems);
    }

    /** A page of the resource group's clusters, in resource ID order. */
    public ResultPage<OpenShiftClusterDocument> listByResourceGroup(String subscriptionId, String resourceGroup, String continuation,
            int maxItems) {
        String prefix = key("/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/");
        return queryDocuments(new Query(subscriptionId.toLowerCase(Locale.ROOT), List.of(new Condition.StartsWith("key", prefix)), "key"),
                continuation, maxItems);
    }

    /** The subscription's cluster that uses this service principal, if any (to explain a conflict). */
    public Optional<OpenShiftClusterDocument> findByClientId(String subscriptionId, String clientId) {
        return findOne(subscriptionId, "clientIdKey", clientId.toLowerCase(Locale.ROOT));
    }

    /** The subscription's cluster whose own resource group this is, if any (to explain a conflict). */
    public Optional<OpenShiftClusterDocument> findByClusterResourceGroupId(String subscriptionId, String resourceGroupId) {
        return findOne(subscriptionId, "clusterResourceGroupIdKey", resourceGroupId.toLowerCase(Locale.ROOT));
    }

    private Optional<OpenShiftClusterDocument> findOne(String subscriptionId, String field, String value) {
        return queryDocuments(new Query(subscriptionId.toLowerCase(Locale.ROOT), List.of(new Condition.Equals(field, value)), null), null, 1)
                .items().stream().findFirst();
    }
}
