package io.aro.rp.api;

/**
 * The ARM ids of the request that started a cluster's current operation (ARO's CorrelationData), kept
 * on the cluster so that the backend's logs and the Hive objects carry them.
 *
 * @param correlationRequestId ARM's {@code x-ms-correlation-request-id}
 * @param clientRequestId the client's {@code x-ms-client-request-id}
 * @param requestId the RP's own {@code x-ms-request-id} for that request
 */
public record CorrelationData(String correlationRequestId, String clientRequestId, String requestId) {
}
