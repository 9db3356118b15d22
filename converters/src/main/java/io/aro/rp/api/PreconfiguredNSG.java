package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the customer attaches their own network security groups to the subnets. */
public enum PreconfiguredNSG {
    DISABLED("Disabled"),
    ENABLED("Enabled");

    private final String value;

    PreconfiguredNSG(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
