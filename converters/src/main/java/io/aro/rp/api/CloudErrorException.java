package io.aro.rp.api;

/** Aborts the handling of a request with a CloudError that the frontend returns as it is. */
public final class CloudErrorException extends RuntimeException {
    private final CloudError cloudError;

    public CloudErrorException(CloudError cloudError) {
        super(cloudError.toString(), null, false, false);
        this.cloudError = cloudError;
    }

    public CloudError getCloudError() {
        return cloudError;
    }
}
