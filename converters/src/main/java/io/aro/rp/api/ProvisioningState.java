package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle state of a cluster, and the status of an asynchronous operation. */
public enum ProvisioningState {
    CREATING("Creating"),
    UPDATING("Updating"),
    ADMIN_UPDATING("AdminUpdating"),
    DELETING("Deleting"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELED("Canceled");

    private final String value;

    ProvisioningState(String value) {
        this.value = value;
    }

    /** Whether the backend still has work to do on a cluster in this state. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
