package io.aro.rp.backend;

import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.database.LeasedDocument;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.management.Tracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the backend counts, times and traces, in one place: dequeues, leases and steps (operations:
 * {@code ClusterOperation}); a span for each piece of work on a cluster, with a child per step.
 */
final class BackendTelemetry {
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final Map<ProvisioningState, AtomicLong> waiting = new ConcurrentHashMap<>();
    /** Timers built once each, not on every step. */
    private final Map<String, Timer> dequeueDelays = new ConcurrentHashMap<>();
    private final Map<StepKey, Timer> steps = new ConcurrentHashMap<>();

    private record StepKey(String name, String outcome) {
    }

    BackendTelemetry(MeterRegistry metrics, Tracer tracer) {
        this.metrics = metrics;
        this.tracer = tracer;
    }

    /** The span of one worker's turn on a cluster, which the steps' spans are children of while it is current. */
    Span work(OpenShiftClusterDocument cluster) {
        SpanBuilder span = tracer.spanBuilder("work on cluster").setAttribute(Tracing.CLUSTER, cluster.getKey())
                .setAttribute("aro.provisioning_state", String.valueOf(cluster.getOpenShiftCluster().getProperties().getProvisioningState()));
        if (cluster.getAsyncOperationId() != null) {
            span.setAttribute(Tracing.OPERATION_ID, cluster.getAsyncOperationId());
        }
        CorrelationData correlation = cluster.getCorrelationData();
        if (correlation != null) {
            setIfPresent(span, Tracing.CORRELATION_REQUEST_ID, correlation.correlationRequestId());
            setIfPresent(span, Tracing.CLIENT_REQUEST_ID, correlation.clientRequestId());
            setIfPresent(span, Tracing.REQUEST_ID, correlation.requestId());
        }
        return span.startSpan();
    }

    /** The span of a step, a child of the current work span. */
    Span step(String name) {
        return tracer.spanBuilder("step " + name).setAttribute("aro.step", name).startSpan();
    }

    private static void setIfPresent(SpanBuilder span, AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }

    /** A document this backend took: how long it waited for a worker, and whether it was taken from an expired lease. */
    void taken(String kind, LeasedDocument document) {
        LeasedDocument.Dequeue dequeue = document.getDequeue();
        if (dequeue == null) {
            return;
        }
        dequeueDelays.computeIfAbsent(kind, k -> Timer.builder("aro.backend.dequeue.delay")
                .description("How long a ready document waited before a worker took it")
                .tag("kind", k).publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(10)).register(metrics))
                .record(dequeue.waited());
        if (dequeue.afterExpiredLease()) {
            Counter.builder("aro.backend.lease.takeovers").description("Documents taken over from a worker whose lease had expired")
                    .tag("kind", kind).register(metrics).increment();
        }
    }

    /** How many clusters wait for a worker, by state. */
    void waiting(Map<ProvisioningState, Long> byState) {
        for (ProvisioningState state : List.of(ProvisioningState.CREATING, ProvisioningState.UPDATING, ProvisioningState.ADMIN_UPDATING,
                ProvisioningState.DELETING)) {
            waiting.computeIfAbsent(state, s -> {
                AtomicLong count = new AtomicLong();
                Gauge.builder("aro.backend.clusters.waiting", count, AtomicLong::get)
                        .description("Clusters that wait for a worker, by state (counted up to a bound, every minute)")
                        .tag("state", s.toString()).register(metrics);
                return count;
            }).set(byState.getOrDefault(state, 0L));
        }
    }

    /** This backend lost a lease it held: its heartbeat could not renew it, or another worker took it. */
    void leaseLost() {
        Counter.builder("aro.backend.lease.lost").description("Leases this backend lost while working").register(metrics).increment();
    }

    /** A step ran: ok, failed (with the exception's simple class name) or cancelled. */
    void step(String name, long nanos, String outcome) {
        steps.computeIfAbsent(new StepKey(name, outcome), key -> Timer.builder("aro.backend.steps")
                .description("The backend's steps, by name and outcome").tag("step", key.name()).tag("outcome", key.outcome())
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(30)).register(metrics)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
