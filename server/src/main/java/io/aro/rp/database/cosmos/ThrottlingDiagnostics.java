package io.aro.rp.database.cosmos;

import com.azure.core.util.Context;
import com.azure.cosmos.CosmosDiagnosticsContext;
import com.azure.cosmos.CosmosDiagnosticsHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the SDK's work visible: the request units every operation cost, and every operation that the
 * SDK retried (throttling with 429, or a transient failure) or that ended throttled counts in metrics
 * and is logged with its container, operation, final status and retry count.
 */
final class ThrottlingDiagnostics implements CosmosDiagnosticsHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottlingDiagnostics.class);
    private static final int TOO_MANY_REQUESTS = 429;

    private final MeterRegistry metrics;

    ThrottlingDiagnostics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleDiagnostics(CosmosDiagnosticsContext context, Context traceContext) {
        int retries = context.getRetryCount();
        boolean throttled = context.getStatusCode() == TOO_MANY_REQUESTS;
        String container = String.valueOf(context.getContainerName());
        String operation = context.getOperationType();
        DistributionSummary.builder("aro.database.request.charge").description("Request units (RU) Cosmos DB charged, per operation")
                .tag("container", container).tag("operation", operation).register(metrics).record(context.getTotalRequestCharge());
        if (retries == 0 && !throttled) {
            return;
        }
        Counter.builder("aro.database.retries").description("Requests the Cosmos DB SDK retried")
                .tag("container", container).tag("operation", operation).register(metrics).increment(retries);
        if (throttled) {
            Counter.builder("aro.database.throttled").description("Operations that stayed throttled after the SDK's retries")
                    .tag("container", container).tag("operation", operation).register(metrics).increment();
        }
        LOG.atWarn().addKeyValue("container", container).addKeyValue("operation", operation)
                .addKeyValue("statusCode", context.getStatusCode()).addKeyValue("subStatusCode", context.getSubStatusCode())
                .addKeyValue("retryCount", retries).addKeyValue("durationMs", context.getDuration().toMillis())
                .log(throttled ? "database operation throttled" : "database operation retried");
    }
}
