package io.aro.rp.frontend;

import io.aro.rp.api.ResourceNames;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** The URLs that clients poll asynchronous operations at, and how soon they should. */
final class AsyncOperationUrls {
    private final String location;
    private final Duration retryAfter;

    AsyncOperationUrls(String location, Duration retryAfter) {
        this.location = location;
        this.retryAfter = retryAfter;
    }

    /** A response about an operation in progress: with Retry-After when one is configured. */
    Response.ResponseBuilder inProgress(Response.ResponseBuilder response) {
        return retryAfter == null ? response : response.header("Retry-After", retryAfter.toSeconds());
    }

    /** The Azure-AsyncOperation URL: the operation's status. */
    String status(ArmRequest request, String subscriptionId, String operationId) {
        return request.url(path(subscriptionId) + "/operationsstatus/" + operationId);
    }

    /** The Azure-AsyncOperation URL in a customer API version, for an operation the admin API started. */
    String status(ArmRequest request, String subscriptionId, String operationId, String apiVersion) {
        return request.url(path(subscriptionId) + "/operationsstatus/" + operationId, apiVersion);
    }

    /** The Location URL: the operation's result. */
    String result(ArmRequest request, String subscriptionId, String operationId) {
        return request.url(path(subscriptionId) + "/operationresults/" + operationId);
    }

    private String path(String subscriptionId) {
        return "/subscriptions/" + subscriptionId + "/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/" + location;
    }
}
