package io.aro.rp.database;

/**
 * A document that backend workers take turns on: the worker that holds the lease (an unexpired
 * {@code leaseExpires} with its {@code leaseOwner}) is the only one that works on it.
 */
public abstract class LeasedDocument extends Document {
    private String leaseOwner;
    private Long leaseExpires;
    private int dequeues;

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
