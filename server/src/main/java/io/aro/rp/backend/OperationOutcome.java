package io.aro.rp.backend;

import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.AsyncOperations;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an operation (ARO's terminal EndLease): first the AsyncOperation (status, end time, error and the
 * cluster as it ends), then the cluster (state, failed and last state, no operation, no lease). A crash
 * between the two leaves the cluster pointing at its operation, so clients keep seeing it in progress
 * and the next worker ends it again.
 */
final class OperationOutcome {
    private static final Logger LOG = LoggerFactory.getLogger(OperationOutcome.class);
    static final CloudErrorBody INTERNAL_ERROR = new CloudErrorBody("InternalServerError", "Internal server error.", null, null);

    private final AsyncOperations operations;
    private final Clock clock;
    private final MeterRegistry metrics;

    OperationOutcome(AsyncOperations operations, Clock clock, MeterRegistry metrics) {
        this.operations = operations;
        this.clock = clock;
        this.metrics = metrics;
    }

    void succeed(StepContext ctx) {
        end(ctx, null);
    }

    void fail(StepContext ctx, CloudErrorBody error) {
        end(ctx, error);
    }

    private void end(StepContext ctx, CloudErrorBody error) {
        OpenShiftClusterDocument doc = ctx.document();
        OpenShiftClusterProperties p = doc.getOpenShiftCluster().getProperties();
        ProvisioningState operation = p.getProvisioningState();
        ProvisioningState last = p.getLastProvisioningState();
        ProvisioningState outcome = error != null ? ProvisioningState.FAILED
                : operation == ProvisioningState.ADMIN_UPDATING && last != null ? last : ProvisioningState.SUCCEEDED;

        OpenShiftCluster snapshot = doc.getOpenShiftCluster();
        apply(snapshot.getProperties(), operation, outcome);
        if (doc.getAsyncOperationId() != null) {
            operations.patch(doc.getAsyncOperationId(), op -> {
                op.getAsyncOperation().setProvisioningState(outcome);
                op.getAsyncOperation().setEndTime(clock.instant());
                op.getAsyncOperation().setError(error);
                op.setOpenShiftCluster(snapshot);
            });
        }
        ctx.handOver(d -> {
            apply(d.getOpenShiftCluster().getProperties(), operation, outcome);
            d.setAsyncOperationId(null);
            if (outcome != ProvisioningState.FAILED) {
                d.setDequeues(0);
            }
        });
        Counter.builder("aro.backend.operations").description("Operations the backend ended")
                .tag("operation", operation.toString()).tag("outcome", outcome.toString()).register(metrics).increment();
        LOG.atInfo().addKeyValue("operation", operation).addKeyValue("outcome", outcome)
                .addKeyValue("errorCode", error == null ? null : error.getCode()).log("operation ended");
    }

    private static void apply(OpenShiftClusterProperties p, ProvisioningState operation, ProvisioningState outcome) {
        p.setProvisioningState(outcome);
        p.setLastProvisioningState(operation);
        p.setFailedProvisioningState(outcome == ProvisioningState.FAILED ? operation : null);
        if (outcome == ProvisioningState.SUCCEEDED && operation == ProvisioningState.CREATING) {
            p.setInstall(null);
        }
    }
}
