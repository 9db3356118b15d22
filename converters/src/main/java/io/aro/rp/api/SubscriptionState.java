package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** The state ARM reports for a subscription registered with the resource provider. */
public enum SubscriptionState {
    REGISTERED("Registered"),
    UNREGISTERED("Unregistered"),
    WARNED("Warned"),
    SUSPENDED("Suspended"),
    DELETED("Deleted");

    private final String value;

    SubscriptionState(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
