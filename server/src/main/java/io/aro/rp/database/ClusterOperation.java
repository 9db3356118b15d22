package io.aro.rp.database;

import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.ProvisioningState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an operation on a cluster starts and ends. Starting (the frontend's PUT, PATCH
 * and DELETE, a deleted subscription, an admin update) records the intent on the document and an
 * AsyncOperation; ending (the backend, as lease holder) writes the outcome.
 *
 * <p>Ending writes the AsyncOperation first (status, end time, error, the cluster as it ends), then the
 * cluster (ARO's terminal EndLease). A crash between the two leaves the cluster pointing at its
 * operation, so clients keep seeing it in progress and the next worker ends it again.
 */
public final class ClusterOperation {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterOperation.class);

    private final OpenShiftClusters clusters;
    private final AsyncOperations operations;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ClusterOperation(OpenShiftClusters clusters, AsyncOperations operations, Clock clock, MeterRegistry metrics) {
        this.clusters = clusters;
        this.operations = operations;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Puts the document in {@code state} with a new AsyncOperation; the caller writes the document. The
     * state it leaves is kept (a create leaves none), so that an admin update can return to it with what
     * failed before, if anything.
     */
    public void start(OpenShiftClusterDocument doc, ProvisioningState state, CorrelationData correlation) {
        OpenShiftClusterProperties p = doc.getOpenShiftCluster().getProperties();
        p.setLastProvisioningState(p.getProvisioningState());
        if (state != ProvisioningState.ADMIN_UPDATING) {
            p.setFailedProvisioningState(null);
        }
        p.setProvisioningState(state);
        doc.setDequeues(0);
        doc.setCorrelationData(correlation);
        doc.setAsyncOperationId(operations.start(OpenShiftClusters.key(doc.getKey()), state, clock.instant()));
    }

    /**
     * Starts the operation and writes the cluster with {@code write}; when the write is refused (a conflict,
     * a concurrent writer) the operation is taken back, so that a refused request leaves no AsyncOperation
     * behind (a crash in between leaves one, which its TTL removes).
     *
     * @return the cluster as written
     */
    public OpenShiftClusterDocument start(OpenShiftClusterDocument doc, ProvisioningState state, CorrelationData correlation,
            UnaryOperator<OpenShiftClusterDocument> write) {
        start(doc, state, correlation);
        try {
            OpenShiftClusterDocument written = write.apply(doc);
            clusters.signalWork();
            return written;
        } catch (RuntimeException e) {
            operations.discard(doc.getAsyncOperationId());
            throw e;
        }
    }

    /**
     * Ends the operation of a cluster this process holds the lease on, and releases the lease: Succeeded,
     * or Failed with {@code error}. An admin update returns to the state before it either way, and
     * records its error instead of failing the cluster (ARO's lastAdminUpdateError).
     *
     * @return the cluster as written
     */
    public OpenShiftClusterDocument end(OpenShiftClusterDocument doc, CloudErrorBody error) {
        OpenShiftClusterProperties current = doc.getOpenShiftCluster().getProperties();
        ProvisioningState operation = current.getProvisioningState();
        ProvisioningState outcome = outcome(operation, current.getLastProvisioningState(), error);

        OpenShiftCluster snapshot = doc.getOpenShiftCluster();
        apply(snapshot.getProperties(), operation, outcome, error);
        if (doc.getAsyncOperationId() != null) {
            operations.patch(doc.getAsyncOperationId(), op -> {
                op.getAsyncOperation().setProvisioningState(error == null ? ProvisioningState.SUCCEEDED : ProvisioningState.FAILED);
                op.getAsyncOperation().setEndTime(clock.instant());
                op.getAsyncOperation().setError(error);
                op.setOpenShiftCluster(snapshot);
            });
        }
        OpenShiftClusterDocument written = clusters.endLease(doc.getKey(), d -> {
            apply(d.getOpenShiftCluster().getProperties(), operation, outcome, error);
            d.setAsyncOperationId(null);
            if (error == null) {
                d.setDequeues(0);
            }
        });
        record(operation, error == null ? ProvisioningState.SUCCEEDED : ProvisioningState.FAILED, error);
        return written;
    }

    /** Ends a deletion: the AsyncOperation Succeeded, then the cluster's document deleted as lease holder. */
    public void endDeleted(OpenShiftClusterDocument doc) {
        if (doc.getAsyncOperationId() != null) {
            operations.patch(doc.getAsyncOperationId(), op -> {
                op.getAsyncOperation().setProvisioningState(ProvisioningState.SUCCEEDED);
                op.getAsyncOperation().setEndTime(clock.instant());
                op.setOpenShiftCluster(null);
            });
        }
        clusters.deleteWithLease(doc.getKey());
        record(ProvisioningState.DELETING, ProvisioningState.SUCCEEDED, null);
    }

    private static ProvisioningState outcome(ProvisioningState operation, ProvisioningState last, CloudErrorBody error) {
        if (operation == ProvisioningState.ADMIN_UPDATING && last != null) {
            return last;
        }
        return error == null ? ProvisioningState.SUCCEEDED : ProvisioningState.FAILED;
    }

    private static void apply(OpenShiftClusterProperties p, ProvisioningState operation, ProvisioningState outcome, CloudErrorBody error) {
        p.setProvisioningState(outcome);
        if (operation == ProvisioningState.ADMIN_UPDATING) {
            // the cluster is as it was before the admin update; only what the update found is recorded
            p.setLastAdminUpdateError(error == null ? null : error.getMessage());
            return;
        }
        p.setLastProvisioningState(operation);
        p.setFailedProvisioningState(outcome == ProvisioningState.FAILED ? operation : null);
        if (outcome == ProvisioningState.SUCCEEDED && operation == ProvisioningState.CREATING) {
            p.setInstall(null);
        }
    }

    private void record(ProvisioningState operation, ProvisioningState outcome, CloudErrorBody error) {
        Counter.builder("aro.backend.operations").description("Operations the backend ended, failed ones by their CloudError code")
                .tag("operation", operation.toString()).tag("outcome", outcome.toString()).tag("errorCode", error == null ? "" : error.getCode())
                .register(metrics).increment();
        LOG.atInfo().addKeyValue("operation", operation).addKeyValue("outcome", outcome)
                .addKeyValue("errorCode", error == null ? null : error.getCode()).log("operation ended");
    }
}
