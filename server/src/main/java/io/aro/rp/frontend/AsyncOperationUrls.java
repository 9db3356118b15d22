package io.aro.rp.frontend;

import io.aro.rp.api.ResourceNames;

/** The URLs that clients poll asynchronous operations at. */
final class AsyncOperationUrls {
    private final String location;

    AsyncOperationUrls(String location) {
        this.location = location;
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
