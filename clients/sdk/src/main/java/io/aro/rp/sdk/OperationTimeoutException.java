package io.aro.rp.sdk;

import java.time.Duration;

/** A long-running operation had not ended when the caller stopped waiting; it goes on in the service. */
public class OperationTimeoutException extends RuntimeException {
    public OperationTimeoutException(String operation, Duration timeout) {
        super(operation + " has not finished within " + timeout + "; it goes on in the service");
    }
}
