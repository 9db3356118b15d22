package io.aro.rp.management;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;

/**
 * The RP's traces: a span per request and per backend step, with ARM's correlation ids and the
 * operation id as attributes, sent over OTLP/HTTP when ARO_OTLP_ENDPOINT is set. Off, the tracer is
 * OpenTelemetry's no-op one, which records nothing and costs next to nothing.
 */
public final class Tracing implements AutoCloseable {
    /** The attribute names the RP's spans carry, beside OpenTelemetry's HTTP conventions. */
    public static final AttributeKey<String> CORRELATION_REQUEST_ID = AttributeKey.stringKey("aro.correlation_request_id");
    public static final AttributeKey<String> CLIENT_REQUEST_ID = AttributeKey.stringKey("aro.client_request_id");
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("aro.request_id");
    public static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("aro.operation_id");
    public static final AttributeKey<String> CLUSTER = AttributeKey.stringKey("aro.cluster");

    private final OpenTelemetry openTelemetry;
    private final SdkTracerProvider provider;

    private Tracing(OpenTelemetry openTelemetry, SdkTracerProvider provider) {
        this.openTelemetry = openTelemetry;
        this.provider = provider;
    }

    public static Tracing off() {
        return new Tracing(OpenTelemetry.noop(), null);
    }

    /** Spans batched to an OpenTelemetry collector's OTLP/HTTP endpoint, such as http://otel-collector:4318/. */
    public static Tracing otlp(URI endpoint) {
        return with(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint.resolve("v1/traces").toString()).build()).build());
    }

    /** Spans handed to {@code exporter} as each ends (tests). */
    public static Tracing exportingTo(SpanExporter exporter) {
        return with(SimpleSpanProcessor.create(exporter));
    }

    private static Tracing with(SpanProcessor processor) {
        SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor)
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "aro-rp"))))
                .build();
        return new Tracing(OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build(), provider);
    }

    public Tracer tracer() {
        return openTelemetry.getTracer("io.aro.rp");
    }

    /** How a request's traceparent header continues the caller's trace. */
    public ContextPropagators propagators() {
        return openTelemetry.getPropagators();
    }

    @Override
    public void close() {
        if (provider != null) {
            provider.close();
        }
    }
}
