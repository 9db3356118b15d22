package io.aro.rp.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the cluster's egress traffic reaches the internet. */
public enum OutboundType {
    LOADBALANCER("Loadbalancer"),
    USER_DEFINED_ROUTING("UserDefinedRouting");

    private final String value;

    OutboundType(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
