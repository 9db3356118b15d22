package io.aro.rp.frontend;

import io.aro.rp.api.ResourceNames;
import io.aro.rp.database.AsyncOperations;
import io.aro.rp.api.ProvisioningState;
import java.time.Clock;

/** Starts asynchronous operations and names the URLs that clients poll them at. */
final class AsyncOperationUrls {
    private final AsyncOperations asyncOperations;
    private final String location;
    private final Clock clock;

    AsyncOperationUrls(AsyncOperations asyncOperations, String location, Clock clock) {
        this.asyncOperations = asyncOperations;
        this.location = location;
        this.clock = clock;
    }

    /** Records a new operation on the cluster with {@code key} that puts it in {@code state}; returns its id. */
    String start(String key, ProvisioningState state) {
        return asyncOperations.start(key, state, clock.instant());
    }

    /** The Azure-AsyncOperation URL: the operation's status. */
    String status(ArmRequest request, String subscriptionId, String operationId) {
        return request.url(path(subscriptionId) + "/operationsstatus/" + operationId);
    }

    /** The Location URL: the operation's result. */
    String result(ArmRequest request, String subscriptionId, String operationId) {
        return request.url(path(subscriptionId) + "/operationresults/" + operationId);
    }

    private String path(String subscriptionId) {
        return "/subscriptions/" + subscriptionId + "/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/locations/" + location;
    }
}
