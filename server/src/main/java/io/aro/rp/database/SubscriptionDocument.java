package io.aro.rp.database;

import io.aro.rp.api.Subscription;

/** A subscription as the Subscriptions container holds it: partitioned by its own id (the lower-case subscription ID). */
public class SubscriptionDocument extends LeasedDocument {
    private boolean deleting;
    private Subscription subscription;

    /** Set when ARM deleted the subscription: the backend then deletes its clusters. */
    public boolean isDeleting() {
        return deleting;
    }

    public void setDeleting(boolean deleting) {
        this.deleting = deleting;
    }

    public Subscription getSubscription() {
        return subscription;
    }

    public void setSubscription(Subscription subscription) {
        this.subscription = subscription;
    }
}
