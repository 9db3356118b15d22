package io.aro.rp.backend;

import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.database.ResultPage;
import io.aro.rp.database.SubscriptionDocument;
import io.aro.rp.database.Subscriptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the clusters of a subscription ARM deleted: every Succeeded or Failed cluster is moved to
 * Deleting (the cluster workers do the rest). While a cluster is busy with another operation, the
 * subscription is tried again later; once all are deleting, it is done.
 */
final class SubscriptionDeletion extends Worker {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionDeletion.class);
    private static final int PAGE = 50;

    private final Subscriptions subscriptions;
    private final OpenShiftClusters clusters;
    private final ClusterOperation operation;
    private final Duration retryDelay;
    private final SubscriptionDocument subscription;

    SubscriptionDeletion(Subscriptions subscriptions, OpenShiftClusters clusters, ClusterOperation operation, Duration retryDelay,
            SubscriptionDocument subscription) {
        this.subscriptions = subscriptions;
        this.clusters = clusters;
        this.operation = operation;
        this.retryDelay = retryDelay;
        this.subscription = subscription;
    }

    @Override
    void work() {
        String id = subscription.getId();
        try {
            boolean done = true;
            String continuation = null;
            do {
                ResultPage<OpenShiftClusterDocument> page = clusters.listBySubscription(id, continuation, PAGE);
                for (OpenShiftClusterDocument doc : page.items()) {
                    checkNotCancelled();
                    done &= markDeleting(doc);
                }
                continuation = page.continuation();
            } while (continuation != null);
            if (done) {
                subscriptions.endLease(id, doc -> doc.setDeleting(false));
                LOG.atInfo().addKeyValue("subscription", id).log("every cluster of the deleted subscription is being deleted");
            } else {
                subscriptions.retryLater(id, retryDelay);
                LOG.atInfo().addKeyValue("subscription", id).log("clusters of the deleted subscription are busy; trying again later");
            }
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("subscription", id).log("could not delete the subscription's clusters; its lease will expire", e);
        }
    }

    /** Starts the deletion of a cluster in a terminal state; returns whether the cluster is (now) being deleted. */
    private boolean markDeleting(OpenShiftClusterDocument doc) {
        ProvisioningState state = doc.getOpenShiftCluster().getProperties().getProvisioningState();
        if (state == ProvisioningState.DELETING) {
            return true;
        }
        if (!state.isTerminal()) {
            return false;
        }
        try {
            clusters.patch(doc.getKey(), d -> {
                if (!d.getOpenShiftCluster().getProperties().getProvisioningState().isTerminal()) {
                    throw new IllegalStateException("the cluster started another operation");
                }
                operation.start(d, ProvisioningState.DELETING, null);
            });
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
