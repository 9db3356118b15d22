package io.aro.rp.sdk;

import io.aro.rp.sdk.v20250725.models.CloudErrorBody;

/** The cluster (or its resource group) does not exist: a 404. */
public class ResourceNotFoundException extends AroException {
    public ResourceNotFoundException(CloudErrorBody error) {
        super(404, error);
    }
}
