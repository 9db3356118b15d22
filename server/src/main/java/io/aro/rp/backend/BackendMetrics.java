package io.aro.rp.backend;

import io.aro.rp.database.LeasedDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the backend counts and times, in one place: dequeues, leases and steps (operations: {@code ClusterOperation}). */
final class BackendMetrics {
    private final MeterRegistry metrics;

    BackendMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** A document this backend took: how long it waited for a worker, and whether it was taken from an expired lease. */
    void taken(String kind, LeasedDocument document) {
        LeasedDocument.Dequeue dequeue = document.getDequeue();
        if (dequeue == null) {
            return;
        }
        Timer.builder("aro.backend.dequeue.delay").description("How long a ready document waited before a worker took it")
                .tag("kind", kind).publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(10)).register(metrics)
                .record(dequeue.waited());
        if (dequeue.afterExpiredLease()) {
            Counter.builder("aro.backend.lease.takeovers").description("Documents taken over from a worker whose lease had expired")
                    .tag("kind", kind).register(metrics).increment();
        }
    }

    /** This backend lost a lease it held: its heartbeat could not renew it, or another worker took it. */
    void leaseLost() {
        Counter.builder("aro.backend.lease.lost").description("Leases this backend lost while working").register(metrics).increment();
    }

    /** A step ran: ok, failed (with the exception's simple class name) or cancelled. */
    void step(String name, long nanos, String outcome) {
        Timer.builder("aro.backend.steps").description("The backend's steps, by name and outcome").tag("step", name).tag("outcome", outcome)
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(30)).register(metrics).record(nanos, TimeUnit.NANOSECONDS);
    }
}
