package io.aro.rp.management;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * The process's registry, which the management listener exposes: the RP's meters, and the JVM's and the process's.
 * The JVM's are bound on a thread of their own: their class loading and MXBean lookups took a tenth of a start,
 * which needs none of them.
 */
public final class ProcessMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CompletableFuture<JvmGcMetrics> jvmMeters;

    public ProcessMetrics() {
        jvmMeters = CompletableFuture.supplyAsync(() -> {
            new ClassLoaderMetrics().bindTo(registry);
            new JvmMemoryMetrics().bindTo(registry);
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
            return gc;
        });
    }

    /** The registry: the RP's meters can be added at once, the JVM's are there once {@link #awaitJvmMeters} returned. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Waits until the JVM's and the process's meters are bound: before anything reads the registry. */
    public void awaitJvmMeters() {
        jvmMeters.join();
    }

    /** Closes the registry even when binding the JVM's meters failed (that failure was the start's to report). */
    @Override
    public void close() {
        jvmMeters.handle((gc, failure) -> {
            if (gc != null) {
                gc.close();
            }
            return null;
        }).join();
        registry.close();
    }
}
