package io.aro.rp.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A container whose documents backend workers take under leases: {@link #dequeue()} takes one document
 * that has work and whose lease has expired, and only the lease holder may then write it.
 */
abstract class LeasedContainer<D extends LeasedDocument> extends TypedContainer<D> {
    /** How many candidates one dequeue considers; losing the race for all of them means trying again later. */
    private static final int DEQUEUE_CANDIDATES = 50;

    private final LeaseSettings leases;

    LeasedContainer(DocumentContainer container, ObjectMapper json, Class<D> type, PreconditionRetry retry, LeaseSettings leases) {
        super(container, json, type, retry);
        this.leases = leases;
    }

    /** The documents that have work to do and whose lease ended before {@code nowSeconds}. */
    abstract Query dequeueQuery(long nowSeconds);

    /**
     * Takes the lease on one document that has work and no live lease: sets this process as owner,
     * {@code leaseExpires = now + ttl} and {@code dequeues + 1}, by a conditional write; a document
     * another process took first is skipped.
     *
     * @return the document as leased, or empty when there is none to take
     */
    public Optional<D> dequeue() {
        long now = now();
        Query query = dequeueQuery(now);
        String continuation = null;
        int considered = 0;
        do {
            // usually the first candidate is taken: the store says how long a page it reads cheaply
            Page page = container.query(query, continuation, container.dequeuePageSize());
            for (ObjectNode candidate : page.items()) {
                Optional<D> taken = take(fromJson(candidate), now);
                if (taken.isPresent()) {
                    return taken;
                }
            }
            considered += page.items().size();
            continuation = page.continuation();
        } while (continuation != null && considered < DEQUEUE_CANDIDATES);
        return Optional.empty();
    }

    /** Takes the lease on {@code document}, or empty when its lease is live or another process took or removed it first. */
    private Optional<D> take(D document, long now) {
        if (leaseIsLive(document, now)) {
            return Optional.empty();
        }
        boolean afterExpiredLease = document.getLeaseOwner() != null;
        // ready since its last write, or since its lease (a crashed worker's, or a hand-back's delay) ended
        long readySince = Math.max(document.getTimestamp() == null ? now : document.getTimestamp(),
                document.getLeaseExpires() == null ? 0 : document.getLeaseExpires());
        document.setLeaseOwner(leases.owner());
        document.setLeaseExpires(now + leases.ttl().toSeconds());
        document.setDequeues(document.getDequeues() + 1);
        try {
            D taken = replaceDocument(document);
            taken.setDequeue(new LeasedDocument.Dequeue(afterExpiredLease, Duration.ofSeconds(Math.max(0, now - readySince))));
            return Optional.of(taken);
        } catch (PreconditionFailedException | DocumentNotFoundException e) {
            // Another process took or removed it since the query: the caller tries the next candidate.
            return Optional.empty();
        }
    }

    /**
     * The documents that wait for a worker now (what {@link #dequeue()} would consider), read in pages up
     * to {@code limit}: a bounded look at the queue, for metrics.
     */
    public List<D> waiting(int limit) {
        long now = now();
        List<D> waiting = new ArrayList<>();
        String continuation = null;
        do {
            Page page = container.query(dequeueQuery(now), continuation, Math.min(DEQUEUE_CANDIDATES, limit - waiting.size()));
            for (ObjectNode item : page.items()) {
                D document = fromJson(item);
                if (!leaseIsLive(document, now)) {
                    waiting.add(document);
                }
            }
            continuation = page.continuation();
        } while (continuation != null && waiting.size() < limit);
        return waiting;
    }

    /**
     * Applies {@code mutation} as the lease holder and extends the lease.
     *
     * @throws LostLeaseException when this process no longer holds the lease
     */
    D patchWithLease(String partitionKey, String id, Consumer<D> mutation) {
        return patchDocument(partitionKey, id, document -> {
            requireLease(document);
            mutation.accept(document);
            document.setLeaseExpires(now() + leases.ttl().toSeconds());
        });
    }

    /** Extends the lease, the worker's heartbeat. */
    D renewLease(String partitionKey, String id) {
        return patchWithLease(partitionKey, id, document -> { });
    }

    /**
     * Applies {@code mutation} as the lease holder and releases the lease, so that any process may take
     * the document next.
     *
     * @throws LostLeaseException when this process no longer holds the lease
     */
    D endLease(String partitionKey, String id, Consumer<D> mutation) {
        return endLease(partitionKey, id, mutation, null);
    }

    /**
     * Like {@link #endLease(String, String, Consumer)}, but no process may take the document before
     * {@code notBefore} has passed (ARO's retryLater).
     */
    D endLease(String partitionKey, String id, Consumer<D> mutation, java.time.Duration notBefore) {
        return patchDocument(partitionKey, id, document -> {
            requireLease(document);
            mutation.accept(document);
            document.setLeaseOwner(null);
            document.setLeaseExpires(notBefore == null ? null : now() + notBefore.toSeconds());
        });
    }

    /**
     * Deletes the document as the lease holder, retried when a heartbeat wrote it in between.
     *
     * @throws LostLeaseException when this process no longer holds the lease
     */
    void deleteWithLease(String partitionKey, String id) {
        dev.failsafe.Failsafe.with(onPreconditionFailed()).run(() -> {
            D document = getDocument(partitionKey, id).orElseThrow(
                    () -> new DocumentNotFoundException("no document " + id + " in partition " + partitionKey));
            requireLease(document);
            deleteDocument(document);
        });
    }

    /**
     * Checks, with a fresh read, that this process still holds the lease and it has not expired: the
     * fence a worker passes before each step, so that one paused past its lease starts nothing new.
     *
     * @throws LostLeaseException otherwise
     */
    void requireLiveLease(String partitionKey, String id) {
        D document = getDocument(partitionKey, id).orElseThrow(() -> new LostLeaseException("lost lease on " + id + ": it is gone"));
        requireLease(document);
        if (!leaseIsLive(document, now())) {
            throw new LostLeaseException("lost lease on " + id + ": it expired");
        }
    }

    /** A lease is live up to and including its expiry second (the query's LessThanOrAbsent is its complement). */
    private static boolean leaseIsLive(LeasedDocument document, long nowSeconds) {
        return document.getLeaseExpires() != null && document.getLeaseExpires() >= nowSeconds;
    }

    private void requireLease(D document) {
        if (!leases.owner().equals(document.getLeaseOwner())) {
            throw new LostLeaseException("lost lease on " + document.getId() + ": it is held by " + document.getLeaseOwner());
        }
    }

    private long now() {
        return leases.clock().instant().getEpochSecond();
    }
}
