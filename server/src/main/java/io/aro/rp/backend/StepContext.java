package io.aro.rp.backend;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.cloud.TransientCloudException;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a step of a worker sees: the cluster as last read or written under the lease, a way to record
 * what it learned (a write as lease holder), and a runner that checks for cancellation before each step
 * and retries transient cloud failures within the lease.
 */
final class StepContext {
    private static final Logger LOG = LoggerFactory.getLogger(StepContext.class);

    private final OpenShiftClusters clusters;
    private final Worker worker;
    private final BackendTelemetry telemetry;
    private final RetryPolicy<Object> transientRetry;
    private OpenShiftClusterDocument document;

    StepContext(OpenShiftClusters clusters, Worker worker, OpenShiftClusterDocument document, int transientRetries, BackendTelemetry telemetry) {
        this.clusters = clusters;
        this.worker = worker;
        this.telemetry = telemetry;
        this.document = document;
        this.transientRetry = RetryPolicy.builder().handleIf(e -> e instanceof TransientCloudException && !worker.isCancelled())
                .withMaxRetries(transientRetries).withBackoff(Duration.ofMillis(200), Duration.ofSeconds(10)).withJitter(0.5)
                .onRetry(e -> LOG.atWarn().addKeyValue("attempt", e.getAttemptCount()).log("retrying a step after a transient failure: {}",
                        e.getLastException().getMessage()))
                .build();
    }

    OpenShiftClusterDocument document() {
        return document;
    }

    OpenShiftCluster cluster() {
        return document.getOpenShiftCluster();
    }

    String resourceId() {
        return document.getKey();
    }

    /** Runs one step: refuses when the work is cancelled or the lease is gone, retries transient failures. */
    <T> T step(String name, Supplier<T> step) {
        worker.checkNotCancelled();
        clusters.requireLiveLease(resourceId());
        LOG.atInfo().addKeyValue("step", name).log("running step");
        long start = System.nanoTime();
        String outcome = "ok";
        Span span = telemetry.step(name);
        try (Scope scope = span.makeCurrent()) {
            return Failsafe.with(transientRetry).get(step::get);
        } catch (TransientCloudException e) {
            outcome = e.getClass().getSimpleName();
            worker.checkNotCancelled();
            throw e;
        } catch (RuntimeException e) {
            outcome = worker.isCancelled() ? "cancelled" : e.getClass().getSimpleName();
            throw e;
        } finally {
            span.setAttribute("aro.outcome", outcome);
            if (!outcome.equals("ok")) {
                span.setStatus(StatusCode.ERROR, outcome);
            }
            span.end();
            telemetry.step(name, System.nanoTime() - start, outcome);
        }
    }

    void step(String name, Runnable step) {
        step(name, () -> {
            step.run();
            return null;
        });
    }

    /** Refuses when the work is cancelled or the lease is gone: the fence before an operation ends. */
    void checkLease() {
        worker.checkNotCancelled();
        clusters.requireLiveLease(resourceId());
    }

    /** Records what a step learned on the cluster, as the lease holder. */
    void record(Consumer<OpenShiftCluster> change) {
        worker.checkNotCancelled();
        document = clusters.patchWithLease(resourceId(), doc -> change.accept(doc.getOpenShiftCluster()));
    }

    /** Ends the lease after {@code change}, keeping the cluster's state: another worker continues from here. */
    void handOver(Consumer<OpenShiftClusterDocument> change) {
        worker.checkNotCancelled();
        document = clusters.endLease(resourceId(), change);
    }

    /** Like {@link #handOver(Consumer)}, but no worker takes the cluster again before {@code notBefore} has passed. */
    void handOver(Consumer<OpenShiftClusterDocument> change, Duration notBefore) {
        worker.checkNotCancelled();
        document = clusters.endLease(resourceId(), change, notBefore);
    }
}
