package io.aro.rp.frontend;

import io.aro.rp.api.ResourceNames;
import io.aro.rp.api.ValidationContext;

/** The cluster a request's URL names, in the caller's casing. */
record ClusterRef(String subscriptionId, String resourceGroupName, String resourceName) {
    String resourceId() {
        return ResourceNames.resourceId(subscriptionId, resourceGroupName, resourceName);
    }

    ValidationContext validationContext(FrontendSettings settings) {
        return new ValidationContext(subscriptionId, resourceGroupName, resourceName, settings.location(), settings.managedDomain());
    }

    io.aro.rp.api.CloudErrorException notFound() {
        return new io.aro.rp.api.CloudError(404, new io.aro.rp.api.CloudErrorBody(io.aro.rp.api.CloudErrorCodes.RESOURCE_NOT_FOUND,
                String.format("The Resource '%s/%s' under resource group '%s' was not found.", ResourceNames.RESOURCE_TYPE, resourceName,
                        resourceGroupName), null, null)).toException();
    }
}
