package io.aro.rp.backend;

import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.Install;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.LostLeaseException;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Works on one leased cluster: the reconciler of its state decides, and {@link #apply} carries the
 * decision out: the one place where a cluster moves on, waits, or its operation ends. A step's
 * CloudError fails the operation with that error. Any other failure is treated like a crash: the lease
 * is left to expire and another attempt follows, up to the dequeue limit.
 */
final class ClusterWorker extends Worker {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWorker.class);

    private final OpenShiftClusters clusters;
    private final ClusterOperation operation;
    private final Map<ProvisioningState, Reconciler> reconcilers;
    private final BackendSettings settings;
    private final BackendTelemetry telemetry;
    private final StepContext ctx;
    private volatile boolean releaseOnExit;

    ClusterWorker(OpenShiftClusters clusters, ClusterOperation operation, Map<ProvisioningState, Reconciler> reconcilers, BackendSettings settings,
            OpenShiftClusterDocument leased, BackendTelemetry telemetry) {
        this.clusters = clusters;
        this.operation = operation;
        this.reconcilers = reconcilers;
        this.settings = settings;
        this.telemetry = telemetry;
        this.ctx = new StepContext(clusters, this, leased, settings.transientRetries(), telemetry);
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
            telemetry.leaseLost();
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
        putCorrelation(doc);
        ProvisioningState state = doc.getOpenShiftCluster().getProperties().getProvisioningState();
        LOG.atInfo().addKeyValue("state", state).addKeyValue("dequeues", doc.getDequeues()).log("working on cluster");
        Span span = telemetry.work(doc);
        try (Scope scope = span.makeCurrent()) {
            apply(decide(doc, state));
        } catch (LostLeaseException e) {
            telemetry.leaseLost();
            LOG.info("abandoned work on the cluster: {}", e.getMessage());
        } catch (WorkCancelledException e) {
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
            span.end();
            MDC.clear();
        }
    }

    private Decision decide(OpenShiftClusterDocument doc, ProvisioningState state) {
        if (doc.getDequeues() > settings.maxDequeues()) {
            return new Decision.Failed(new CloudErrorBody(CloudErrorCodes.INTERNAL_SERVER_ERROR, String.format(
                    "The operation was started %d times without finishing and has been stopped. Update or delete the cluster to try again.",
                    doc.getDequeues() - 1), null, null));
        }
        Reconciler reconciler = reconcilers.get(state);
        if (reconciler == null) {
            LOG.warn("nothing to do for a cluster in state {}", state);
            return new Decision.RequeueAfter(java.time.Duration.ZERO, "nothing to do in state " + state);
        }
        try {
            return reconciler.reconcile(ctx);
        } catch (CloudErrorException e) {
            return new Decision.Failed(e.getCloudError().getError());
        }
    }

    /** Carries out what the reconciler decided. */
    private void apply(Decision decision) {
        if (decision instanceof Decision.NextPhase next) {
            ctx.handOver(doc -> {
                if (doc.getOpenShiftCluster().getProperties().getInstall() == null) {
                    doc.getOpenShiftCluster().getProperties().setInstall(new Install());
                }
                doc.getOpenShiftCluster().getProperties().getInstall().setPhase(next.phase());
                doc.setDequeues(0); // a finished phase is progress: the dequeue limit counts attempts without any
            });
            clusters.signalWork(); // the next phase may start at once, here or in another worker
            LOG.atInfo().addKeyValue("phase", next.phase()).log("handed the cluster over for its next phase");
        } else if (decision instanceof Decision.RequeueAfter wait) {
            ctx.handOver(doc -> doc.setDequeues(0), wait.delay());
            LOG.atInfo().addKeyValue("delay", wait.delay()).log("waiting: {}", wait.reason());
        } else if (decision instanceof Decision.Failed failed) {
            LOG.atInfo().addKeyValue("errorCode", failed.error().getCode()).log("operation failed: {}", failed.error().getMessage());
            ctx.checkLease();
            operation.end(ctx.document(), failed.error());
        } else if (decision instanceof Decision.Succeeded) {
            ctx.checkLease();
            operation.end(ctx.document(), null);
        } else if (decision instanceof Decision.Deleted) {
            ctx.checkLease();
            operation.endDeleted(ctx.document());
            LOG.info("cluster deleted");
        }
    }

    private static void putCorrelation(OpenShiftClusterDocument doc) {
        MDC.put("cluster", doc.getKey());
        if (doc.getAsyncOperationId() != null) {
            MDC.put("operationId", doc.getAsyncOperationId());
        }
        CorrelationData correlation = doc.getCorrelationData();
        if (correlation != null) {
            putIfPresent("correlationRequestId", correlation.correlationRequestId());
            putIfPresent("clientRequestId", correlation.clientRequestId());
            putIfPresent("requestId", correlation.requestId());
        }
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
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
