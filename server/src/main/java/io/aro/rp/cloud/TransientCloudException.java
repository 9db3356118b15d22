package io.aro.rp.cloud;

/** A cloud call failed in a way that retrying may fix: throttling, a timeout, a 5xx. */
public class TransientCloudException extends RuntimeException {
    public TransientCloudException(String message) {
        super(message);
    }

    public TransientCloudException(String message, Throwable cause) {
        super(message, cause);
    }
}
