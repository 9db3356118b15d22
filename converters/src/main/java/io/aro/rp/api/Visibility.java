package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an endpoint is reachable from the internet. */
public enum Visibility {
    PUBLIC("Public"),
    PRIVATE("Private");

    private final String value;

    Visibility(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
