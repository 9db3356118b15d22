package io.aro.rp.backend;

import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.database.LostLeaseException;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.database.AsyncOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Works on one leased cluster: dispatches by its state (Creating: one install phase; Updating and
 * AdminUpdating: the update; Deleting: the deletion) and ends the operation, or hands the cluster over.
 * A step's CloudError fails the operation with that error. Any other failure is treated like a crash:
 * the lease is left to expire and another attempt follows, up to the dequeue limit.
 */
final class ClusterWorker extends Worker {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWorker.class);

    private final OpenShiftClusters clusters;
    private final AsyncOperations operations;
    private final ClusterCloud cloud;
    private final ClusterInstall install;
    private final OperationOutcome outcome;
    private final BackendSettings settings;
    private final StepContext ctx;
    private volatile boolean releaseOnExit;

    ClusterWorker(OpenShiftClusters clusters, AsyncOperations operations, ClusterCloud cloud, ClusterInstall install, OperationOutcome outcome,
            BackendSettings settings, OpenShiftClusterDocument leased) {
        this.clusters = clusters;
        this.operations = operations;
        this.cloud = cloud;
        this.install = install;
        this.outcome = outcome;
        this.settings = settings;
        this.ctx = new StepContext(clusters, this, leased, settings.transientRetries());
    }

    String resourceId() {
        return ctx.resourceId();
    }

    /** The heartbeat: extends the lease, or cancels the work when the lease is lost or cannot be renewed. */
    void renewLease() {
        try {
            clusters.renewLease(ctx.resourceId());
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("cluster", ctx.resourceId()).log("cannot renew the lease, stopping work: {}", e.getMessage());
            cancel("the lease could not be renewed: " + e.getMessage());
        }
    }

    /** Cancels the work because the process stops; the cluster is handed back to be resumed elsewhere. */
    void stop() {
        releaseOnExit = true;
        cancel("the backend is stopping");
    }

    @Override
    void work() {
        OpenShiftClusterDocument doc = ctx.document();
        MDC.put("cluster", doc.getKey());
        if (doc.getAsyncOperationId() != null) {
            MDC.put("operationId", doc.getAsyncOperationId());
        }
        ProvisioningState state = doc.getOpenShiftCluster().getProperties().getProvisioningState();
        LOG.atInfo().addKeyValue("state", state).addKeyValue("dequeues", doc.getDequeues()).log("working on cluster");
        try {
            if (doc.getDequeues() > settings.maxDequeues()) {
                outcome.fail(ctx, new CloudErrorBody("InternalServerError", String.format(
                        "The operation was started %d times without finishing and has been stopped. Update or delete the cluster to try again.",
                        doc.getDequeues() - 1), null, null));
                return;
            }
            dispatch(state);
        } catch (CloudErrorException e) {
            LOG.atInfo().addKeyValue("errorCode", e.getCloudError().getError().getCode()).log("operation failed: {}", e.getMessage());
            outcome.fail(ctx, e.getCloudError().getError());
        } catch (WorkCancelledException | LostLeaseException e) {
            LOG.info("abandoned work on the cluster: {}", e.getMessage());
        } catch (RuntimeException e) {
            if (isCancelled()) {
                // a cancellation interrupts the step, and a client library reports that in its own way
                LOG.info("abandoned work on the cluster: {}", e.toString());
            } else {
                LOG.error("unexpected failure; the cluster is retried once its lease expires", e);
            }
        } finally {
            if (releaseOnExit) {
                Thread.interrupted(); // the cancellation's interrupt must not abort the hand-back
                release();
            }
            MDC.remove("cluster");
            MDC.remove("operationId");
        }
    }

    private void dispatch(ProvisioningState state) {
        switch (state) {
            case CREATING -> install.runPhase(ctx);
            case UPDATING, ADMIN_UPDATING -> {
                ctx.step("validate", () -> cloud.validate(ctx.cluster(), false));
                ctx.step("update", () -> cloud.update(ctx.cluster()));
                outcome.succeed(ctx);
            }
            case DELETING -> {
                ctx.step("delete", () -> cloud.delete(ctx.cluster()));
                String operation = ctx.document().getAsyncOperationId();
                if (operation != null) {
                    operations.patch(operation, op -> {
                        op.getAsyncOperation().setProvisioningState(ProvisioningState.SUCCEEDED);
                        op.getAsyncOperation().setEndTime(java.time.Instant.now());
                        op.setOpenShiftCluster(null);
                    });
                }
                clusters.deleteWithLease(ctx.resourceId());
                LOG.info("cluster deleted");
            }
            default -> {
                LOG.warn("nothing to do for a cluster in state {}", state);
                ctx.handOver(doc -> { });
            }
        }
    }

    /** Gives the lease back without changing the cluster, so that another process resumes at once. */
    private void release() {
        try {
            clusters.endLease(ctx.resourceId(), doc -> { });
            LOG.info("handed the cluster back");
        } catch (RuntimeException e) {
            LOG.info("could not hand the cluster back ({}); its lease will expire", e.getMessage());
        }
    }
}
