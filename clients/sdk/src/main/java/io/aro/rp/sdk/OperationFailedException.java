package io.aro.rp.sdk;

import io.aro.rp.sdk.v20250725.models.CloudErrorBody;

/** A long-running operation ended Failed or Canceled; the error is the one its status reported. */
public class OperationFailedException extends AroException {
    private final String status;

    public OperationFailedException(String status, CloudErrorBody error) {
        super(0, error);
        this.status = status;
    }

    /** {@code Failed} or {@code Canceled}. */
    public String getStatus() {
        return status;
    }
}
