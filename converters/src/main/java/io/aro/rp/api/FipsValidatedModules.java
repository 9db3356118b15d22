package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the cluster uses FIPS validated cryptographic modules. */
public enum FipsValidatedModules {
    DISABLED("Disabled"),
    ENABLED("Enabled");

    private final String value;

    FipsValidatedModules(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
