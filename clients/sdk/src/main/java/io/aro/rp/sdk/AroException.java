package io.aro.rp.sdk;

import io.aro.rp.sdk.v20250725.models.CloudErrorBody;

/**
 * The service refused a request: the HTTP status and the ARM CloudError it answered with (code,
 * message, the property it is about as {@link #getTarget()}, details).
 */
public class AroException extends RuntimeException {
    private final int statusCode;
    private final CloudErrorBody error;

    public AroException(int statusCode, CloudErrorBody error) {
        super(describe(statusCode, error));
        this.statusCode = statusCode;
        this.error = error;
    }

    private static String describe(int statusCode, CloudErrorBody error) {
        String target = error.getTarget() == null || error.getTarget().isEmpty() ? "" : " [" + error.getTarget() + "]";
        return (statusCode > 0 ? statusCode + " " : "") + "(" + error.getCode() + ")" + target + " " + error.getMessage();
    }

    /** The HTTP status of the response, or 0 for an error reported by a long-running operation. */
    public int getStatusCode() {
        return statusCode;
    }

    /** ARM's error code, for example {@code InvalidParameter} or {@code ResourceNotFound}. */
    public String getCode() {
        return error.getCode();
    }

    /** The request property the error is about, for example {@code properties.masterProfile.vmSize}, or null. */
    public String getTarget() {
        return error.getTarget();
    }

    /** The whole CloudError body, with its details. */
    public CloudErrorBody getError() {
        return error;
    }
}
