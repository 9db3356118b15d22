package io.aro.rp.sdk;

/** The service could not be reached, or answered with something that is not HTTP or not its API, even after retries. */
public class ServiceUnreachableException extends RuntimeException {
    public ServiceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
