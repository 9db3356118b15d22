package io.aro.rp.backend;

import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.database.PreconditionFailedException;
import io.aro.rp.database.ResultPage;
import io.aro.rp.database.SubscriptionDocument;
import io.aro.rp.database.Subscriptions;
import java.time.Duration;
import java.util.Optional;
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
    /** How often a cluster is read again when another writer changed it in between; past that, the subscription is tried later. */
    private static final int WRITE_ATTEMPTS = 5;

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

    /**
     * Starts the deletion of a cluster in a terminal state; returns whether the cluster is (now) being deleted.
     * The operation is started once per attempt at writing, and discarded when that write loses to another writer.
     */
    private boolean markDeleting(OpenShiftClusterDocument listed) {
        OpenShiftClusterDocument doc = listed;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            ProvisioningState state = doc.getOpenShiftCluster().getProperties().getProvisioningState();
            if (state == ProvisioningState.DELETING) {
                return true;
            }
            if (!state.isTerminal()) {
                return false;
            }
            try {
                operation.start(doc, ProvisioningState.DELETING, null, clusters::update);
                return true;
            } catch (PreconditionFailedException e) {
                Optional<OpenShiftClusterDocument> current = clusters.get(listed.getKey());
                if (current.isEmpty()) {
                    return true;
                }
                doc = current.get();
            }
        }
        return false;
    }
}
