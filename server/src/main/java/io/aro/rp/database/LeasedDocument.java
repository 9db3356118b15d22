package io.aro.rp.database;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;

/**
 * A document that backend workers take turns on: the worker that holds the lease (an unexpired
 * {@code leaseExpires} with its {@code leaseOwner}) is the only one that works on it.
 */
public abstract class LeasedDocument extends Document {
    private String leaseOwner;
    private Long leaseExpires;
    private int dequeues;
    @JsonIgnore
    private Dequeue dequeue;

    /**
     * What this process's dequeue found, never stored: whether it took the document from a lease that
     * had expired (another worker's, that crashed or stalled), and how long the document had waited for a
     * worker since it became ready (its last write, or the end of the delay it was handed back with).
     */
    public record Dequeue(boolean afterExpiredLease, Duration waited) {
    }

    /** How this process took the document, or null when it was not taken by {@link LeasedContainer#dequeue()}. */
    public Dequeue getDequeue() {
        return dequeue;
    }

    void setDequeue(Dequeue dequeue) {
        this.dequeue = dequeue;
    }

    /** The process that holds the lease, or null. */
    public String getLeaseOwner() {
        return leaseOwner;
    }

    public void setLeaseOwner(String leaseOwner) {
        this.leaseOwner = leaseOwner;
    }

    /** When the lease ends, in seconds since the epoch by the clock of the process that took or renewed it. */
    public Long getLeaseExpires() {
        return leaseExpires;
    }

    public void setLeaseExpires(Long leaseExpires) {
        this.leaseExpires = leaseExpires;
    }

    /** How often a worker took the document since its current operation started. */
    public int getDequeues() {
        return dequeues;
    }

    public void setDequeues(int dequeues) {
        this.dequeues = dequeues;
    }
}
